import { relationsOf, type AttackPopulation } from './attack-population';
import type { Seen } from './linear-attack';

type Range = [number, number];

/** Interval propagation over every relation, to a fixpoint, from what the reader knows of each cell. */
function propagate(population: AttackPopulation, start: ReadonlyMap<string, Range>): Map<string, Range> {
  const bounds = new Map(start);
  const get = (id: string): Range => bounds.get(id) ?? [0, Infinity];
  const relations = relationsOf(population);
  let changed = true;
  while (changed) {
    changed = false;
    for (const { total, parts } of relations) {
      const t = get(total);
      const partBounds = parts.map(get);
      const sumLo = partBounds.reduce((s, [lo]) => s + lo, 0);
      const sumHi = partBounds.reduce((s, [, hi]) => s + hi, 0);
      const narrow = (id: string, lo: number, hi: number): void => {
        const [oldLo, oldHi] = get(id);
        const next: Range = [Math.max(oldLo, lo), Math.min(oldHi, hi)];
        if (next[0] > next[1])
          throw new Error(`ranges contradict at ${id}: the reader was told something false`);
        if (next[0] !== oldLo || next[1] !== oldHi) {
          bounds.set(id, next);
          changed = true;
        }
      };
      narrow(total, sumLo, sumHi);
      parts.forEach((part, i) => {
        // Summed without this part (not sumHi − hi: ∞ − ∞ is NaN).
        const othersHi = partBounds.reduce((sum, [, hi], j) => (j === i ? sum : sum + hi), 0);
        narrow(part, t[0] - othersHi, t[1] - (sumLo - partBounds[i][0]));
      });
    }
  }
  return bounds;
}

function pinned(bounds: ReadonlyMap<string, Range>, ids: Iterable<string>): Set<string> {
  return new Set(
    [...ids].filter((id) => {
      const range = bounds.get(id);
      return range !== undefined && range[0] === range[1];
    }),
  );
}

/**
 * Respondent counts of small withheld cells (and small remainders) a reader pins by narrowing public
 * ranges: a number where published, 0 where empty, 1..m−1 for BELOW_MINIMUM, at least m for COMPLEMENTARY.
 * Counts pinned even with every non-empty cell withheld are inherent (an organisation of 2 learners at two
 * sites had one at each) and excluded: no pattern can prevent them, and they never pin a positive count.
 */
export function pinnedSmallCounts(
  population: AttackPopulation,
  seen: ReadonlyMap<string, Seen>,
  minCellSize: number,
): string[] {
  const cells = [...population.cells.values()];
  const smallRange: Range = [1, minCellSize - 1];
  const known = new Map<string, Range>();
  const blind = new Map<string, Range>();
  for (const cell of cells) {
    const s = seen.get(cell.id);
    if (cell.n === 0) known.set(cell.id, [0, 0]);
    else if (s?.kind === 'KNOWN') known.set(cell.id, [s.n, s.n]);
    // The reason a withheld row gives says which range it is in (the spec checks it matches the truth).
    else if (s?.kind === 'WITHHELD')
      known.set(cell.id, cell.n < minCellSize ? smallRange : [minCellSize, Infinity]);
    blind.set(cell.id, cell.n === 0 ? [0, 0] : cell.n < minCellSize ? smallRange : [minCellSize, Infinity]);
  }
  for (const r of population.remainders) {
    if (r.n === 0) {
      known.set(r.id, [0, 0]);
      blind.set(r.id, [0, 0]);
    }
  }
  const small = [
    ...cells.filter((c) => seen.get(c.id)?.kind === 'WITHHELD' && c.n < minCellSize).map((c) => c.id),
    ...population.remainders.filter((r) => r.n > 0 && r.n < minCellSize).map((r) => r.id),
  ];
  const inherent = pinned(propagate(population, blind), small);
  return [...pinned(propagate(population, known), small)].filter((id) => !inherent.has(id));
}
