import { REGIONS, type Region } from '@nets/shared/auth';
import type { MeasureResultsFilter, ResultsGroupBy, ResultsTable } from '../../__generated__/graphql';
import type { StaffUser } from '../../auth/staff-user';
import type { PageError } from '@nets/web/ui-nhsuk';

/** The rows of the explorer's table: one per region, learner group, profession, organisation or site. */
export const BREAKDOWNS = ['region', 'learner-group', 'profession', 'organisation', 'site'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/**
 * The breakdowns a role may ask for, as the analytics graph scopes them (DESIGN.md §2): a provider user sees
 * its own organisation (by organisation or site) and the national benchmarks (by learner group or
 * profession), never regions; quality teams (their region) and national roles every breakdown.
 */
export function breakdownsFor(role: StaffUser['role']): readonly Breakdown[] {
  return role === 'PROVIDER_USER' || role === 'EDUCATION_PROVIDER_USER'
    ? ['site', 'organisation', 'learner-group', 'profession']
    : BREAKDOWNS;
}

export const BREAKDOWN_LABELS: Record<Breakdown, string> = {
  region: 'Region',
  'learner-group': 'Learner group',
  profession: 'Profession',
  organisation: 'Organisation',
  site: 'Site',
};

/** What the address asks for (every filter lives in the URL, so a view can be bookmarked and shared). */
export interface ExplorerFilters {
  year: number;
  measure: string;
  by: Breakdown;
  region?: Region;
  learnerGroup?: string;
  profession?: string;
  organisationId?: string;
}

export interface ExplorerChoices {
  years: readonly number[];
  measures: readonly string[];
  learnerGroups: ReadonlyArray<{ code: string; professions: ReadonlyArray<{ code: string }> }>;
  organisationIds: ReadonlySet<string>;
}

type Geography = 'NATIONAL' | 'REGION' | 'ORGANISATION' | 'SITE';
type Learners = 'ALL' | 'LEARNER_GROUP' | 'PROFESSION';
const GEOGRAPHY: readonly Geography[] = ['NATIONAL', 'REGION', 'ORGANISATION', 'SITE'];
const LEARNERS: readonly Learners[] = ['ALL', 'LEARNER_GROUP', 'PROFESSION'];

/** The graph's canonical tables by their geography and learner level, with the groupBy that asks for each. */
const TABLES: ReadonlyArray<{
  table: ResultsTable;
  geography: Geography;
  learners: Learners;
  groupBy: ResultsGroupBy[];
}> = [
  { table: 'NATIONAL', geography: 'NATIONAL', learners: 'ALL', groupBy: [] },
  { table: 'REGION', geography: 'REGION', learners: 'ALL', groupBy: ['REGION'] },
  { table: 'LEARNER_GROUP', geography: 'NATIONAL', learners: 'LEARNER_GROUP', groupBy: ['LEARNER_GROUP'] },
  { table: 'PROFESSION', geography: 'NATIONAL', learners: 'PROFESSION', groupBy: ['PROFESSION'] },
  { table: 'ORGANISATION', geography: 'ORGANISATION', learners: 'ALL', groupBy: ['ORGANISATION'] },
  { table: 'SITE', geography: 'SITE', learners: 'ALL', groupBy: ['SITE'] },
  {
    table: 'ORGANISATION_BY_LEARNER_GROUP',
    geography: 'ORGANISATION',
    learners: 'LEARNER_GROUP',
    groupBy: ['ORGANISATION', 'LEARNER_GROUP'],
  },
  {
    table: 'REGION_BY_LEARNER_GROUP',
    geography: 'REGION',
    learners: 'LEARNER_GROUP',
    groupBy: ['REGION', 'LEARNER_GROUP'],
  },
  {
    table: 'REGION_BY_PROFESSION',
    geography: 'REGION',
    learners: 'PROFESSION',
    groupBy: ['REGION', 'PROFESSION'],
  },
];

const BREAKDOWN_LEVEL: Record<Breakdown, { geography: Geography; learners: Learners }> = {
  region: { geography: 'REGION', learners: 'ALL' },
  'learner-group': { geography: 'NATIONAL', learners: 'LEARNER_GROUP' },
  profession: { geography: 'NATIONAL', learners: 'PROFESSION' },
  organisation: { geography: 'ORGANISATION', learners: 'ALL' },
  site: { geography: 'SITE', learners: 'ALL' },
};

const finer = <T>(order: readonly T[], a: T, b: T): T => (order.indexOf(a) >= order.indexOf(b) ? a : b);

/**
 * The one table that answers the filters: fine enough for the breakdown and for every filter (a table
 * carries its coarser dimensions), or undefined when the graph keeps no such table (it never adds cells up).
 */
export function tableFor(
  filters: ExplorerFilters,
): { table: ResultsTable; groupBy: ResultsGroupBy[] } | undefined {
  let { geography, learners } = BREAKDOWN_LEVEL[filters.by];
  if (filters.region) geography = finer(GEOGRAPHY, geography, 'REGION');
  if (filters.organisationId) geography = finer(GEOGRAPHY, geography, 'ORGANISATION');
  if (filters.learnerGroup) learners = finer(LEARNERS, learners, 'LEARNER_GROUP');
  if (filters.profession) learners = finer(LEARNERS, learners, 'PROFESSION');
  const found = TABLES.find((t) => t.geography === geography && t.learners === learners);
  return found && { table: found.table, groupBy: found.groupBy };
}

/** The graph's filter for the explorer's filters. */
export const graphFilter = (filters: ExplorerFilters): MeasureResultsFilter => ({
  ...(filters.region ? { regions: [filters.region] } : {}),
  ...(filters.learnerGroup ? { learnerGroups: [filters.learnerGroup] } : {}),
  ...(filters.profession ? { professions: [filters.profession] } : {}),
  ...(filters.organisationId ? { organisationIds: [filters.organisationId] } : {}),
});

const one = (value: unknown): string | undefined => {
  const text: unknown = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined;
};

/**
 * The filters an address asks for, checked against what exists; a user's own scope fills what they left out
 * (a provider their organisation, a quality team their region). Bad input is named, never guessed at.
 */
export function parseExplorerFilters(
  query: Record<string, unknown>,
  choices: ExplorerChoices,
  user: Pick<StaffUser, 'role' | 'organisationId' | 'region'>,
): { filters: ExplorerFilters; errors: PageError[]; notForRole: boolean } {
  const errors: PageError[] = [];
  let notForRole = false;
  const latest = choices.years[choices.years.length - 1] ?? new Date().getUTCFullYear();
  const yearText = one(query['year']);
  let year = latest;
  if (yearText !== undefined) {
    if (choices.years.includes(Number(yearText))) year = Number(yearText);
    else errors.push({ field: 'year', message: 'Choose a year whose results have been released' });
  }
  let measure = choices.measures[0] ?? '';
  const measureText = one(query['measure']);
  if (measureText !== undefined) {
    if (choices.measures.includes(measureText)) measure = measureText;
    else errors.push({ field: 'measure', message: 'Choose a measure from the list' });
  }
  const organisationScoped = user.role === 'PROVIDER_USER' || user.role === 'EDUCATION_PROVIDER_USER';
  let by: Breakdown = organisationScoped ? 'site' : user.role === 'QUALITY_TEAM' ? 'organisation' : 'region';
  const byText = one(query['by']);
  if (byText !== undefined) {
    if ((BREAKDOWNS as readonly string[]).includes(byText)) {
      by = byText as Breakdown;
      // A breakdown of the explorer that this role may not use: the "not available" page, not an error.
      notForRole = !breakdownsFor(user.role).includes(by);
    } else errors.push({ field: 'by', message: 'Choose what to break the results down by' });
  }
  const filters: ExplorerFilters = { year, measure, by };
  const regionText = one(query['region']);
  if (regionText !== undefined) {
    if ((REGIONS as readonly string[]).includes(regionText)) filters.region = regionText as Region;
    else errors.push({ field: 'region', message: 'Choose an NHS region from the list' });
  }
  const groupText = one(query['learnerGroup']);
  const group = groupText === undefined ? undefined : choices.learnerGroups.find((g) => g.code === groupText);
  if (groupText !== undefined) {
    if (group) filters.learnerGroup = group.code;
    else errors.push({ field: 'learnerGroup', message: 'Choose a learner group from the list' });
  }
  const professionText = one(query['profession']);
  if (professionText !== undefined) {
    const professions = (group ? [group] : choices.learnerGroups).flatMap((g) => g.professions);
    if (professions.some((p) => p.code === professionText)) filters.profession = professionText;
    else errors.push({ field: 'profession', message: 'Choose a profession of the learner group' });
  }
  const organisationText = one(query['organisation']);
  if (organisationText !== undefined) {
    // An organisation outside the user's scope is asked of the graph all the same: its refusal decides.
    if (choices.organisationIds.has(organisationText) || organisationScoped)
      filters.organisationId = organisationText;
    else errors.push({ field: 'organisation', message: 'Choose an organisation from the list' });
  }
  if (
    organisationScoped &&
    !filters.organisationId &&
    user.organisationId &&
    by !== 'learner-group' &&
    by !== 'profession'
  )
    filters.organisationId = user.organisationId;
  if (
    user.role === 'QUALITY_TEAM' &&
    !filters.region &&
    user.region &&
    by !== 'learner-group' &&
    by !== 'profession'
  )
    filters.region = user.region;
  if (errors.length === 0 && !tableFor(filters))
    errors.push({
      field: 'by',
      message: `Results by ${BREAKDOWN_LABELS[by].toLowerCase()} cannot be narrowed by all of these filters: remove a filter`,
    });
  return { filters, errors, notForRole };
}

/** The address of the explorer for these filters (what the filter form submits, and what export links keep). */
export function explorerHref(filters: ExplorerFilters): string {
  const params = new URLSearchParams({
    year: String(filters.year),
    measure: filters.measure,
    by: filters.by,
  });
  if (filters.region) params.set('region', filters.region);
  if (filters.learnerGroup) params.set('learnerGroup', filters.learnerGroup);
  if (filters.profession) params.set('profession', filters.profession);
  if (filters.organisationId) params.set('organisation', filters.organisationId);
  return `/explorer?${params.toString()}`;
}
