import { cellKey, type CanonicalTableId } from '../disclosure/canonical-tables';
import type { CellCoordinates, CounterCell } from '../disclosure/cell-coordinates';
import { computeSuppression } from '../disclosure/compute-suppression';
import type { FineCounter } from '../disclosure/fine-counters';
import type { Hierarchy } from '../disclosure/hierarchy';
import { publishCell, publishGroup, type PublishedCell } from '../disclosure/publish-cell';
import { inheritSuppression, type SuppressionPattern } from '../disclosure/suppression-pattern';
import type { Polarity } from '../statistics/outlier-flags';

/** Everything a reader may see of one (cycle, series), computed once per counter version and cached. */
export interface MeasureView {
  year: number;
  series: string;
  version: number;
  pattern: SuppressionPattern;
  /** What each canonical cell publishes, flags included, for every cell of the pattern. */
  published: ReadonlyMap<string, PublishedCell>;
}

/**
 * Benchmark groups: the units compared with each other, and the published cell they are compared with.
 * Units with a learner group or profession are compared within it, against its national value.
 */
const FLAGGED_TABLES: ReadonlyArray<{
  table: CanonicalTableId;
  groupOf: (scope: CellCoordinates) => CellCoordinates;
}> = [
  { table: 'REGION', groupOf: () => ({}) },
  { table: 'ORGANISATION', groupOf: () => ({}) },
  { table: 'SITE', groupOf: () => ({}) },
  { table: 'ORGANISATION_BY_LEARNER_GROUP', groupOf: (s) => ({ learnerGroup: s.learnerGroup }) },
  { table: 'REGION_BY_LEARNER_GROUP', groupOf: (s) => ({ learnerGroup: s.learnerGroup }) },
  { table: 'REGION_BY_PROFESSION', groupOf: (s) => ({ profession: s.profession }) },
  // Education providers against each other, and their learners at each placement against every such cell.
  { table: 'EDUCATION_PROVIDER', groupOf: () => ({}) },
  { table: 'EDUCATION_PROVIDER_BY_ORGANISATION', groupOf: () => ({}) },
];

export interface BuildViewInput {
  year: number;
  series: string;
  version: number;
  cells: readonly CounterCell[];
  /** The fine counters the cells add up from: the protection certificates move learners between them. */
  fine: readonly FineCounter[];
  hierarchy: Hierarchy;
  minCellSize: number;
  /** Flags only for measures; reason and response series carry none. */
  polarity?: Polarity;
  /** The parent measure's pattern, for a question asked only of those who answered it positively. */
  parentPattern?: SuppressionPattern;
  /** A pattern computed already (jointly with the measures that share its question). */
  pattern?: SuppressionPattern;
}

export function buildMeasureView(input: BuildViewInput): MeasureView {
  const own =
    input.pattern ??
    computeSuppression(input.cells, input.hierarchy, { minCellSize: input.minCellSize, fine: input.fine });
  const pattern = input.parentPattern ? inheritSuppression(own, input.parentPattern) : own;
  const counters = new Map(input.cells.map((cell) => [cellKey(cell.coordinates), cell]));
  const published = new Map<string, PublishedCell>();
  const counterOf = (key: string, coordinates?: CellCoordinates): CounterCell => {
    const entry = pattern.entries.get(key);
    // A benchmark may be in neither map (a follow-up no learner of that group was asked this cycle while a
    // cell of it inherited the parent's suppression): an empty cell at its own coordinates, never the national one.
    return (
      counters.get(key) ?? {
        coordinates: entry?.coordinates ?? coordinates ?? {},
        respondents: 0,
        positive: 0,
      }
    );
  };
  for (const key of pattern.entries.keys()) published.set(key, publishCell(counterOf(key), pattern));
  if (input.polarity) {
    for (const { table, groupOf } of FLAGGED_TABLES) {
      const groups = new Map<string, { scope: CellCoordinates; keys: string[] }>();
      for (const key of pattern.keysByTable.get(table) ?? []) {
        const entry = pattern.entries.get(key);
        if (!entry) continue;
        const scope = groupOf(entry.scope);
        const benchmarkKey = cellKey(scope);
        const group = groups.get(benchmarkKey) ?? { scope, keys: [] };
        group.keys.push(key);
        groups.set(benchmarkKey, group);
      }
      for (const [benchmarkKey, { scope, keys }] of groups) {
        const views = publishGroup(
          keys.map((key) => counterOf(key)),
          pattern,
          { polarity: input.polarity, benchmark: counterOf(benchmarkKey, scope) },
        );
        for (const view of views) published.set(view.key, view);
      }
    }
  }
  return { year: input.year, series: input.series, version: input.version, pattern, published };
}
