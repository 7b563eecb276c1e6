import fc from 'fast-check';
import type { CellCoordinates, CounterCell } from '../lib/disclosure/cell-coordinates';
import type { FineCounter } from '../lib/disclosure/fine-counters';

/**
 * One learner's answer to one measure's question. No siteId: the learner named no site; no
 * educationProviderId: no education provider.
 */
export interface Respondent {
  readonly organisationId: string;
  readonly siteId?: string;
  readonly profession: string;
  readonly educationProviderId?: string;
  readonly positive: boolean;
}

export interface TestHierarchy {
  readonly regionOfOrganisation: Map<string, string>;
  readonly organisationOfSite: Map<string, string>;
  readonly learnerGroupOfProfession: Map<string, string>;
  /** The education providers learners may name (no hierarchy: they cross the organisations). */
  readonly educationProviders?: readonly string[];
}

export interface Population {
  readonly hierarchy: TestHierarchy;
  readonly respondents: readonly Respondent[];
}

/** The eleven canonical tables, written out by hand (the library derives them; tests must not reuse that). */
export const TEST_TABLES: readonly (readonly (keyof CellCoordinates)[])[] = [
  [],
  ['region'],
  ['learnerGroup'],
  ['profession'],
  ['organisationId'],
  ['siteId'],
  ['organisationId', 'learnerGroup'],
  ['region', 'learnerGroup'],
  ['region', 'profession'],
  ['educationProviderId'],
  ['organisationId', 'educationProviderId'],
];

export interface RespondentPlace {
  readonly region: string;
  readonly organisationId: string;
  readonly siteId?: string;
  readonly learnerGroup: string;
  readonly profession: string;
  readonly educationProviderId?: string;
}

export function placeOf(respondent: Respondent, hierarchy: TestHierarchy): RespondentPlace {
  return {
    region: hierarchy.regionOfOrganisation.get(respondent.organisationId) as string,
    organisationId: respondent.organisationId,
    siteId: respondent.siteId,
    learnerGroup: hierarchy.learnerGroupOfProfession.get(respondent.profession) as string,
    profession: respondent.profession,
    educationProviderId: respondent.educationProviderId,
  };
}

export function testKey(coordinates: CellCoordinates): string {
  return JSON.stringify(
    Object.entries(coordinates)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

/** Counter cells of every canonical table, aggregated straight from the respondents. */
export function aggregate(population: Population): CounterCell[] {
  const cells = new Map<string, { coordinates: CellCoordinates; respondents: number; positive: number }>();
  for (const respondent of population.respondents) {
    const place = placeOf(respondent, population.hierarchy);
    for (const dims of TEST_TABLES) {
      if (dims.includes('siteId') && place.siteId === undefined) continue;
      if (dims.includes('educationProviderId') && place.educationProviderId === undefined) continue;
      const coordinates: CellCoordinates = Object.fromEntries(dims.map((d) => [d, place[d]]));
      const key = testKey(coordinates);
      const cell = cells.get(key) ?? { coordinates, respondents: 0, positive: 0 };
      cell.respondents++;
      if (respondent.positive) cell.positive++;
      cells.set(key, cell);
    }
  }
  return [...cells.values()];
}

/** The fine counters (organisation × site-or-no-site × profession × education-provider-or-none) the service keeps. */
export function fineCounters(population: Population): FineCounter[] {
  const cells = new Map<
    string,
    {
      organisationId: string;
      siteId?: string;
      profession: string;
      educationProviderId?: string;
      respondents: number;
      positive: number;
    }
  >();
  for (const r of population.respondents) {
    const key = `${r.organisationId}|${r.siteId ?? ''}|${r.profession}|${r.educationProviderId ?? ''}`;
    const cell = cells.get(key) ?? {
      organisationId: r.organisationId,
      siteId: r.siteId,
      profession: r.profession,
      educationProviderId: r.educationProviderId,
      respondents: 0,
      positive: 0,
    };
    cell.respondents++;
    if (r.positive) cell.positive++;
    cells.set(key, cell);
  }
  return [...cells.values()];
}

/** Canonical cells, fine counters and hierarchy: what `computeSuppression` takes. */
export function suppressionInput(population: Population): {
  cells: CounterCell[];
  fine: FineCounter[];
} {
  return { cells: aggregate(population), fine: fineCounters(population) };
}

interface Shape {
  readonly regions: number;
  readonly organisations: readonly { readonly region: number; readonly sites: number }[];
  readonly professionsPerGroup: readonly number[];
  /** Education providers learners may name; 0: the population has none (learners before issue 21). */
  readonly educationProviders?: number;
  readonly respondents: readonly {
    org: number;
    site: number;
    profession: number;
    positive: boolean;
    education?: number;
  }[];
}

function build(shape: Shape): Population {
  const regionOfOrganisation = new Map<string, string>();
  const organisationOfSite = new Map<string, string>();
  const learnerGroupOfProfession = new Map<string, string>();
  const sitesOf: string[][] = [];
  shape.organisations.forEach((o, i) => {
    regionOfOrganisation.set(`O${i}`, `R${o.region % shape.regions}`);
    sitesOf.push(Array.from({ length: o.sites }, (_, s) => `O${i}S${s}`));
    for (const s of sitesOf[i]) organisationOfSite.set(s, `O${i}`);
  });
  const professions: string[] = [];
  shape.professionsPerGroup.forEach((count, g) => {
    for (let p = 0; p < count; p++) {
      professions.push(`G${g}P${p}`);
      learnerGroupOfProfession.set(`G${g}P${p}`, `G${g}`);
    }
  });
  const educationProviders = Array.from({ length: shape.educationProviders ?? 0 }, (_, e) => `E${e}`);
  const respondents = shape.respondents.map((r) => {
    const org = r.org % shape.organisations.length;
    const sites = sitesOf[org];
    // One choice in (sites + 1) means "no site given", one in (education providers + 1) "none named".
    const siteIndex = r.site % (sites.length + 1);
    const educationIndex = (r.education ?? 0) % (educationProviders.length + 1);
    return {
      organisationId: `O${org}`,
      siteId: siteIndex < sites.length ? sites[siteIndex] : undefined,
      profession: professions[r.profession % professions.length],
      educationProviderId:
        educationIndex < educationProviders.length ? educationProviders[educationIndex] : undefined,
      positive: r.positive,
    };
  });
  return {
    hierarchy: { regionOfOrganisation, organisationOfSite, learnerGroupOfProfession, educationProviders },
    respondents,
  };
}

/**
 * Small random populations: 1–3 regions, 1–6 organisations with 0–3 sites, 1–3 learner groups of 1–3
 * professions, 0–3 education providers (some learners naming none), up to `maxRespondents` learners spread
 * thinly, so most cells hold 1 or 2 and many are empty.
 */
export function populationArbitrary(maxRespondents = 60): fc.Arbitrary<Population> {
  return fc
    .record({
      regions: fc.integer({ min: 1, max: 3 }),
      organisations: fc.array(fc.record({ region: fc.nat(5), sites: fc.integer({ min: 0, max: 3 }) }), {
        minLength: 1,
        maxLength: 6,
      }),
      professionsPerGroup: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
      educationProviders: fc.integer({ min: 0, max: 3 }),
      respondents: fc.array(
        fc.record({
          org: fc.nat(50),
          site: fc.nat(50),
          profession: fc.nat(50),
          positive: fc.boolean(),
          education: fc.nat(50),
        }),
        { minLength: 1, maxLength: maxRespondents },
      ),
    })
    .map(build);
}

/** Deterministic PRNG (mulberry32) for the large benchmark population. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A national-scale population: 7 regions, `organisations` providers of skewed size with 1–5 sites,
 * 10 learner groups with 1–9 professions (nursing-heavy, as NETS is), 8% of learners naming no site.
 */
export function largePopulation(seed: number, organisations = 300, meanLearners = 120): Population {
  const random = mulberry32(seed);
  const shape: {
    regions: number;
    organisations: { region: number; sites: number }[];
    professionsPerGroup: number[];
  } = {
    regions: 7,
    organisations: [],
    professionsPerGroup: [4, 5, 5, 1, 1, 9, 3, 6, 4, 2],
  };
  for (let i = 0; i < organisations; i++) {
    shape.organisations.push({ region: Math.floor(random() * 7), sites: 1 + Math.floor(random() * 5) });
  }
  const groupWeights = [0.18, 0.04, 0.4, 0.05, 0.08, 0.12, 0.03, 0.04, 0.04, 0.02];
  const respondents: Shape['respondents'][number][] = [];
  shape.organisations.forEach((o, org) => {
    const size = Math.max(1, Math.round(meanLearners * Math.exp(1.1 * gaussian(random)) * 0.5));
    for (let j = 0; j < size; j++) {
      let g = 0;
      let u = random();
      while (g < groupWeights.length - 1 && u > groupWeights[g]) u -= groupWeights[g++];
      const offset = shape.professionsPerGroup.slice(0, g).reduce((s, c) => s + c, 0);
      const profession = offset + Math.floor(random() ** 2 * shape.professionsPerGroup[g]);
      const site = random() < 0.08 ? o.sites : Math.floor(random() * o.sites);
      respondents.push({ org, site, profession, positive: random() < 0.8 });
    }
  });
  return build({ ...shape, respondents });
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}
