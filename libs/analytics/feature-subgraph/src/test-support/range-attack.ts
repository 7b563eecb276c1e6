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
 * Respondent counts of withheld cells (and small remainders) a reader pins by narrowing public ranges: a
 * number where published, 0 where empty, at least 1 where withheld (every withheld cell carries the same
 * reason, so that is all it says). Counts whose range stays narrower than 3 even with every non-empty cell
 * but the national one withheld are inherent (a national total of 4 split 3 + 1) and excluded.
 */
/**
 * Cells and remainders whose range stays narrower than 3 even with every non-empty cell but the national
 * one withheld: no pattern can protect them fully (a national total of 4 split 3 + 1).
 */
export function inherentIds(population: AttackPopulation, minCellSize: number): Set<string> {
  const blind = new Map<string, Range>();
  for (const cell of population.cells.values()) {
    const national = cell.table === 'NATIONAL' && cell.n >= minCellSize;
    blind.set(cell.id, cell.n === 0 ? [0, 0] : national ? [cell.n, cell.n] : [1, Infinity]);
  }
  for (const r of population.remainders) if (r.n === 0) blind.set(r.id, [0, 0]);
  const atBest = propagate(population, blind);
  return new Set(
    [...population.cells.values(), ...population.remainders]
      .filter((c) => c.n > 0)
      .map((c) => c.id)
      .filter((id) => {
        const range = atBest.get(id);
        return range !== undefined && range[1] - range[0] < 3;
      }),
  );
}

export function pinnedSmallCounts(
  population: AttackPopulation,
  seen: ReadonlyMap<string, Seen>,
  minCellSize: number,
): string[] {
  const cells = [...population.cells.values()];
  const withheld: Range = [1, Infinity];
  const known = new Map<string, Range>();
  const blind = new Map<string, Range>();
  for (const cell of cells) {
    const s = seen.get(cell.id);
    if (cell.n === 0) known.set(cell.id, [0, 0]);
    else if (s?.kind === 'KNOWN') known.set(cell.id, [s.n, s.n]);
    else if (s?.kind === 'WITHHELD') known.set(cell.id, withheld);
    const national = cell.table === 'NATIONAL' && cell.n >= minCellSize;
    blind.set(cell.id, cell.n === 0 ? [0, 0] : national ? [cell.n, cell.n] : withheld);
  }
  for (const r of population.remainders) {
    if (r.n === 0) {
      known.set(r.id, [0, 0]);
      blind.set(r.id, [0, 0]);
    }
  }
  const protectedIds = [
    ...cells.filter((c) => seen.get(c.id)?.kind === 'WITHHELD').map((c) => c.id),
    ...population.remainders.filter((r) => r.n > 0 && r.n < minCellSize).map((r) => r.id),
  ];
  const atBest = propagate(population, blind);
  const inherent = new Set(
    protectedIds.filter((id) => {
      const range = atBest.get(id);
      return range !== undefined && range[1] - range[0] < 3;
    }),
  );
  return [...pinned(propagate(population, known), protectedIds)].filter((id) => !inherent.has(id));
}
