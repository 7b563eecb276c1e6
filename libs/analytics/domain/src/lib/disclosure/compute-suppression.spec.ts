import { examplePopulation, type ExampleGroup } from '../../test-support/examples';
import { aggregate, fineCounters, type Population } from '../../test-support/population';
import { auditDisclosure } from './audit-disclosure';
import { cellKey } from './canonical-tables';
import type { CellCoordinates } from './cell-coordinates';
import { computeSharedSuppression, computeSuppression } from './compute-suppression';
import { InconsistentCountersError, NonCanonicalCellError } from './disclosure-errors';
import type { SuppressionPattern } from './suppression-pattern';

function run(population: Population, minCellSize = 3): SuppressionPattern {
  const cells = aggregate(population);
  const fine = fineCounters(population);
  const pattern = computeSuppression(cells, population.hierarchy, { minCellSize, fine });
  expect(auditDisclosure(cells, pattern, population.hierarchy, fine)).toMatchObject({
    unprotected: [],
    determined: [],
    publishedBelowMinimum: [],
  });
  return pattern;
}

function reasonOf(pattern: SuppressionPattern, coordinates: CellCoordinates): string {
  const entry = pattern.entries.get(cellKey(coordinates));
  if (!entry) return 'ABSENT';
  return entry.suppressed ? entry.reason : 'PUBLISHED';
}

/** A region × learner group table where each region has one organisation and each group one profession. */
function twoWay(rows: Readonly<Record<string, Readonly<Record<string, number>>>>): Population {
  const groups = Object.keys(Object.values(rows)[0]);
  const learners: ExampleGroup[] = Object.entries(rows).flatMap(([region, row]) =>
    Object.entries(row).map(([group, n]) => ({ org: `O_${region}`, profession: `P_${group}`, n })),
  );
  return examplePopulation(
    Object.fromEntries(Object.keys(rows).map((region) => [region, { [`O_${region}`]: [] }])),
    Object.fromEntries(groups.map((g) => [g, [`P_${g}`]])),
    learners,
  );
}

describe('computeSuppression: worked examples', () => {
  it('a 2 × 2 table with one small cell withholds its row partner, column partner and the fourth corner', () => {
    const pattern = run(twoWay({ N: { MED: 2, NUR: 10 }, S: { MED: 8, NUR: 20 } }));
    const cell = (region: string, learnerGroup: string) => reasonOf(pattern, { region, learnerGroup });
    expect(cell('N', 'MED')).toBe('BELOW_MINIMUM');
    expect(cell('N', 'NUR')).toBe('COMPLEMENTARY');
    expect(cell('S', 'MED')).toBe('COMPLEMENTARY');
    expect(cell('S', 'NUR')).toBe('COMPLEMENTARY');
    for (const margin of [
      { region: 'N' },
      { region: 'S' },
      { learnerGroup: 'MED' },
      { learnerGroup: 'NUR' },
      {},
    ]) {
      expect(reasonOf(pattern, margin)).toBe('PUBLISHED');
    }
  });

  it('a 3 × 3 table withholds a rectangle: the small cell, a row partner, a column partner, the corner', () => {
    const pattern = run(
      twoWay({
        N: { MED: 2, NUR: 10, AHP: 6 },
        M: { MED: 8, NUR: 20, AHP: 9 },
        S: { MED: 12, NUR: 30, AHP: 7 },
      }),
    );
    const withheld = ['N', 'M', 'S'].flatMap((region) =>
      ['MED', 'NUR', 'AHP']
        .filter((learnerGroup) => reasonOf(pattern, { region, learnerGroup }) !== 'PUBLISHED')
        .map((learnerGroup) => `${region}:${learnerGroup}`),
    );
    // Cheapest row partner AHP (6), cheapest column partner M (8), corner M:AHP.
    expect(withheld.sort()).toEqual(['M:AHP', 'M:MED', 'N:AHP', 'N:MED']);
    expect(reasonOf(pattern, { region: 'N' })).toBe('PUBLISHED');
    expect(reasonOf(pattern, { learnerGroup: 'MED' })).toBe('PUBLISHED');
  });

  it('a region with exactly one small organisation withholds a second organisation of that region, not the region', () => {
    const pattern = run(
      examplePopulation({ R1: { O1: [], O2: [], O3: [] }, R2: { O4: [] } }, { NUR: ['RN'] }, [
        { org: 'O1', profession: 'RN', n: 2 },
        { org: 'O2', profession: 'RN', n: 10 },
        { org: 'O3', profession: 'RN', n: 12 },
        { org: 'O4', profession: 'RN', n: 20 },
      ]),
    );
    expect(reasonOf(pattern, { organisationId: 'O1' })).toBe('BELOW_MINIMUM');
    expect(reasonOf(pattern, { organisationId: 'O2' })).toBe('COMPLEMENTARY');
    expect(reasonOf(pattern, { organisationId: 'O3' })).toBe('PUBLISHED');
    expect(reasonOf(pattern, { region: 'R1' })).toBe('PUBLISHED');
    expect(reasonOf(pattern, {})).toBe('PUBLISHED');
  });

  it('a region whose only organisation is small is withheld with it, and another region partners it', () => {
    const pattern = run(
      examplePopulation({ R1: { O1: [] }, R2: { O2: [] }, R3: { O3: [] } }, { NUR: ['RN'] }, [
        { org: 'O1', profession: 'RN', n: 2 },
        { org: 'O2', profession: 'RN', n: 15 },
        { org: 'O3', profession: 'RN', n: 30 },
      ]),
    );
    // The national total with one small region: the cheapest other region is withheld; the nation is shown.
    expect(reasonOf(pattern, { region: 'R1' })).toBe('BELOW_MINIMUM');
    expect(reasonOf(pattern, { organisationId: 'O1' })).toBe('BELOW_MINIMUM');
    expect(reasonOf(pattern, { region: 'R2' })).toBe('COMPLEMENTARY');
    expect(reasonOf(pattern, { region: 'R3' })).toBe('PUBLISHED');
    expect(reasonOf(pattern, {})).toBe('PUBLISHED');
  });

  it('protects the learner who named no site: organisation 10 = site A 5 + site B 4 + 1 unknown', () => {
    const pattern = run(
      examplePopulation({ R1: { O1: ['A', 'B'], O2: ['C'] } }, { NUR: ['RN'] }, [
        { org: 'O1', site: 'A', profession: 'RN', n: 5 },
        { org: 'O1', site: 'B', profession: 'RN', n: 4 },
        { org: 'O1', profession: 'RN', n: 1 },
        { org: 'O2', site: 'C', profession: 'RN', n: 12 },
      ]),
    );
    // Publishing 10, 5 and 4 would give away one learner's answer by subtraction; a site is withheld instead.
    expect(reasonOf(pattern, { organisationId: 'O1' })).toBe('PUBLISHED');
    expect([reasonOf(pattern, { siteId: 'A' }), reasonOf(pattern, { siteId: 'B' })]).toContain(
      'COMPLEMENTARY',
    );
    expect(pattern.statistics.siteRemainders).toBe(1);
  });

  it('withholds a total whose published parts leave a group of 2 by subtraction (the singleton problem)', () => {
    const pattern = run(
      examplePopulation({ R1: { O1: [], O2: [], O3: [] } }, { NUR: ['RN'] }, [
        { org: 'O1', profession: 'RN', n: 1 },
        { org: 'O2', profession: 'RN', n: 1 },
        { org: 'O3', profession: 'RN', n: 20 },
      ]),
    );
    // O1 and O2 hide each other from plain subtraction, but region − O3 = 2 would describe both learners
    // (and each could subtract their own answer to learn the other's).
    expect(reasonOf(pattern, { organisationId: 'O1' })).toBe('BELOW_MINIMUM');
    expect(reasonOf(pattern, { organisationId: 'O2' })).toBe('BELOW_MINIMUM');
    expect(reasonOf(pattern, { organisationId: 'O3' })).toBe('COMPLEMENTARY');
  });

  it('protects an organisation of 2 respondents at 2 sites: the old ranges pinned each site at 1', () => {
    const pattern = run(
      examplePopulation({ R1: { O1: ['A', 'B'], O2: ['C'], O3: ['D'] } }, { NUR: ['RN'] }, [
        { org: 'O1', site: 'A', profession: 'RN', n: 1 },
        { org: 'O1', site: 'B', profession: 'RN', n: 1 },
        { org: 'O2', site: 'C', profession: 'RN', n: 12 },
        { org: 'O3', site: 'D', profession: 'RN', n: 9 },
      ]),
    );
    // One label for every withheld cell: the sites are known only to be ≥ 1, and learners can move
    // between O1 and a withheld neighbour, so nothing is pinned and nothing is inherent any more.
    expect(pattern.inherentCountDisclosures).toEqual([]);
    expect(reasonOf(pattern, { siteId: 'A' })).toBe('BELOW_MINIMUM');
    expect(reasonOf(pattern, { region: 'R1' })).toBe('PUBLISHED');
    expect(reasonOf(pattern, {})).toBe('PUBLISHED');
  });

  it('reports what no pattern can hide: a national total of 3 in three regions of 1', () => {
    const pattern = run(
      examplePopulation({ R1: { O1: [] }, R2: { O2: [] }, R3: { O3: [] } }, { NUR: ['RN'] }, [
        { org: 'O1', profession: 'RN', n: 1 },
        { org: 'O2', profession: 'RN', n: 1 },
        { org: 'O3', profession: 'RN', n: 1 },
      ]),
    );
    expect(reasonOf(pattern, {})).toBe('PUBLISHED');
    expect(pattern.inherentCountDisclosures).toEqual(
      expect.arrayContaining([cellKey({ region: 'R1' }), cellKey({ organisationId: 'O1' })]),
    );
  });

  it('withholds nothing when the minimum is 1, and honours another minimum', () => {
    const population = twoWay({ N: { MED: 2, NUR: 10 }, S: { MED: 8, NUR: 20 } });
    expect(run(population, 1).statistics.belowMinimum + run(population, 1).statistics.complementary).toBe(0);
    const strict = run(population, 9);
    expect(reasonOf(strict, { region: 'S', learnerGroup: 'MED' })).toBe('BELOW_MINIMUM');
    expect(() => computeSuppression([], population.hierarchy, { minCellSize: 0, fine: [] })).toThrow(
      RangeError,
    );
    expect(() => computeSuppression([], population.hierarchy, { protectionWidth: 0, fine: [] })).toThrow(
      RangeError,
    );
  });

  it('gives measures that share a question one withheld set, whatever their positives', () => {
    const population = twoWay({ N: { MED: 2, NUR: 10 }, S: { MED: 8, NUR: 20 } });
    const cells = aggregate(population);
    const fine = fineCounters(population);
    const flip = <T extends { respondents: number; positive: number }>(c: T): T => ({
      ...c,
      positive: c.respondents - c.positive,
    });
    const [a, b] = computeSharedSuppression(
      [
        { cells, fine },
        { cells: cells.map(flip), fine: fine.map(flip) },
      ],
      population.hierarchy,
    );
    const withheld = (p: SuppressionPattern) =>
      [...p.entries].filter(([, e]) => e.suppressed).map(([k]) => k);
    expect(withheld(b)).toEqual(withheld(a));
    expect(withheld(a).length).toBeGreaterThan(0);
  });

  it('refuses counters that do not add up, and cells outside the canonical tables', () => {
    const population = twoWay({ N: { MED: 2, NUR: 10 }, S: { MED: 8, NUR: 20 } });
    const cells = aggregate(population);
    const fine = fineCounters(population);
    const bad = fine.map((f, i) => (i === 0 ? { ...f, positive: f.positive + 1 } : f));
    expect(() => computeSuppression(cells, population.hierarchy, { fine: bad })).toThrow(
      InconsistentCountersError,
    );
    const broken = cells.map((c) =>
      Object.keys(c.coordinates).length === 0 ? { ...c, respondents: c.respondents + 1 } : c,
    );
    expect(() => computeSuppression(broken, population.hierarchy, { fine })).toThrow(
      InconsistentCountersError,
    );
    const missingRegion = cells.filter(
      (c) => !(c.coordinates.region === 'N' && Object.keys(c.coordinates).length === 1),
    );
    expect(() => computeSuppression(missingRegion, population.hierarchy, { fine })).toThrow(
      InconsistentCountersError,
    );
    const stray = [
      ...cells,
      { coordinates: { organisationId: 'O_N', profession: 'P_MED' }, respondents: 2, positive: 1 },
    ];
    expect(() => computeSuppression(stray, population.hierarchy, { fine })).toThrow(NonCanonicalCellError);
    const unknownSite = [...cells, { coordinates: { siteId: 'nowhere' }, respondents: 0, positive: 0 }];
    expect(() => computeSuppression(unknownSite, population.hierarchy, { fine })).toThrow(
      InconsistentCountersError,
    );
    const duplicate = [...cells, cells[0]];
    expect(() => computeSuppression(duplicate, population.hierarchy, { fine })).toThrow(
      InconsistentCountersError,
    );
  });
});
