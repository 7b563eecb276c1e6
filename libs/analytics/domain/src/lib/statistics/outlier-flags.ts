import { quantileOfSorted } from './quantile';
import { wilsonInterval, Z_95 } from './proportion';

export type Flag = 'RED' | 'PINK' | 'NONE' | 'LIGHT_GREEN' | 'GREEN' | 'SUPPRESSED' | 'NO_DATA';
export type Polarity = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';

/** One unit of a benchmark group: an organisation's, site's or region's cell for one measure. */
export interface FlagUnit {
  readonly id: string;
  readonly respondents: number;
  readonly positive: number;
  /**
   * Withheld by complementary suppression. Such a unit is flagged SUPPRESSED and, like units below the
   * minimum, is left out of the quartiles: otherwise the published flags of the others would carry
   * information about it.
   */
  readonly withheld?: boolean;
}

export interface FlagGroupOptions {
  /** The benchmark value B as a proportion (0..1): the national value for the learner group, or overall. */
  readonly benchmark: number;
  readonly polarity: Polarity;
  readonly minCellSize: number;
  readonly z?: number;
}

export interface GroupFlags {
  /** 25th and 75th percentiles (type 7) of the eligible units' proportions; null when none is eligible. */
  readonly lowerQuartile: number | null;
  readonly upperQuartile: number | null;
  readonly flags: ReadonlyMap<string, Flag>;
}

/**
 * Flags every unit of one benchmark group the way the GMC National Training Survey does, with the
 * quartiles computed once for the group. The rules are in the README ("Outlier flags").
 */
export function flagGroup(units: readonly FlagUnit[], options: FlagGroupOptions): GroupFlags {
  const { benchmark, polarity, minCellSize } = options;
  const z = options.z ?? Z_95;
  if (!(benchmark >= 0 && benchmark <= 1))
    throw new RangeError(`benchmark must be a proportion, got ${benchmark}`);
  if (!Number.isSafeInteger(minCellSize) || minCellSize < 1) {
    throw new RangeError(`minCellSize must be a positive integer, got ${minCellSize}`);
  }

  const flags = new Map<string, Flag>();
  const eligible: FlagUnit[] = [];
  const seen = new Set<string>();
  for (const unit of units) {
    if (seen.has(unit.id)) throw new RangeError(`duplicate unit id ${unit.id}`);
    seen.add(unit.id);
    if (unit.respondents === 0) flags.set(unit.id, 'NO_DATA');
    else if (unit.respondents < minCellSize || unit.withheld === true) flags.set(unit.id, 'SUPPRESSED');
    else eligible.push(unit);
  }
  if (eligible.length === 0) return { lowerQuartile: null, upperQuartile: null, flags };

  const sorted = eligible.map((u) => u.positive / u.respondents).sort((a, b) => a - b);
  const lowerQuartile = quantileOfSorted(sorted, 0.25);
  const upperQuartile = quantileOfSorted(sorted, 0.75);

  for (const unit of eligible) {
    const proportion = unit.positive / unit.respondents;
    const interval = wilsonInterval(unit.positive, unit.respondents, z);
    const inBottom = proportion <= lowerQuartile;
    const inTop = proportion >= upperQuartile;
    const whollyBelow = interval.upper < benchmark;
    const whollyAbove = interval.lower > benchmark;
    const higherIsBetter = polarity === 'HIGHER_IS_BETTER';
    flags.set(
      unit.id,
      classify({
        inWorseQuartile: higherIsBetter ? inBottom : inTop,
        inBetterQuartile: higherIsBetter ? inTop : inBottom,
        significantlyWorse: higherIsBetter ? whollyBelow : whollyAbove,
        significantlyBetter: higherIsBetter ? whollyAbove : whollyBelow,
      }),
    );
  }
  return { lowerQuartile, upperQuartile, flags };
}

interface Position {
  readonly inWorseQuartile: boolean;
  readonly inBetterQuartile: boolean;
  readonly significantlyWorse: boolean;
  readonly significantlyBetter: boolean;
}

function classify(p: Position): Flag {
  if (p.inWorseQuartile && p.significantlyWorse) return 'RED';
  if (p.inBetterQuartile && p.significantlyBetter) return 'GREEN';
  const overlaps = !p.significantlyWorse && !p.significantlyBetter;
  // A unit in both quartiles (every eligible value equal) is told apart only by significance.
  if (overlaps && p.inWorseQuartile && !p.inBetterQuartile) return 'PINK';
  if (overlaps && p.inBetterQuartile && !p.inWorseQuartile) return 'LIGHT_GREEN';
  return 'NONE';
}
