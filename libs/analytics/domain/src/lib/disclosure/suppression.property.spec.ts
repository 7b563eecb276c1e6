import fc from 'fast-check';
import {
  buildAttackSetup,
  microdataLinearAttack,
  rangeAttack,
  subtractionAttack,
  type AttackSetup,
  type Knowledge,
} from '../../test-support/attacker';
import { fullKnowledge, knowledgeOf, knownValues, publicRanges, viewOf } from '../../test-support/knowledge';
import { aggregate, fineCounters, populationArbitrary, type Population } from '../../test-support/population';
import { auditDisclosure } from './audit-disclosure';
import { CANONICAL_TABLES, cellKey, tableDimensions } from './canonical-tables';
import type { CellFilter } from './select-cells';
import { computeSuppression } from './compute-suppression';
import { NonCanonicalQueryError } from './disclosure-errors';
import { selectCells } from './select-cells';
import type { SuppressionPattern } from './suppression-pattern';

const m = 3;
const RUNS = Number(process.env.NETS_PROPERTY_RUNS ?? 50);
/** Fixed, so `npm test` is repeatable; set NETS_PROPERTY_SEED (and _RUNS) to explore further. */
const SEED = Number(process.env.NETS_PROPERTY_SEED ?? 20261207);

interface Case {
  readonly population: Population;
  readonly setup: AttackSetup;
  readonly pattern: SuppressionPattern;
  readonly knowledge: Map<string, Knowledge>;
}

function prepare(population: Population): Case {
  const pattern = computeSuppression(aggregate(population), population.hierarchy, {
    minCellSize: m,
    fine: fineCounters(population),
  });
  const setup = buildAttackSetup(population);
  return { population, setup, pattern, knowledge: fullKnowledge(setup, pattern) };
}

function withheldKeys(c: Case): string[] {
  return [...c.knowledge].filter(([, k]) => k.kind === 'WITHHELD').map(([key]) => key);
}

function smallRemainders(c: Case): string[] {
  return c.setup.remainders.filter((r) => r.n >= 1 && r.n < m).map((r) => r.key);
}

/**
 * Cells whose range stays narrower than the protection width (3) even when every non-empty cell but the
 * national one is withheld: the "inherent" shortfalls, by the test's own reckoning (a national total of 4
 * split 3 + 1). The promise for them is only what the engine's certificates reach; they are excluded here.
 */
function inherentPins(c: Case): Set<string> {
  const ranges = new Map<string, [number, number]>();
  for (const cell of c.setup.universe) {
    if (cell.n === 0) ranges.set(cell.key, [0, 0]);
    else if (Object.keys(cell.coordinates).length === 0 && cell.n >= m)
      ranges.set(cell.key, [cell.n, cell.n]);
    else ranges.set(cell.key, [1, Infinity]);
  }
  for (const r of c.setup.remainders) if (r.n === 0) ranges.set(r.key, [0, 0]);
  const bounds = rangeAttack(c.setup, ranges);
  return new Set([...bounds].filter(([, [lo, hi]]) => hi - lo < 3).map(([key]) => key));
}

/**
 * What the old two labels gave away (below the minimum 1..m−1, complementary ≥ m): the control attack on
 * primary-only patterns still uses them, as the attacker of the old contract did.
 */
function publicRangesWithReasons(
  setup: AttackSetup,
  knowledge: ReadonlyMap<string, Knowledge>,
  pattern: SuppressionPattern,
  minCellSize: number,
): Map<string, [number, number]> {
  const ranges = publicRanges(knowledge);
  for (const cell of setup.universe) {
    const entry = pattern.entries.get(cellKey(cell.coordinates));
    if (!entry?.suppressed || knowledge.get(cell.key)?.kind !== 'WITHHELD') continue;
    ranges.set(cell.key, entry.reason === 'BELOW_MINIMUM' ? [1, minCellSize - 1] : [minCellSize, Infinity]);
  }
  return ranges;
}

/** The pattern with complementary suppression undone: only cells below the minimum withheld. */
function primaryOnly(pattern: SuppressionPattern): SuppressionPattern {
  const entries = new Map(
    [...pattern.entries].map(([key, entry]) => [
      key,
      entry.suppressed && entry.reason === 'COMPLEMENTARY'
        ? {
            table: entry.table,
            coordinates: entry.coordinates,
            scope: entry.scope,
            respondents: entry.respondents,
            suppressed: false as const,
          }
        : entry,
    ]),
  );
  return { ...pattern, entries };
}

describe('the attackers have teeth', () => {
  it('each finds a leak in primary-only suppression of some population', () => {
    let subtraction = 0;
    let microdata = 0;
    let ranges = 0;
    fc.assert(
      fc.property(populationArbitrary(40), (population) => {
        const c = prepare(population);
        const weak = primaryOnly(c.pattern);
        const knowledge = fullKnowledge(c.setup, weak);
        const withheld = new Set([...knowledge].filter(([, k]) => k.kind === 'WITHHELD').map(([key]) => key));
        const recovered = subtractionAttack(c.setup, knownValues(knowledge, 'n'));
        if ([...recovered.keys()].some((key) => withheld.has(key))) subtraction++;
        if (microdataLinearAttack(population, c.setup, knowledge).some((key) => withheld.has(key)))
          microdata++;
        const bounds = rangeAttack(c.setup, publicRangesWithReasons(c.setup, knowledge, weak, m));
        if ([...bounds].some(([key, [lo, hi]]) => withheld.has(key) && lo === hi)) ranges++;
      }),
      { numRuns: 60, seed: 42 },
    );
    expect(subtraction).toBeGreaterThan(0);
    expect(microdata).toBeGreaterThan(0);
    expect(ranges).toBeGreaterThan(0);
  });
});

describe('suppression holds against attackers (property-based)', () => {
  it('(a) the exact audit finds nothing determined, no small residual, no avoidable pinned count', () => {
    fc.assert(
      fc.property(populationArbitrary(), (population) => {
        const cells = aggregate(population);
        const fine = fineCounters(population);
        const pattern = computeSuppression(cells, population.hierarchy, { minCellSize: m, fine });
        const audit = auditDisclosure(cells, pattern, population.hierarchy, fine);
        expect(audit.publishedBelowMinimum).toEqual([]);
        expect(audit.determined).toEqual([]);
        expect(audit.smallResiduals).toEqual([]);
        expect(audit.unprotected).toEqual([]);
        expect(audit.safe).toBe(true);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('(b) repeated subtraction over every relation recovers no withheld respondents or positives', () => {
    fc.assert(
      fc.property(populationArbitrary(), (population) => {
        const c = prepare(population);
        const inherent = inherentPins(c);
        const protectedKeys = new Set(
          [...withheldKeys(c), ...smallRemainders(c)].filter((key) => !inherent.has(key)),
        );
        for (const field of ['n', 'k'] as const) {
          const recovered = subtractionAttack(c.setup, knownValues(c.knowledge, field));
          const leaked = [...recovered.keys()].filter((key) => protectedKeys.has(key));
          expect(leaked).toEqual([]);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('(b′) linear algebra on the microdata table determines no withheld cell and no small remainder', () => {
    fc.assert(
      fc.property(populationArbitrary(40), (population) => {
        const c = prepare(population);
        const small = new Set(smallRemainders(c));
        const inherent = inherentPins(c);
        const determined = microdataLinearAttack(population, c.setup, c.knowledge).filter(
          (key) => (!key.startsWith('rem:') || small.has(key)) && !inherent.has(key),
        );
        expect(determined).toEqual([]);
      }),
      { numRuns: Math.ceil(RUNS / 3), seed: SEED },
    );
  });

  it('(b″) the range attacker pins no withheld cell unless only the national figure is left around it', () => {
    fc.assert(
      fc.property(populationArbitrary(), (population) => {
        const c = prepare(population);
        const ranges = publicRanges(c.knowledge);
        for (const r of c.setup.remainders) if (r.n === 0) ranges.set(r.key, [0, 0]);
        const bounds = rangeAttack(c.setup, ranges);
        const inherent = inherentPins(c);
        const protectedKeys = new Set([...withheldKeys(c), ...smallRemainders(c)]);
        const pinned = [...bounds]
          .filter(([key, [lo, hi]]) => protectedKeys.has(key) && lo === hi && !inherent.has(key))
          .map(([key]) => key);
        expect(pinned).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('(b‴) no published total minus its published parts is a group of 1 or 2', () => {
    fc.assert(
      fc.property(populationArbitrary(), (population) => {
        const c = prepare(population);
        const inherent = inherentPins(c);
        for (const { total, parts } of c.setup.relations) {
          if (c.knowledge.get(total)?.kind !== 'KNOWN') continue;
          if (parts.filter((p) => c.knowledge.get(p)?.kind !== 'KNOWN').every((p) => inherent.has(p)))
            continue;
          const residual = parts
            .filter((p) => p.startsWith('rem:') || c.knowledge.get(p)?.kind !== 'KNOWN')
            .reduce((s, p) => s + (c.setup.truth.get(p)?.n ?? 0), 0);
          expect(residual === 0 || residual >= m).toBe(true);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('(c) random query sequences only ever answer pattern cells, and what they reveal leaks nothing', () => {
    const filterDimensions = [
      'region',
      'organisationId',
      'siteId',
      'learnerGroup',
      'profession',
      'educationProviderId',
    ] as const;
    const queryArbitrary = fc.record({
      table: fc.constantFrom(...CANONICAL_TABLES.map((t) => t.id)),
      filters: fc.array(fc.record({ dimension: fc.constantFrom(...filterDimensions), pick: fc.nat() }), {
        maxLength: 3,
      }),
    });
    fc.assert(
      fc.property(
        populationArbitrary(),
        fc.array(queryArbitrary, { minLength: 1, maxLength: 12 }),
        (population, queries) => {
          const c = prepare(population);
          const h = population.hierarchy;
          const values: Record<(typeof filterDimensions)[number], string[]> = {
            region: [...new Set(h.regionOfOrganisation.values())],
            organisationId: [...h.regionOfOrganisation.keys()],
            siteId: [...h.organisationOfSite.keys()],
            learnerGroup: [...new Set(h.learnerGroupOfProfession.values())],
            profession: [...h.learnerGroupOfProfession.keys()],
            educationProviderId: [...(h.educationProviders ?? [])],
          };
          const universeByKey = new Map(c.setup.universe.map((u) => [cellKey(u.coordinates), u]));
          const seen = new Map<string, Knowledge>();
          for (const query of queries) {
            const table = CANONICAL_TABLES.find((t) => t.id === query.table);
            if (!table) throw new Error('unknown table');
            const dims = tableDimensions(table);
            // A dimension is a fair filter when the table carries it or a finer level of its hierarchy.
            const fair = (d: (typeof filterDimensions)[number]): boolean =>
              dims.includes(d) ||
              (d === 'region' && (dims.includes('organisationId') || dims.includes('siteId'))) ||
              (d === 'organisationId' && dims.includes('siteId')) ||
              (d === 'learnerGroup' && dims.includes('profession'));
            const where: CellFilter = {};
            for (const f of query.filters) {
              if (values[f.dimension].length > 0)
                where[f.dimension] = values[f.dimension][f.pick % values[f.dimension].length];
            }
            if (!Object.keys(where).every((d) => fair(d as (typeof filterDimensions)[number]))) {
              expect(() => selectCells(c.pattern, { table: query.table, where })).toThrow(
                NonCanonicalQueryError,
              );
              continue;
            }
            for (const selected of selectCells(c.pattern, { table: query.table, where })) {
              const cell = universeByKey.get(selected.key);
              if (!cell || !c.pattern.entries.has(selected.key))
                throw new Error(`${selected.key} is not a pattern cell`);
              expect(tableDimensions(table).length).toBe(Object.keys(selected.coordinates).length);
              seen.set(cell.key, knowledgeOf(viewOf(cell, c.pattern)));
            }
          }
          const inherent = inherentPins(c);
          const withheld = new Set(
            [...withheldKeys(c), ...smallRemainders(c)].filter((k) => !inherent.has(k)),
          );
          for (const field of ['n', 'k'] as const) {
            // Cells never asked about are unknown to this reader; empty cells are public anyway.
            const known = knownValues(seen, field);
            for (const [key, k] of c.knowledge) if (k.kind === 'KNOWN' && k.n === 0) known.set(key, 0);
            const recovered = subtractionAttack(c.setup, known);
            expect([...recovered.keys()].filter((key) => withheld.has(key))).toEqual([]);
          }
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('(d) a withheld cell carries no number at all, whether it had 1 or 2 respondents', () => {
    fc.assert(
      fc.property(populationArbitrary(), (population) => {
        const c = prepare(population);
        for (const cell of c.setup.universe) {
          const view = viewOf(cell, c.pattern);
          if (!view.suppressed) continue;
          expect(Object.keys(view).sort()).toEqual(['coordinates', 'key', 'reason', 'suppressed']);
          // One reason for every withheld cell: it says nothing of the cell's size.
          expect(view.reason).toBe('COMPLEMENTARY');
          expect(Object.values(view).some((v) => typeof v === 'number')).toBe(false);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('(e) holds for another minimum cell size (5): audit, subtraction and microdata attackers', () => {
    fc.assert(
      fc.property(populationArbitrary(60), (population) => {
        const cells = aggregate(population);
        const fine = fineCounters(population);
        const pattern = computeSuppression(cells, population.hierarchy, { minCellSize: 5, fine });
        expect(auditDisclosure(cells, pattern, population.hierarchy, fine).safe).toBe(true);
        const setup = buildAttackSetup(population);
        const knowledge = fullKnowledge(setup, pattern);
        const withheld = new Set([
          ...[...knowledge].filter(([, k]) => k.kind === 'WITHHELD').map(([key]) => key),
          ...setup.remainders.filter((r) => r.n >= 1 && r.n < 5).map((r) => r.key),
        ]);
        const recovered = subtractionAttack(setup, knownValues(knowledge, 'n'));
        expect([...recovered.keys()].filter((key) => withheld.has(key))).toEqual([]);
        const determined = microdataLinearAttack(population, setup, knowledge).filter((key) =>
          withheld.has(key),
        );
        expect(determined).toEqual([]);
        for (const cell of setup.universe) {
          if (cell.n >= 1 && cell.n < 5)
            expect(knowledge.get(cell.key)).toEqual({ kind: 'WITHHELD', reason: 'COMPLEMENTARY' });
        }
      }),
      { numRuns: Math.ceil(RUNS / 3), seed: SEED },
    );
  });
});
