/**
 * The p-quantile of ascending-sorted values by linear interpolation between order statistics
 * (Hyndman & Fan type 7; R's default, Excel's PERCENTILE.INC): h = (N − 1)·p,
 * Q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]) with 0-based x.
 */
export function quantileOfSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of an empty list');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in 0..1, got ${p}`);
  const h = (sorted.length - 1) * p;
  const below = Math.floor(h);
  const fraction = h - below;
  if (fraction === 0 || below + 1 >= sorted.length) return sorted[below];
  // When both neighbours are equal this returns that value exactly, so ties compare equal without an epsilon.
  return sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
}
