import {
  NHS_REGIONS,
  ORGANISATION_KINDS,
  ORGANISATION_ROLES,
  type NhsRegion,
  type OrganisationKind,
  type OrganisationRole,
} from '@nets/provider-assessment/contract-events';
import type { ErrorDetail } from '@nets/shared/util-errors';
import { normaliseCode, odsCodeProblem, siteCodeProblem } from './ods-code.rules';

export interface OrganisationDraft {
  odsCode: string;
  name: string;
  kind: OrganisationKind;
  roles: OrganisationRole[];
  region: NhsRegion;
  sites: Array<{ code: string; name: string }>;
}

/** Trims and upper-cases codes, trims names, de-duplicates roles in their canonical order. */
export function normaliseDraft(draft: OrganisationDraft): OrganisationDraft {
  return {
    odsCode: normaliseCode(draft.odsCode),
    name: draft.name.trim().replace(/\s+/g, ' '),
    kind: draft.kind,
    roles: ORGANISATION_ROLES.filter((role) => draft.roles.includes(role)),
    region: draft.region,
    sites: draft.sites.map((site) => ({
      code: normaliseCode(site.code),
      name: site.name.trim().replace(/\s+/g, ' '),
    })),
  };
}

/** Every problem of a normalised draft, with the path of the field at fault. */
export function organisationProblems(draft: OrganisationDraft): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (!ORGANISATION_KINDS.includes(draft.kind)) problems.push({ path: 'kind', message: 'Unknown kind.' });
  else {
    const code = odsCodeProblem(draft.kind, draft.odsCode);
    if (code) problems.push({ path: 'odsCode', message: code });
  }
  if (!NHS_REGIONS.includes(draft.region)) problems.push({ path: 'region', message: 'Unknown region.' });
  if (draft.name === '') problems.push({ path: 'name', message: 'The name is empty.' });
  if (draft.name.length > 200)
    problems.push({ path: 'name', message: 'The name is longer than 200 characters.' });
  if (draft.roles.length === 0) {
    problems.push({
      path: 'roles',
      message: 'An organisation is a placement provider, an education provider or both.',
    });
  }
  const seen = new Set<string>();
  draft.sites.forEach((site, index) => {
    const problem = siteCodeProblem(draft.odsCode, site.code);
    if (problem) problems.push({ path: `sites[${index}].code`, message: problem });
    if (seen.has(site.code)) {
      problems.push({ path: `sites[${index}].code`, message: `Site code ${site.code} appears twice.` });
    }
    seen.add(site.code);
    if (site.name === '') problems.push({ path: `sites[${index}].name`, message: 'The site name is empty.' });
  });
  return problems;
}
