import {
  liesIn,
  relationsOf,
  type AttackPopulation,
  type Coordinates,
  type TruthCell,
} from './attack-population';

/** What a reader learned of one cell through the API. */
export type Seen = { kind: 'KNOWN'; n: number; k: number } | { kind: 'WITHHELD' };

/** Exact row space over the integers: fraction-free elimination with gcd-normalised BigInt rows. */
class IntegerSpan {
  private readonly basis: Array<{ pivot: number; row: bigint[] }> = [];

  private reduce(vector: readonly bigint[]): bigint[] {
    let v = [...vector];
    for (const { pivot, row } of this.basis) {
      if (v[pivot] === 0n) continue;
      const a = row[pivot];
      const b = v[pivot];
      v = v.map((x, i) => a * x - b * row[i]);
      const g = v.reduce((acc, x) => gcd(acc, x < 0n ? -x : x), 0n);
      if (g > 1n) v = v.map((x) => x / g);
    }
    return v;
  }

  add(vector: readonly bigint[]): void {
    const v = this.reduce(vector);
    const pivot = v.findIndex((x) => x !== 0n);
    if (pivot >= 0) this.basis.push({ pivot, row: v });
  }

  contains(vector: readonly bigint[]): boolean {
    return this.reduce(vector).every((x) => x === 0n);
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * The strongest linear attacker: unknowns are the learner-level counts (site, or an organisation's
 * no-site remainder, × profession × education provider or none); every cell the reader saw with numbers, and every empty cell (public:
 * an empty cell is reported as no data), is an equation. A withheld cell or a small remainder is
 * determined exactly when its indicator row lies in the span of the known rows. Respondents and positives
 * have the same rows, so this covers both.
 */
export function linearlyDetermined(population: AttackPopulation, seen: ReadonlyMap<string, Seen>): string[] {
  const leaves: Coordinates[] = [
    ...population.values.siteId.map((siteId) => ({
      organisationId: population.organisationOfSite.get(siteId),
      siteId,
    })),
    ...population.values.organisationId.map((organisationId) => ({ organisationId })),
  ];
  const educationProviders = [...population.values.educationProviderId, undefined];
  const columns = leaves.flatMap((leaf) =>
    population.values.profession.flatMap((profession) =>
      educationProviders.map((educationProviderId) => ({ ...leaf, profession, educationProviderId })),
    ),
  );
  const rowOf = (cell: TruthCell): bigint[] =>
    columns.map((column) => {
      if (cell.table === 'REMAINDER')
        return column.siteId === undefined && column.organisationId === cell.coordinates.organisationId
          ? 1n
          : 0n;
      if (cell.table === 'EDUCATION_REMAINDER')
        return column.educationProviderId === undefined &&
          column.organisationId === cell.coordinates.organisationId
          ? 1n
          : 0n;
      if (cell.coordinates.siteId !== undefined && column.siteId !== cell.coordinates.siteId) return 0n;
      if (
        cell.coordinates.educationProviderId !== undefined &&
        column.educationProviderId !== cell.coordinates.educationProviderId
      )
        return 0n;
      const { siteId: _site, educationProviderId: _education, ...coarse } = cell.coordinates;
      return liesIn(population, column, coarse) ? 1n : 0n;
    });
  const span = new IntegerSpan();
  for (const cell of population.cells.values()) {
    if (seen.get(cell.id)?.kind === 'KNOWN' || cell.n === 0) span.add(rowOf(cell));
  }
  for (const remainder of population.remainders) if (remainder.n === 0) span.add(rowOf(remainder));
  const targets = [
    ...[...population.cells.values()].filter((c) => seen.get(c.id)?.kind === 'WITHHELD'),
    ...population.remainders.filter((r) => r.n > 0 && r.n < 3),
  ];
  return targets.filter((cell) => span.contains(rowOf(cell))).map((cell) => cell.id);
}

/**
 * Groups of 1 or 2 learners exposed by subtraction: a total the reader saw minus the parts the reader saw
 * leaves the learners of the hidden parts as one group, whose count and answers are then known.
 */
export function smallResiduals(
  population: AttackPopulation,
  seen: ReadonlyMap<string, Seen>,
  minCellSize: number,
  inherent: ReadonlySet<string> = new Set(),
): Array<{ total: string; residual: number }> {
  const truth = new Map(
    [...population.cells.values(), ...population.remainders].map((c) => [c.id, c.n] as const),
  );
  const found: Array<{ total: string; residual: number }> = [];
  for (const { total, parts } of relationsOf(population)) {
    if (seen.get(total)?.kind !== 'KNOWN') continue;
    // A residual made only of inherent shortfalls is one of them (a national 4 = 3 published + 1).
    if (parts.filter((p) => seen.get(p)?.kind !== 'KNOWN').every((p) => inherent.has(p))) continue;
    const residual = parts
      .filter((p) => seen.get(p)?.kind !== 'KNOWN')
      .reduce((sum, p) => sum + (truth.get(p) ?? 0), 0);
    if (residual > 0 && residual < minCellSize) found.push({ total, residual });
  }
  return found;
}
