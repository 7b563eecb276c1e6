import type { DisclosureModel } from './disclosure-model';

/**
 * Interval constraint propagation: the attacker who, besides the relations, knows the public range of
 * every withheld value (below the minimum: 1..m−1; complementary: ≥ m; a site remainder: ≥ 0) and
 * narrows each range relation by relation to a fixpoint. Everything it concludes is true (it is sound);
 * it is weaker than linear programming over all relations at once, which is why it complements the
 * exact linear audit rather than replacing it. Bounds are integers held in doubles, so exact.
 */
export function propagateBounds(model: DisclosureModel, lower: Float64Array, upper: Float64Array): void {
  const { relations, relationsOfNode } = model;
  const queued = new Uint8Array(relations.length);
  let queue: number[] = [];
  relations.forEach((relation, r) => {
    const open =
      lower[relation.total] < upper[relation.total] || relation.parts.some((p) => lower[p] < upper[p]);
    if (open) {
      queued[r] = 1;
      queue.push(r);
    }
  });

  const changed: number[] = [];
  const tighten = (node: number, lo: number, hi: number): void => {
    if (lo > hi)
      throw new Error(`internal: empty range for ${model.nodes[node].key}; the priors exclude the truth`);
    if (lo > lower[node] || hi < upper[node]) {
      lower[node] = Math.max(lower[node], lo);
      upper[node] = Math.min(upper[node], hi);
      changed.push(node);
    }
  };

  let budget = 1000 * (relations.length + 1);
  let head = 0;
  while (head < queue.length) {
    if (--budget < 0) throw new Error('internal: bounds propagation did not converge');
    const r = queue[head++];
    queued[r] = 0;
    const { total, parts } = relations[r];
    let sumLower = 0;
    let sumUpperFinite = 0;
    let infiniteUppers = 0;
    for (const p of parts) {
      sumLower += lower[p];
      if (upper[p] === Infinity) infiniteUppers++;
      else sumUpperFinite += upper[p];
    }
    tighten(total, sumLower, infiniteUppers > 0 ? Infinity : sumUpperFinite);
    for (const p of parts) {
      const otherInfinite = infiniteUppers - (upper[p] === Infinity ? 1 : 0);
      const othersUpper =
        otherInfinite > 0 ? Infinity : sumUpperFinite - (upper[p] === Infinity ? 0 : upper[p]);
      const othersLower = sumLower - lower[p];
      tighten(p, lower[total] - othersUpper, upper[total] - othersLower);
    }
    for (const node of changed) {
      for (const next of relationsOfNode[node]) {
        if (queued[next] === 0) {
          queued[next] = 1;
          queue.push(next);
        }
      }
    }
    changed.length = 0;
    if (head > 65536 && head * 2 > queue.length) {
      queue = queue.slice(head);
      head = 0;
    }
  }
}

/** The range one relation alone implies for one of its members, given the others' current ranges. */
export function impliedRange(
  model: DisclosureModel,
  lower: Float64Array,
  upper: Float64Array,
  relation: number,
  node: number,
): [number, number] {
  const { total, parts } = model.relations[relation];
  let othersLower = 0;
  let othersUpper = 0;
  for (const p of parts) {
    if (p === node) continue;
    othersLower += lower[p];
    othersUpper += upper[p];
  }
  if (node === total) return [othersLower, othersUpper];
  return [lower[total] - othersUpper, upper[total] - othersLower];
}
