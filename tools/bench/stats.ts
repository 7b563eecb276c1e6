// Pure helpers of the benchmark suite: percentiles, ratios and /proc parsing (unit-tested in stats.spec.ts).
import type { LoadResult } from './bench-kit';

/** The p-th percentile (0–100) by nearest rank; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  if (p < 0 || p > 100) throw new RangeError(`percentile must be within 0–100, got ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/** `value / reference` as `0.42×`; an em dash when there is no usable reference. */
export function formatRatio(value: number, reference: number | undefined): string {
  if (reference === undefined || !(reference > 0) || !Number.isFinite(value)) return '—';
  return `${(value / reference).toFixed(2)}×`;
}

/** How far a figure is from its target, as a sentence fragment: "missed by 23% (770 vs ≥ 1,000)". */
export function shortfall(
  value: number,
  target: number,
  direction: 'atLeast' | 'atMost',
): string | undefined {
  const met = direction === 'atLeast' ? value >= target : value <= target;
  if (met) return undefined;
  const percent = Math.round((Math.abs(value - target) / target) * 100);
  const bound = direction === 'atLeast' ? '≥' : '≤';
  return `missed by ${percent}% (${formatNumber(value)} vs ${bound} ${formatNumber(target)})`;
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return value >= 100 ? Math.round(value).toLocaleString('en-GB') : value.toFixed(1);
}

/**
 * Equal-length rounds of one load, interleaved with the loads it is compared with so that a burst of other
 * work on the machine hits all of them alike: the mean rate, the median round's p50, the worst round's p99.
 */
export function combineRounds(rounds: readonly LoadResult[]): LoadResult {
  if (rounds.length === 0) throw new Error('no rounds to combine');
  return {
    requestsPerSecond: rounds.reduce((sum, round) => sum + round.requestsPerSecond, 0) / rounds.length,
    p50: percentile(
      rounds.map((round) => round.p50),
      50,
    ),
    p99: Math.max(...rounds.map((round) => round.p99)),
    errors: rounds.reduce((sum, round) => sum + round.errors, 0),
    non2xx: rounds.reduce((sum, round) => sum + round.non2xx, 0),
    failureSample: rounds.find((round) => round.failureSample)?.failureSample,
  };
}
