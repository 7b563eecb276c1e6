import { cellKey, type CanonicalTableId } from '../disclosure/canonical-tables';
import type { CellCoordinates, CounterCell } from '../disclosure/cell-coordinates';
import type { Hierarchy } from '../disclosure/hierarchy';
import { BadUserInputError } from '@nets/shared/util-errors';
import type { CounterDelta, ReasonDelta } from './counter-records';

interface FineCell {
  organisationId: string;
  siteId: string;
  educationProviderId: string;
  profession: string;
  region: string;
  learnerGroup: string;
}

/**
 * The cell of every canonical table a fine counter falls into. Sites and education providers only when
 * the learner named one.
 */
export function canonicalCoordinatesOf(fine: FineCell): CellCoordinates[] {
  const { region, organisationId, siteId, educationProviderId, learnerGroup, profession } = fine;
  const cells: CellCoordinates[] = [
    {},
    { region },
    { learnerGroup },
    { profession },
    { organisationId },
    { organisationId, learnerGroup },
    { region, learnerGroup },
    { region, profession },
  ];
  if (siteId !== '') cells.push({ siteId });
  if (educationProviderId !== '')
    cells.push({ educationProviderId }, { organisationId, educationProviderId });
  return cells;
}

interface CanonicalTargets {
  coordinates: readonly CellCoordinates[];
  keys: readonly string[];
}

/** Fine cells recur in every series and cycle: their canonical keys are computed once (bounded memo). */
const targetsMemo = new Map<string, CanonicalTargets>();
const MAX_MEMO = 200_000;

function canonicalTargetsOf(fine: FineCell): CanonicalTargets {
  const memoKey = `${fine.region}\u0000${fine.organisationId}\u0000${fine.siteId}\u0000${fine.educationProviderId}\u0000${fine.learnerGroup}\u0000${fine.profession}`;
  let targets = targetsMemo.get(memoKey);
  if (!targets) {
    const coordinates = canonicalCoordinatesOf(fine);
    targets = { coordinates, keys: coordinates.map((c) => cellKey(c)) };
    if (targetsMemo.size >= MAX_MEMO) targetsMemo.clear();
    targetsMemo.set(memoKey, targets);
  }
  return targets;
}

/** Sums the fine counters into every canonical cell of one (cycle, measure), and the hierarchy they imply. */
export function canonicalCells(rows: readonly CounterDelta[]): {
  cells: CounterCell[];
  hierarchy: Hierarchy;
} {
  const sums = new Map<string, { coordinates: CellCoordinates; respondents: number; positive: number }>();
  const regionOfOrganisation = new Map<string, string>();
  const organisationOfSite = new Map<string, string>();
  const learnerGroupOfProfession = new Map<string, string>();
  for (const row of rows) {
    if (row.respondents === 0) continue;
    regionOfOrganisation.set(row.organisationId, row.region);
    if (row.siteId !== '') organisationOfSite.set(row.siteId, row.organisationId);
    learnerGroupOfProfession.set(row.profession, row.learnerGroup);
    const { coordinates, keys } = canonicalTargetsOf(row);
    for (let i = 0; i < keys.length; i += 1) {
      const sum = sums.get(keys[i]);
      if (sum) {
        sum.respondents += row.respondents;
        sum.positive += row.positive;
      } else
        sums.set(keys[i], {
          coordinates: { ...coordinates[i] },
          respondents: row.respondents,
          positive: row.positive,
        });
    }
  }
  return {
    cells: [...sums.values()],
    hierarchy: { regionOfOrganisation, organisationOfSite, learnerGroupOfProfession },
  };
}

/** Option counts of a reason question per canonical cell key. */
export function canonicalReasonCounts(rows: readonly ReasonDelta[]): Map<string, Map<string, number>> {
  const byCell = new Map<string, Map<string, number>>();
  for (const row of rows) {
    for (const key of canonicalTargetsOf(row).keys) {
      const options = byCell.get(key) ?? new Map<string, number>();
      byCell.set(key, options);
      options.set(row.optionCode, (options.get(row.optionCode) ?? 0) + row.chosen);
    }
  }
  return byCell;
}

export type GroupByDimension =
  | 'REGION'
  | 'LEARNER_GROUP'
  | 'PROFESSION'
  | 'ORGANISATION'
  | 'SITE'
  | 'EDUCATION_PROVIDER';

const TABLE_BY_GROUPING: ReadonlyMap<string, CanonicalTableId> = new Map([
  ['', 'NATIONAL'],
  ['REGION', 'REGION'],
  ['LEARNER_GROUP', 'LEARNER_GROUP'],
  ['PROFESSION', 'PROFESSION'],
  ['ORGANISATION', 'ORGANISATION'],
  ['SITE', 'SITE'],
  ['LEARNER_GROUP,ORGANISATION', 'ORGANISATION_BY_LEARNER_GROUP'],
  ['LEARNER_GROUP,REGION', 'REGION_BY_LEARNER_GROUP'],
  ['PROFESSION,REGION', 'REGION_BY_PROFESSION'],
  ['EDUCATION_PROVIDER', 'EDUCATION_PROVIDER'],
  ['EDUCATION_PROVIDER,ORGANISATION', 'EDUCATION_PROVIDER_BY_ORGANISATION'],
]);

export const SUPPORTED_GROUPINGS = [...TABLE_BY_GROUPING.keys()].map((k) => (k === '' ? '[]' : `[${k}]`));

/** The canonical table a groupBy names, or undefined when no canonical table has exactly those dimensions. */
export function tableForGrouping(groupBy: readonly GroupByDimension[]): CanonicalTableId | undefined {
  return TABLE_BY_GROUPING.get([...new Set(groupBy)].sort().join(','));
}

/** The canonical table a groupBy names; any other combination is the caller's mistake. */
export function requireTableForGrouping(
  groupBy: readonly GroupByDimension[] | null | undefined,
): CanonicalTableId {
  const table = tableForGrouping(groupBy ?? []);
  if (!table) {
    throw new BadUserInputError(
      `groupBy [${(groupBy ?? []).join(', ')}] is not a published table; use one of ${SUPPORTED_GROUPINGS.join(' ')}.`,
      [{ path: 'groupBy', message: 'unsupported combination' }],
    );
  }
  return table;
}

/** One hierarchy over several series of a cycle (a learner of one may be missing from another). */
export function mergeHierarchies(a: Hierarchy, b: Hierarchy): Hierarchy {
  const merge = (x: Hierarchy['regionOfOrganisation'], y: Hierarchy['regionOfOrganisation']) =>
    new Map([...toEntries(x), ...toEntries(y)]);
  return {
    regionOfOrganisation: merge(a.regionOfOrganisation, b.regionOfOrganisation),
    organisationOfSite: merge(a.organisationOfSite, b.organisationOfSite),
    learnerGroupOfProfession: merge(a.learnerGroupOfProfession, b.learnerGroupOfProfession),
  };
}

function toEntries(lookup: Hierarchy['regionOfOrganisation']): [string, string][] {
  if (lookup instanceof Map) return [...(lookup as ReadonlyMap<string, string>).entries()];
  return Object.entries(lookup as Readonly<Record<string, string>>);
}
