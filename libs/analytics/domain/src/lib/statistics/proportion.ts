/** The two-sided 95% normal quantile, Φ⁻¹(0.975). */
export const Z_95 = 1.959963984540054;

/** A confidence interval for a proportion, both ends in 0..1. */
export interface ProportionInterval {
  readonly lower: number;
  readonly upper: number;
}

function assertCounts(positive: number, respondents: number): void {
  if (!Number.isSafeInteger(respondents) || respondents < 1) {
    throw new RangeError(`respondents must be a positive integer, got ${respondents}`);
  }
  if (!Number.isSafeInteger(positive) || positive < 0 || positive > respondents) {
    throw new RangeError(`positive must be an integer in 0..${respondents}, got ${positive}`);
  }
}

/** Percentage (0..100, unrounded) of respondents who answered positively. Rounding is presentation. */
export function percentPositive(positive: number, respondents: number): number {
  assertCounts(positive, respondents);
  return (positive / respondents) * 100;
}

/**
 * Wilson score interval for positive/respondents. Chosen over the Wald interval because NETS cells are
 * small and often at 0% or 100%, where Wald collapses to a zero-width interval.
 */
export function wilsonInterval(positive: number, respondents: number, z: number = Z_95): ProportionInterval {
  assertCounts(positive, respondents);
  if (!(z > 0) || !Number.isFinite(z)) throw new RangeError(`z must be a positive finite number, got ${z}`);
  const n = respondents;
  const p = positive / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At p = 0 or p = 1 one end is exactly 0 or 1 in exact arithmetic; clamp away the rounding residue.
  return {
    lower: positive === 0 ? 0 : Math.max(0, centre - halfWidth),
    upper: positive === n ? 1 : Math.min(1, centre + halfWidth),
  };
}
