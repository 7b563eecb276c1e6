/**
 * Attackers written independently of the library: own table list, own relations (from the hierarchy,
 * not from the library's lattice), own arithmetic. They see only what `publishCell` returns.
 */
import type { CellCoordinates } from '../lib/disclosure/cell-coordinates';
import { placeOf, TEST_TABLES, testKey, type Population, type RespondentPlace } from './population';

type Dim = keyof CellCoordinates;

export interface UniverseCell {
  readonly key: string;
  readonly coordinates: CellCoordinates;
  readonly dims: readonly Dim[];
  readonly n: number;
  readonly k: number;
}

export interface AttackSetup {
  /**
   * Every cell of every canonical table the hierarchy allows, empty or not, plus per organisation one
   * remainder of learners who named no site and one of learners who named no education provider.
   */
  readonly universe: readonly UniverseCell[];
  readonly remainders: readonly UniverseCell[];
  readonly relations: readonly { readonly total: string; readonly parts: readonly string[] }[];
  readonly truth: ReadonlyMap<string, { readonly n: number; readonly k: number }>;
}

/** What an attacker knows of a cell: its published numbers, or that it is withheld and why. */
export type Knowledge =
  | { readonly kind: 'KNOWN'; readonly n: number; readonly k: number }
  | { readonly kind: 'WITHHELD'; readonly reason: 'BELOW_MINIMUM' | 'COMPLEMENTARY' }
  | { readonly kind: 'UNSEEN' };

const remainderKey = (organisationId: string): string => `rem:${organisationId}`;
const educationRemainderKey = (organisationId: string): string => `erem:${organisationId}`;

function resolve(coordinates: CellCoordinates, d: Dim, population: Population): string | undefined {
  const h = population.hierarchy;
  if (coordinates[d] !== undefined) return coordinates[d];
  const org =
    coordinates.organisationId ??
    (coordinates.siteId ? h.organisationOfSite.get(coordinates.siteId) : undefined);
  if (d === 'organisationId') return org;
  if (d === 'region') return org ? h.regionOfOrganisation.get(org) : undefined;
  if (d === 'learnerGroup')
    return coordinates.profession ? h.learnerGroupOfProfession.get(coordinates.profession) : undefined;
  return undefined;
}

function liesIn(inner: CellCoordinates, outer: CellCoordinates, population: Population): boolean {
  return (Object.keys(outer) as Dim[]).every((d) => resolve(inner, d, population) === outer[d]);
}

function placeLiesIn(place: RespondentPlace, cell: CellCoordinates): boolean {
  return (Object.keys(cell) as Dim[]).every((d) => place[d] === cell[d]);
}

export function buildAttackSetup(population: Population): AttackSetup {
  const h = population.hierarchy;
  const values: Record<Dim, string[]> = {
    region: [...new Set(h.regionOfOrganisation.values())],
    organisationId: [...h.regionOfOrganisation.keys()],
    siteId: [...h.organisationOfSite.keys()],
    learnerGroup: [...new Set(h.learnerGroupOfProfession.values())],
    profession: [...h.learnerGroupOfProfession.keys()],
    educationProviderId: [...(h.educationProviders ?? [])],
  };
  const places = population.respondents.map((r) => placeOf(r, h));
  const universe: UniverseCell[] = [];
  for (const dims of TEST_TABLES) {
    let combos: CellCoordinates[] = [{}];
    for (const d of dims) combos = combos.flatMap((c) => values[d].map((v) => ({ ...c, [d]: v })));
    for (const coordinates of combos) {
      const inside = population.respondents.filter((_, i) => placeLiesIn(places[i], coordinates));
      universe.push({
        key: testKey(coordinates),
        coordinates,
        dims,
        n: inside.length,
        k: inside.filter((r) => r.positive).length,
      });
    }
  }
  const remainderOf = (o: string, key: string, none: (r: Population['respondents'][number]) => boolean) => {
    const inside = population.respondents.filter((r) => r.organisationId === o && none(r));
    return {
      key,
      coordinates: { organisationId: o },
      dims: ['organisationId'] as const,
      n: inside.length,
      k: inside.filter((r) => r.positive).length,
    };
  };
  const siteRemainders: UniverseCell[] = values.organisationId.map((o) =>
    remainderOf(o, remainderKey(o), (r) => r.siteId === undefined),
  );
  const educationRemainders: UniverseCell[] = values.organisationId.map((o) =>
    remainderOf(o, educationRemainderKey(o), (r) => r.educationProviderId === undefined),
  );
  const remainders = [...siteRemainders, ...educationRemainders];

  const derivable = (d: Dim, dims: readonly Dim[]): boolean =>
    dims.includes(d) ||
    (d === 'region' && (dims.includes('organisationId') || dims.includes('siteId'))) ||
    (d === 'organisationId' && dims.includes('siteId')) ||
    (d === 'learnerGroup' && dims.includes('profession'));
  const relations: { total: string; parts: string[] }[] = [];
  for (const parentDims of TEST_TABLES) {
    for (const childDims of TEST_TABLES) {
      if (childDims === parentDims || !parentDims.every((d) => derivable(d, childDims))) continue;
      const children = universe.filter((c) => c.dims === childDims);
      for (const parent of universe.filter((c) => c.dims === parentDims)) {
        const parts = children
          .filter((c) => liesIn(c.coordinates, parent.coordinates, population))
          .map((c) => c.key);
        if (childDims.includes('siteId')) {
          for (const r of siteRemainders)
            if (liesIn(r.coordinates, parent.coordinates, population)) parts.push(r.key);
        }
        if (childDims.includes('educationProviderId') && !parentDims.includes('educationProviderId')) {
          for (const r of educationRemainders)
            if (liesIn(r.coordinates, parent.coordinates, population)) parts.push(r.key);
        }
        relations.push({ total: parent.key, parts });
      }
    }
  }
  const truth = new Map([...universe, ...remainders].map((c) => [c.key, { n: c.n, k: c.k }]));
  return { universe, remainders, relations, truth };
}

/**
 * Repeated subtraction: any relation with exactly one unknown member gives it away; the solved value is
 * then known, until nothing changes. Returns the unknown keys it recovered, with the value found.
 */
export function subtractionAttack(
  setup: AttackSetup,
  known: ReadonlyMap<string, number>,
): Map<string, number> {
  const values = new Map(known);
  const recovered = new Map<string, number>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const { total, parts } of setup.relations) {
      const members = [total, ...parts];
      const unknown = members.filter((m) => !values.has(m));
      if (unknown.length !== 1) continue;
      const [target] = unknown;
      const partSum = parts.filter((p) => p !== target).reduce((s, p) => s + (values.get(p) as number), 0);
      const value = target === total ? partSum : (values.get(total) as number) - partSum;
      values.set(target, value);
      recovered.set(target, value);
      changed = true;
    }
  }
  return recovered;
}

/** Interval propagation relation by relation, from the given ranges, to a fixpoint. */
export function rangeAttack(
  setup: AttackSetup,
  ranges: ReadonlyMap<string, readonly [number, number]>,
): Map<string, [number, number]> {
  const bounds = new Map<string, [number, number]>([...ranges].map(([k, [lo, hi]]) => [k, [lo, hi]]));
  const get = (key: string): [number, number] => bounds.get(key) ?? [0, Infinity];
  let changed = true;
  while (changed) {
    changed = false;
    for (const { total, parts } of setup.relations) {
      const t = get(total);
      const partBounds = parts.map(get);
      const sumLo = partBounds.reduce((s, [lo]) => s + lo, 0);
      const sumHi = partBounds.reduce((s, [, hi]) => s + hi, 0);
      const update = (key: string, lo: number, hi: number): void => {
        const [oldLo, oldHi] = get(key);
        const next: [number, number] = [Math.max(oldLo, lo), Math.min(oldHi, hi)];
        if (next[0] > next[1]) throw new Error(`attacker found ${key} infeasible: wrong priors`);
        if (next[0] !== oldLo || next[1] !== oldHi) {
          bounds.set(key, next);
          changed = true;
        }
      };
      update(total, sumLo, sumHi);
      parts.forEach((p, i) => {
        const othersHi = partBounds.reduce((sum, [, hi], j) => (j === i ? sum : sum + hi), 0);
        update(p, t[0] - othersHi, t[1] - (sumLo - partBounds[i][0]));
      });
    }
  }
  return bounds;
}

/** Fraction-free integer elimination over doubles, failing loudly if an entry ever leaves the safe range. */
class ExactSpan {
  private readonly basis: { col: number; row: number[] }[] = [];

  private reduce(vector: readonly number[]): number[] {
    let v = [...vector];
    for (const { col, row } of this.basis) {
      if (v[col] === 0) continue;
      const a = row[col];
      const b = v[col];
      v = v.map((x, i) => a * x - b * row[i]);
      const g = v.reduce((acc, x) => gcd(acc, Math.abs(x)), 0);
      if (g > 1) v = v.map((x) => x / g);
      if (v.some((x) => !Number.isSafeInteger(x))) throw new Error('ExactSpan overflow');
    }
    return v;
  }

  add(vector: readonly number[]): void {
    const v = this.reduce(vector);
    const col = v.findIndex((x) => x !== 0);
    if (col >= 0) this.basis.push({ col, row: v });
  }

  contains(vector: readonly number[]): boolean {
    return this.reduce(vector).every((x) => x === 0);
  }
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * The strongest linear attacker: works on the microdata table (leaf = site or an organisation's no-site
 * remainder, × profession × education provider or none) rather than on any list of relations. A withheld cell is determined exactly
 * when its indicator row lies in the span of the published cells' rows. Empty remainders are treated as
 * known, matching the library's conservative assumption.
 */
export function microdataLinearAttack(
  population: Population,
  setup: AttackSetup,
  knowledge: ReadonlyMap<string, Knowledge>,
): string[] {
  const h = population.hierarchy;
  const leaves = [
    ...[...h.organisationOfSite.keys()].map((s) => ({
      organisationId: h.organisationOfSite.get(s) as string,
      siteId: s,
    })),
    ...[...h.regionOfOrganisation.keys()].map((o) => ({ organisationId: o, siteId: undefined })),
  ];
  const professions = [...h.learnerGroupOfProfession.keys()];
  const educationProviders = [...(h.educationProviders ?? []), undefined];
  const columns = leaves.flatMap((leaf) =>
    professions.flatMap((profession) =>
      educationProviders.map((educationProviderId) => ({ ...leaf, profession, educationProviderId })),
    ),
  );
  const rowOf = (cell: UniverseCell): number[] => {
    const isRemainder = cell.key.startsWith('rem:');
    const isEducationRemainder = cell.key.startsWith('erem:');
    return columns.map((c) => {
      if (isRemainder)
        return c.siteId === undefined && c.organisationId === cell.coordinates.organisationId ? 1 : 0;
      if (isEducationRemainder)
        return c.educationProviderId === undefined && c.organisationId === cell.coordinates.organisationId
          ? 1
          : 0;
      const place: RespondentPlace = {
        region: h.regionOfOrganisation.get(c.organisationId) as string,
        organisationId: c.organisationId,
        siteId: c.siteId,
        learnerGroup: h.learnerGroupOfProfession.get(c.profession) as string,
        profession: c.profession,
        educationProviderId: c.educationProviderId,
      };
      return placeLiesIn(place, cell.coordinates) ? 1 : 0;
    });
  };
  const span = new ExactSpan();
  for (const cell of setup.universe) if (knowledge.get(cell.key)?.kind === 'KNOWN') span.add(rowOf(cell));
  for (const r of setup.remainders) if (r.n === 0) span.add(rowOf(r));
  const targets = [
    ...setup.universe.filter((c) => knowledge.get(c.key)?.kind === 'WITHHELD'),
    ...setup.remainders.filter((r) => r.n > 0),
  ];
  return targets.filter((cell) => span.contains(rowOf(cell))).map((c) => c.key);
}
