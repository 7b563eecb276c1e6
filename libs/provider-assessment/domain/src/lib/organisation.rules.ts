import {
  NHS_REGIONS,
  ORGANISATION_KINDS,
  ORGANISATION_ROLES,
  type NhsRegion,
  type OrganisationKind,
  type OrganisationRole,
} from '@nets/provider-assessment/contract-events';
import type { ErrorDetail } from '@nets/shared/util-errors';
import { TEXT_LIMITS, textProblem } from '@nets/shared/util-text';
import { normaliseCode, odsCodeProblem, siteCodeProblem } from './ods-code.rules';

export interface OrganisationDraft {
  odsCode: string;
  name: string;
  kind: OrganisationKind;
  roles: OrganisationRole[];
  region: NhsRegion;
  sites: Array<{ code: string; name: string }>;
}

/** Organisation and site names: one line, at most 200 characters, nothing invisible (schema-documented). */
export const ORGANISATION_NAME_RULE = { max: TEXT_LIMITS.name };
/** An organisation has at most this many sites (the largest trusts have a few dozen). */
export const MAX_SITES = 500;

/** Runs of spaces (not line breaks or tabs, which the name rule refuses rather than hides). */
export const SPACES = /[^\S\t\n\v\f\r]+/g;

/** Trims and upper-cases codes, trims names, de-duplicates roles in their canonical order. */
export function normaliseDraft(draft: OrganisationDraft): OrganisationDraft {
  return {
    odsCode: normaliseCode(draft.odsCode),
    name: draft.name.trim().replace(SPACES, ' '),
    kind: draft.kind,
    roles: ORGANISATION_ROLES.filter((role) => draft.roles.includes(role)),
    region: draft.region,
    sites: draft.sites.map((site) => ({
      code: normaliseCode(site.code),
      name: site.name.trim().replace(SPACES, ' '),
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
  const nameProblem = textProblem(draft.name, ORGANISATION_NAME_RULE);
  if (nameProblem) problems.push({ path: 'name', message: `The name ${nameProblem}.` });
  if (draft.sites.length > MAX_SITES)
    problems.push({ path: 'sites', message: `At most ${MAX_SITES} sites.` });
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
    const siteNameProblem = textProblem(site.name, ORGANISATION_NAME_RULE);
    if (siteNameProblem)
      problems.push({ path: `sites[${index}].name`, message: `The site name ${siteNameProblem}.` });
  });
  return problems;
}
