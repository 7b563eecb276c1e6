import {
  byEducationProvider,
  CANONICAL_TABLES,
  cellKey,
  keyInTable,
  tableDimensions,
  type CanonicalTable,
} from './canonical-tables';
import type { CellCoordinates, CellScope, CounterCell } from './cell-coordinates';
import { InconsistentCountersError } from './disclosure-errors';
import { assertConsistent, resolveScope, type Hierarchy } from './hierarchy';

/**
 * The finest counts the service keeps for one (cycle, measure): one organisation × site-or-no-site ×
 * profession × education-provider-or-none. Every canonical cell is a sum of them; the protection certificates are alternative fine
 * tables, so the engine needs them (a canonical cell alone does not say how it splits).
 */
export interface FineCounter {
  readonly organisationId: string;
  /** Absent or empty: the learners named no site. */
  readonly siteId?: string;
  readonly profession: string;
  /** Absent or empty: the learner named no education provider. */
  readonly educationProviderId?: string;
  readonly respondents: number;
  readonly positive: number;
}

export function siteOf(fine: FineCounter): string | undefined {
  return fine.siteId === undefined || fine.siteId === '' ? undefined : fine.siteId;
}

export function educationProviderOf(fine: FineCounter): string | undefined {
  return fine.educationProviderId === undefined || fine.educationProviderId === ''
    ? undefined
    : fine.educationProviderId;
}

/** The canonical tables a fine counter counts in: no site or no education provider leaves their tables out. */
function tablesOf(fine: FineCounter): readonly CanonicalTable[] {
  const hasSite = siteOf(fine) !== undefined;
  const hasEducation = educationProviderOf(fine) !== undefined;
  return CANONICAL_TABLES.filter(
    (t) => (t.id !== 'SITE' || hasSite) && (!byEducationProvider(t) || hasEducation),
  );
}

function scopeOf(fine: FineCounter, hierarchy: Hierarchy, problems: string[]): CellScope {
  return {
    ...resolveScope(
      { organisationId: fine.organisationId, profession: fine.profession },
      hierarchy,
      problems,
    ),
    siteId: siteOf(fine),
    educationProviderId: educationProviderOf(fine),
  };
}

/** The keys of the canonical cells a fine counter falls into (its site only when it names one). */
export function canonicalKeysOf(fine: FineCounter, hierarchy: Hierarchy, problems: string[]): string[] {
  const siteId = siteOf(fine);
  const scope = scopeOf(fine, hierarchy, problems);
  if (siteId !== undefined) {
    const site = resolveScope({ siteId }, hierarchy, problems);
    if (site.organisationId !== undefined && site.organisationId !== fine.organisationId)
      problems.push(`site ${siteId} is not a site of organisation ${fine.organisationId}`);
  }
  if (problems.length > 0) return [];
  return tablesOf(fine).map((t) => keyInTable(scope, t));
}

/** Every canonical cell with at least one respondent, summed from the fine counters. */
export function canonicalCellsOf(fine: readonly FineCounter[], hierarchy: Hierarchy): CounterCell[] {
  const problems: string[] = [];
  const sums = new Map<string, { coordinates: CellCoordinates; respondents: number; positive: number }>();
  for (const cell of fine) {
    if (cell.respondents === 0) continue;
    const scope = scopeOf(cell, hierarchy, problems);
    for (const table of tablesOf(cell)) {
      const key = keyInTable(scope, table);
      const sum = sums.get(key);
      if (sum) {
        sum.respondents += cell.respondents;
        sum.positive += cell.positive;
      } else {
        const coordinates = Object.fromEntries(tableDimensions(table).map((d) => [d, scope[d]]));
        sums.set(key, { coordinates, respondents: cell.respondents, positive: cell.positive });
      }
    }
  }
  assertConsistent(problems);
  return [...sums.values()];
}

/** Throws unless the canonical cells with respondents are exactly the sums of the fine counters. */
export function assertFineMatchesCanonical(
  fine: readonly FineCounter[],
  cells: readonly CounterCell[],
  hierarchy: Hierarchy,
): void {
  const expected = new Map(canonicalCellsOf(fine, hierarchy).map((c) => [cellKey(c.coordinates), c]));
  const problems: string[] = [];
  for (const cell of cells) {
    if (cell.respondents === 0) continue;
    const key = cellKey(cell.coordinates);
    const sum = expected.get(key);
    if (!sum || sum.respondents !== cell.respondents || sum.positive !== cell.positive)
      problems.push(
        `${key} (${cell.respondents}, ${cell.positive}) is not the sum of its fine counters (${sum?.respondents ?? 0}, ${sum?.positive ?? 0})`,
      );
    expected.delete(key);
  }
  for (const key of expected.keys()) problems.push(`${key} has fine counters but no canonical cell`);
  if (problems.length > 0) throw new InconsistentCountersError(problems);
}
