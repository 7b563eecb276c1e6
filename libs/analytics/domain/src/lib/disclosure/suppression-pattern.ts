import type { CanonicalTableId } from './canonical-tables';
import type { CellCoordinates, CellScope } from './cell-coordinates';

export const DEFAULT_MIN_CELL_SIZE = 3;
/** The attacker's interval for a withheld cell's respondents: max − min ≥ this (see the README). */
export const DEFAULT_PROTECTION_WIDTH = 3;

/**
 * The one reason every withheld cell is published with, whether it is below the minimum itself or a
 * complement: two reasons would tell a reader which cells hold 1–2 respondents and which at least 3,
 * ranges an attacker can use. `BELOW_MINIMUM` stays in the type (and the contracts) but is never published.
 */
export const PUBLISHED_SUPPRESSION_REASON: SuppressionReason = 'COMPLEMENTARY';

export type SuppressionReason = 'BELOW_MINIMUM' | 'COMPLEMENTARY';

interface EntryBase {
  readonly table: CanonicalTableId;
  readonly coordinates: CellCoordinates;
  /** The coordinates resolved through the hierarchy, so queries can filter by coarser dimensions. */
  readonly scope: CellScope;
  /** What the pattern was computed on; a different count at read time means the pattern is stale. */
  readonly respondents: number;
}

export interface PublishedEntry extends EntryBase {
  readonly suppressed: false;
}

export interface SuppressedEntry extends EntryBase {
  readonly suppressed: true;
  readonly reason: SuppressionReason;
  /** Withheld because the cell is withheld in a parent pattern (see `inheritSuppression`). */
  readonly inherited: boolean;
}

export type PatternEntry = PublishedEntry | SuppressedEntry;

export interface SuppressionStatistics {
  readonly cells: number;
  readonly belowMinimum: number;
  readonly complementary: number;
  /** Organisations whose no-site remainder is non-empty (never published, always unknown). */
  readonly siteRemainders: number;
  /** Organisations whose learners who named no education provider are non-empty (never published, always unknown). */
  readonly educationRemainders: number;
  readonly rounds: number;
  /** Respondents of the withheld cells, summed over every table (a learner counts once per table). */
  readonly respondentsHidden: number;
}

/**
 * Which canonical cells of one (cycle, measure) may be shown. Depends only on respondents and the
 * hierarchy, never on positives, so measures that share a question share a pattern.
 */
export interface SuppressionPattern {
  readonly minCellSize: number;
  readonly protectionWidth: number;
  readonly entries: ReadonlyMap<string, PatternEntry>;
  readonly keysByTable: ReadonlyMap<CanonicalTableId, readonly string[]>;
  /**
   * Keys of withheld cells (or small site remainders) that no complement could give a protection
   * certificate: only the national figure and zero cells are left around them (a national total of 3
   * in three regions of 1). See the README, "Inherent disclosures".
   */
  readonly inherentCountDisclosures: readonly string[];
  readonly statistics: SuppressionStatistics;
}

export function indexByTable(entries: ReadonlyMap<string, PatternEntry>): Map<CanonicalTableId, string[]> {
  const byTable = new Map<CanonicalTableId, string[]>();
  for (const [key, entry] of entries) {
    const list = byTable.get(entry.table) ?? [];
    list.push(key);
    byTable.set(entry.table, list);
  }
  return byTable;
}

/**
 * The child pattern with every cell the parent withholds withheld too (reason COMPLEMENTARY, even for
 * cells the child has no respondents in). For a follow-up question asked only of those who answered the
 * parent question positively: the follow-up's respondents are the parent's positives, so a follow-up cell
 * shown as "no data" under a withheld parent cell would reveal that cell's positives.
 *
 * Safe without a new audit: the result only withholds more, and withholding more never makes a
 * withheld value derivable; the newly withheld cells are protected by the parent pattern, because every
 * value the child publishes is one the parent publishes (as a positive count).
 */
export function inheritSuppression(
  child: SuppressionPattern,
  parent: SuppressionPattern,
): SuppressionPattern {
  const entries = new Map(child.entries);
  for (const [key, entry] of parent.entries) {
    if (!entry.suppressed) continue;
    const own = entries.get(key);
    if (own?.suppressed) continue;
    entries.set(key, {
      table: entry.table,
      coordinates: entry.coordinates,
      scope: entry.scope,
      respondents: own?.respondents ?? 0,
      suppressed: true,
      reason: 'COMPLEMENTARY',
      inherited: true,
    });
  }
  return { ...child, entries, keysByTable: indexByTable(entries) };
}
