import type { OrganisationKind } from '@nets/provider-assessment/contract-events';

/**
 * ODS code formats per kind of organisation, as the NHS Organisation Data Service issues them
 * (simplified to what the registry needs to catch typos and wrong columns):
 * - NHS and foundation trusts: 3 characters, R (or T for care trusts) then 2 letters/digits: RXX, R0A, TAD.
 * - GP practices: a letter and 5 digits: A81001.
 * - Dental practices: V and 5 digits: V00123.
 * - Community pharmacies: F and 4 letters/digits: FA123.
 * - Independent sector providers and hospices: N and 2 letters/digits: NT3.
 * - Local authorities: 3 digits: 802.
 * - Universities and further-education colleges have no ODS code: their 8-digit UKPRN starting with 1.
 * - Other organisations: 3 to 8 letters/digits.
 * Sites are 5 characters; the sites of a 3-character organisation start with its code (RXX01).
 */
export const ODS_CODE_RULES: Readonly<Record<OrganisationKind, { pattern: RegExp; example: string }>> = {
  NHS_TRUST: { pattern: /^[RT][A-Z0-9]{2}$/, example: 'RXX' },
  FOUNDATION_TRUST: { pattern: /^[RT][A-Z0-9]{2}$/, example: 'RXX' },
  GP_PRACTICE: { pattern: /^[A-Z]\d{5}$/, example: 'A81001' },
  DENTAL_PRACTICE: { pattern: /^V\d{5}$/, example: 'V00123' },
  COMMUNITY_PHARMACY: { pattern: /^F[A-Z0-9]{4}$/, example: 'FA123' },
  INDEPENDENT_SECTOR: { pattern: /^N[A-Z0-9]{2}$/, example: 'NT3' },
  HOSPICE: { pattern: /^N[A-Z0-9]{2}$/, example: 'NQ1' },
  LOCAL_AUTHORITY: { pattern: /^\d{3}$/, example: '802' },
  UNIVERSITY: { pattern: /^1\d{7}$/, example: '10007774' },
  FURTHER_EDUCATION_COLLEGE: { pattern: /^1\d{7}$/, example: '10001234' },
  OTHER: { pattern: /^[A-Z0-9]{3,8}$/, example: 'EE123456' },
};

const SITE_CODE = /^[A-Z0-9]{5}$/;

export function normaliseCode(code: string): string {
  return code.trim().toUpperCase();
}

/** Why `code` is not a valid ODS code for `kind`, or undefined when it is. Expects a normalised code. */
export function odsCodeProblem(kind: OrganisationKind, code: string): string | undefined {
  const rule = ODS_CODE_RULES[kind];
  return rule.pattern.test(code)
    ? undefined
    : `'${code}' is not a valid code for ${kind.toLowerCase().replace(/_/g, ' ')} (like ${rule.example}).`;
}

/** Why `siteCode` is not a valid site code of the organisation, or undefined. Expects normalised codes. */
export function siteCodeProblem(organisationCode: string, siteCode: string): string | undefined {
  if (!SITE_CODE.test(siteCode)) return `Site code '${siteCode}' must be 5 letters or digits (like RXX01).`;
  if (organisationCode.length === 3 && !siteCode.startsWith(organisationCode)) {
    return `Site code '${siteCode}' must start with its organisation's code ${organisationCode}.`;
  }
  return undefined;
}
