import fc from 'fast-check';
import type { NhsRegion } from '@nets/provider-assessment/contract-events';
import { REASON_OPTIONS, testId, type TestAnswer, type TestOrganisation } from './feed-events';

export type Dim =
  | 'region'
  | 'organisationId'
  | 'siteId'
  | 'learnerGroup'
  | 'profession'
  | 'educationProviderId';
export type Coordinates = Partial<Record<Dim, string>>;

/** The eleven published tables with their dimensions, written out here rather than taken from the service. */
export const TABLES = {
  NATIONAL: [],
  REGION: ['region'],
  LEARNER_GROUP: ['learnerGroup'],
  PROFESSION: ['profession'],
  ORGANISATION: ['organisationId'],
  SITE: ['siteId'],
  ORGANISATION_BY_LEARNER_GROUP: ['organisationId', 'learnerGroup'],
  REGION_BY_LEARNER_GROUP: ['region', 'learnerGroup'],
  REGION_BY_PROFESSION: ['region', 'profession'],
  EDUCATION_PROVIDER: ['educationProviderId'],
  EDUCATION_PROVIDER_BY_ORGANISATION: ['organisationId', 'educationProviderId'],
} as const satisfies Record<string, readonly Dim[]>;
export type TableId = keyof typeof TABLES;
export const TABLE_IDS = Object.keys(TABLES) as TableId[];

export function cellId(table: TableId, coordinates: Coordinates): string {
  return `${table}:${TABLES[table].map((d) => coordinates[d] ?? '?').join('|')}`;
}

/**
 * A cell of a published table, or an organisation's never-published "no site named" remainder (REMAINDER)
 * or "no education provider named" remainder (EDUCATION_REMAINDER).
 */
export interface TruthCell {
  id: string;
  table: TableId | 'REMAINDER' | 'EDUCATION_REMAINDER';
  coordinates: Coordinates;
  n: number;
  k: number;
}

export interface AttackPopulation {
  year: number;
  /** Placement organisations, then the education providers (registered too, so the registry knows them). */
  organisations: TestOrganisation[];
  answers: TestAnswer[];
  /** Dimension values that occur in the answers: the service's hierarchy knows no others. */
  values: Record<Dim, string[]>;
  regionOf: Map<string, string>;
  organisationOfSite: Map<string, string>;
  learnerGroupOf: Map<string, string>;
  cells: Map<string, TruthCell>;
  remainders: TruthCell[];
}

const REGIONS: readonly NhsRegion[] = ['LONDON', 'MIDLANDS', 'NORTH_WEST'];
const LEARNER_GROUPS = ['NURSING', 'MEDICINE', 'DENTISTRY'];

export interface PopulationShape {
  regions: number;
  organisations: Array<{ region: number; sites: number }>;
  professionsPerGroup: number[];
  /** Universities the learners may name (0: none of them names one, as before issue 21). */
  educationProviders?: number;
  answers: Array<{
    org: number;
    site: number;
    profession: number;
    /** One choice in (education providers + 1) is "none named". */
    education?: number;
    positive: boolean;
    /** Options of the reason question chosen; none: the learner skipped it. */
    reasons?: string[];
  }>;
}

/**
 * Small populations spread thinly: 2–3 regions, 1–5 organisations with 0–2 sites, 1–3 learner groups of
 * 1–2 professions, 0–2 universities, 4 to 40 learners, so most cells hold 1 or 2 and many are empty.
 */
export const attackShape: fc.Arbitrary<PopulationShape> = fc.record({
  regions: fc.integer({ min: 2, max: 3 }),
  organisations: fc.array(fc.record({ region: fc.nat(5), sites: fc.integer({ min: 0, max: 2 }) }), {
    minLength: 1,
    maxLength: 5,
  }),
  professionsPerGroup: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 1, maxLength: 3 }),
  educationProviders: fc.integer({ min: 0, max: 2 }),
  answers: fc.array(
    fc.record({
      org: fc.nat(50),
      site: fc.nat(50),
      profession: fc.nat(50),
      education: fc.nat(50),
      positive: fc.boolean(),
      reasons: fc.subarray([...REASON_OPTIONS]),
    }),
    { minLength: 4, maxLength: 40, size: 'max' },
  ),
});

export function buildPopulation(shape: PopulationShape, year: number): AttackPopulation {
  const organisations: TestOrganisation[] = shape.organisations.map((o, i) => ({
    id: testId(year, (i + 1) * 16),
    region: REGIONS[o.region % shape.regions],
    siteIds: Array.from({ length: o.sites }, (_, s) => testId(year, (i + 1) * 16 + s + 1)),
  }));
  const universities: TestOrganisation[] = Array.from({ length: shape.educationProviders ?? 0 }, (_, u) => ({
    id: testId(year, 0x8000 + u),
    region: REGIONS[u % shape.regions],
    siteIds: [],
    educationProvider: true,
  }));
  const professions = shape.professionsPerGroup.flatMap((count, g) =>
    Array.from({ length: count }, (_, p) => ({
      code: `${LEARNER_GROUPS[g]}_P${p}`,
      group: LEARNER_GROUPS[g],
    })),
  );
  const answers: TestAnswer[] = shape.answers.map((a) => {
    const organisation = organisations[a.org % organisations.length];
    // One choice in (sites + 1) is "no site named".
    const site = a.site % (organisation.siteIds.length + 1);
    const profession = professions[a.profession % professions.length];
    const university = universities[(a.education ?? universities.length) % (universities.length + 1)];
    return {
      organisationId: organisation.id,
      siteId: organisation.siteIds[site] ?? null,
      learnerGroup: profession.group,
      profession: profession.code,
      educationProviderId: university?.id ?? null,
      positive: a.positive,
      reasons: a.reasons ?? [],
    };
  });
  return withAnswers(year, [...organisations, ...universities], professions, answers);
}

/**
 * The truth of the series the given answers feed: cells of every table over the dimension values they
 * use (the service's hierarchy knows no others), and each organisation's no-site and no-education-provider
 * remainders.
 */
export function withAnswers(
  year: number,
  organisations: TestOrganisation[],
  professions: ReadonlyArray<{ code: string; group: string }>,
  answers: TestAnswer[],
): AttackPopulation {
  const regionOf = new Map(organisations.map((o) => [o.id, o.region as string]));
  const organisationOfSite = new Map(organisations.flatMap((o) => o.siteIds.map((s) => [s, o.id])));
  const learnerGroupOf = new Map(professions.map((p) => [p.code, p.group]));
  const distinct = (pick: (a: TestAnswer) => string | null): string[] =>
    [...new Set(answers.map(pick))].filter((v): v is string => v !== null).sort();
  const values: Record<Dim, string[]> = {
    region: distinct((a) => regionOf.get(a.organisationId) ?? null),
    organisationId: distinct((a) => a.organisationId),
    siteId: distinct((a) => a.siteId),
    learnerGroup: distinct((a) => a.learnerGroup),
    profession: distinct((a) => a.profession),
    educationProviderId: distinct((a) => a.educationProviderId ?? null),
  };
  const population: AttackPopulation = {
    year,
    organisations,
    answers,
    values,
    regionOf,
    organisationOfSite,
    learnerGroupOf,
    cells: new Map(),
    remainders: [],
  };
  for (const table of TABLE_IDS) {
    let combos: Coordinates[] = [{}];
    for (const d of TABLES[table]) combos = combos.flatMap((c) => values[d].map((v) => ({ ...c, [d]: v })));
    for (const coordinates of combos) {
      const inside = answers.filter((a) => answerLiesIn(population, a, coordinates));
      const id = cellId(table, coordinates);
      population.cells.set(id, { id, table, coordinates, ...count(inside) });
    }
  }
  population.remainders = [
    ...values.organisationId.map((organisationId) => ({
      id: `REMAINDER:${organisationId}`,
      table: 'REMAINDER' as const,
      coordinates: { organisationId },
      ...count(answers.filter((a) => a.organisationId === organisationId && a.siteId === null)),
    })),
    ...values.organisationId.map((organisationId) => ({
      id: `EDUCATION_REMAINDER:${organisationId}`,
      table: 'EDUCATION_REMAINDER' as const,
      coordinates: { organisationId },
      ...count(answers.filter((a) => a.organisationId === organisationId && !a.educationProviderId)),
    })),
  ];
  return population;
}

/** The reason question's own series: only the learners who answered it, under a pattern of its own. */
export function reasonSeriesOf(population: AttackPopulation): AttackPopulation {
  const professions = [...population.learnerGroupOf].map(([code, group]) => ({ code, group }));
  return withAnswers(
    population.year,
    population.organisations,
    professions,
    population.answers.filter((a) => (a.reasons ?? []).length > 0),
  );
}

/** The answers that fall in a cell. */
export function answersIn(population: AttackPopulation, cell: TruthCell): TestAnswer[] {
  return population.answers.filter((a) => answerLiesIn(population, a, cell.coordinates));
}

function count(answers: readonly TestAnswer[]): { n: number; k: number } {
  return { n: answers.length, k: answers.filter((a) => a.positive).length };
}

/** A dimension's value for a place given by any finer or equal coordinates (site → organisation → region, profession → group). */
export function resolveDim(population: AttackPopulation, place: Coordinates, d: Dim): string | undefined {
  if (place[d] !== undefined) return place[d];
  const organisation =
    place.organisationId ??
    (place.siteId !== undefined ? population.organisationOfSite.get(place.siteId) : undefined);
  if (d === 'organisationId') return organisation;
  if (d === 'region') return organisation !== undefined ? population.regionOf.get(organisation) : undefined;
  if (d === 'learnerGroup' && place.profession !== undefined)
    return population.learnerGroupOf.get(place.profession);
  return undefined;
}

export function liesIn(population: AttackPopulation, inner: Coordinates, outer: Coordinates): boolean {
  return (Object.keys(outer) as Dim[]).every((d) => resolveDim(population, inner, d) === outer[d]);
}

function answerLiesIn(population: AttackPopulation, answer: TestAnswer, coordinates: Coordinates): boolean {
  const place: Coordinates = {
    organisationId: answer.organisationId,
    profession: answer.profession,
    ...(answer.siteId !== null ? { siteId: answer.siteId } : {}),
  };
  return (Object.keys(coordinates) as Dim[]).every((d) => {
    // A learner who named no site (or no education provider) is in no cell of that dimension.
    if (d === 'siteId') return answer.siteId === coordinates.siteId;
    if (d === 'educationProviderId')
      return (answer.educationProviderId ?? null) === coordinates.educationProviderId;
    return resolveDim(population, place, d) === coordinates[d];
  });
}

/** Whether a table can be filtered on a dimension: it carries it or a finer level of its hierarchy. */
export function canFilter(table: TableId, d: Dim): boolean {
  const dims: readonly Dim[] = TABLES[table];
  return (
    dims.includes(d) ||
    (d === 'region' && (dims.includes('organisationId') || dims.includes('siteId'))) ||
    (d === 'organisationId' && dims.includes('siteId')) ||
    (d === 'learnerGroup' && dims.includes('profession'))
  );
}

/** Every (total, parts) relation a reader can write between two tables where one refines the other. */
export function relationsOf(population: AttackPopulation): Array<{ total: string; parts: string[] }> {
  const cells = [...population.cells.values()];
  const relations: Array<{ total: string; parts: string[] }> = [];
  for (const parent of TABLE_IDS) {
    for (const child of TABLE_IDS) {
      if (child === parent || !TABLES[parent].every((d) => canFilter(child, d))) continue;
      for (const total of cells.filter((c) => c.table === parent)) {
        const parts = cells
          .filter((c) => c.table === child && liesIn(population, c.coordinates, total.coordinates))
          .map((c) => c.id);
        const byEducation = (t: TableId) => (TABLES[t] as readonly Dim[]).includes('educationProviderId');
        const remainderTable =
          child === 'SITE'
            ? 'REMAINDER'
            : byEducation(child) && !byEducation(parent)
              ? 'EDUCATION_REMAINDER'
              : undefined;
        for (const r of population.remainders)
          if (r.table === remainderTable && liesIn(population, r.coordinates, total.coordinates))
            parts.push(r.id);
        relations.push({ total: total.id, parts });
      }
    }
  }
  return relations;
}
