import { flagGroup, type Flag, type Polarity } from '../statistics/outlier-flags';
import { percentPositive, wilsonInterval, type ProportionInterval } from '../statistics/proportion';
import { keyInTable, tableDimensions, tableOf } from './canonical-tables';
import type { CellCoordinates, CounterCell } from './cell-coordinates';
import { StalePatternError } from './disclosure-errors';
import {
  PUBLISHED_SUPPRESSION_REASON,
  type SuppressionPattern,
  type SuppressionReason,
} from './suppression-pattern';

interface Located {
  readonly key: string;
  readonly coordinates: CellCoordinates;
}

export interface PublishedResult extends Located {
  readonly suppressed: false;
  readonly noData: false;
  readonly respondents: number;
  readonly positive: number;
  /** 0..100, unrounded. */
  readonly percentPositive: number;
  /** 95% Wilson interval, as proportions. */
  readonly interval: ProportionInterval;
  /** Present when the cell was published as part of a benchmark group with a published benchmark. */
  readonly flag?: Flag;
}

export interface PublishedNoData extends Located {
  readonly suppressed: false;
  readonly noData: true;
  readonly respondents: 0;
}

/**
 * Says only that the cell is withheld: no count, rate, interval, flag or rank, whatever n was, and the
 * same reason for every withheld cell (`PUBLISHED_SUPPRESSION_REASON`), so the reason gives no range.
 */
export interface WithheldCell extends Located {
  readonly suppressed: true;
  readonly reason: SuppressionReason;
}

export type PublishedCell = PublishedResult | PublishedNoData | WithheldCell;

export interface PublishOptions {
  readonly z?: number;
}

function canonicalCoordinates(coordinates: CellCoordinates): CellCoordinates {
  const table = tableOf(coordinates);
  return Object.fromEntries(tableDimensions(table).map((d) => [d, coordinates[d]]));
}

/**
 * What a reader may see of one canonical cell. The pattern must have been computed on the same counters
 * (same respondents): otherwise it no longer describes what is published and this throws.
 */
export function publishCell(
  cell: CounterCell,
  pattern: SuppressionPattern,
  options: PublishOptions = {},
): PublishedCell {
  const coordinates = canonicalCoordinates(cell.coordinates);
  const key = keyInTable(coordinates, tableOf(coordinates));
  const entry = pattern.entries.get(key);
  if (!entry && cell.respondents !== 0) throw new StalePatternError(`${key} is not in the pattern`);
  if (entry && entry.respondents !== cell.respondents) {
    throw new StalePatternError(
      `${key} has ${cell.respondents} respondents; the pattern was computed on another count`,
    );
  }
  if (entry?.suppressed) return { key, coordinates, suppressed: true, reason: PUBLISHED_SUPPRESSION_REASON };
  if (cell.respondents === 0) return { key, coordinates, suppressed: false, noData: true, respondents: 0 };
  return {
    key,
    coordinates,
    suppressed: false,
    noData: false,
    respondents: cell.respondents,
    positive: cell.positive,
    percentPositive: percentPositive(cell.positive, cell.respondents),
    interval: wilsonInterval(cell.positive, cell.respondents, options.z),
  };
}

export interface PublishGroupOptions extends PublishOptions {
  readonly polarity: Polarity;
  /** The benchmark cell (e.g. the national cell of the learner group); no flags unless it is published. */
  readonly benchmark?: CounterCell;
}

/**
 * Publishes the units of one benchmark group and flags them. Quartiles are taken over the published
 * units only, so a withheld unit influences no published flag; the benchmark itself must be a published
 * cell of the same pattern, since a flag relative to a withheld value would reveal where it lies.
 */
export function publishGroup(
  cells: readonly CounterCell[],
  pattern: SuppressionPattern,
  options: PublishGroupOptions,
): PublishedCell[] {
  const views = cells.map((cell) => publishCell(cell, pattern, options));
  const benchmark = options.benchmark ? publishCell(options.benchmark, pattern, options) : undefined;
  if (!benchmark || benchmark.suppressed || benchmark.noData) return views;

  const units = views.flatMap((view) =>
    view.suppressed || view.noData
      ? []
      : [{ id: view.key, respondents: view.respondents, positive: view.positive }],
  );
  const { flags } = flagGroup(units, {
    benchmark: benchmark.positive / benchmark.respondents,
    polarity: options.polarity,
    minCellSize: pattern.minCellSize,
    z: options.z,
  });
  return views.map((view) => {
    if (view.suppressed || view.noData) return view;
    const flag = flags.get(view.key);
    return flag ? { ...view, flag } : view;
  });
}
