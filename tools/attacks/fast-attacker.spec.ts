import fc from 'fast-check';
import { attackFast } from './fast-attacker';
import { attack, type AttackReport, type CellVerdict } from './lp-attacker';
import {
  knowledgeOf,
  primaryOnly,
  publish,
  thinPopulation,
  type Role,
  type ThinPopulation,
} from './thin-populations';

const OPTIONS = { protectionWidth: 3, integer: true } as const;

function rolesOf(population: ThinPopulation): Role[] {
  const [organisationId, region] = [...population.hierarchy.regionOf][0];
  return [
    { kind: 'NATIONAL_ANALYST' },
    { kind: 'QUALITY_TEAM', region },
    { kind: 'PROVIDER', organisationId },
  ];
}

const withheld = (c: { knowledge: { seen: readonly { kind: string }[] } }) =>
  c.knowledge.seen.filter((s) => s.kind === 'WITHHELD').length;
const byKey = (verdicts: readonly CellVerdict[]) => [...verdicts].sort((a, b) => a.key.localeCompare(b.key));
const breaches = (r: AttackReport) => ({
  width: [...r.widthBreaks].sort(),
  answers: [...r.determinedAnswers].sort(),
  pinned: [...r.pinnedPositives].sort(),
});

// Small populations, the engine's pattern and a primary-only (leaky) one, three roles, ILP and LP.
jest.setTimeout(300_000);

describe('the fast attacker (presolve, components, one model per component, witnesses, workers)', () => {
  const populations = fc.sample(thinPopulation(25), { seed: 1414, numRuns: 4 });
  const cases = populations.flatMap((population, p) =>
    rolesOf(population).flatMap((role) =>
      (['engine', 'primary-only'] as const).map((publication) => ({
        name: `population ${p}, ${role.kind}, ${publication}`,
        population,
        knowledge: knowledgeOf(
          role,
          publication === 'engine' ? publish(population).cells : primaryOnly(population),
          population.hierarchy,
        ),
      })),
    ),
  );

  it('without witnesses, finds exactly the naive attacker’s intervals for every withheld cell (ILP and LP)', async () => {
    let compared = 0;
    for (const [c, { name, population, knowledge }] of cases.entries()) {
      for (const integer of c % 4 === 0 ? [true, false] : [true]) {
        const naive = await attack(knowledge, population.hierarchy, { ...OPTIONS, integer });
        const fast = await attackFast(knowledge, population.hierarchy, {
          ...OPTIONS,
          integer,
          witnesses: false,
        });
        expect({ name, integer, verdicts: byKey(fast.verdicts) }).toEqual({
          name,
          integer,
          verdicts: byKey(naive.verdicts),
        });
        compared += naive.verdicts.length;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('with witnesses, finds exactly the naive attacker’s breaches, in fewer solves', async () => {
    let breachesFound = 0;
    let settled = 0;
    for (const { name, population, knowledge } of cases) {
      const naive = await attack(knowledge, population.hierarchy, OPTIONS);
      const fast = await attackFast(knowledge, population.hierarchy, OPTIONS);
      expect({ name, ...breaches(fast) }).toEqual({ name, ...breaches(naive) });
      for (const v of fast.verdicts) {
        const exact = naive.verdicts.find((n) => n.key === v.key) as CellVerdict;
        // A witness range lies inside the attacker's interval.
        expect(v.respondents[0]).toBeGreaterThanOrEqual(exact.respondents[0]);
        expect(v.respondents[1]).toBeLessThanOrEqual(exact.respondents[1]);
      }
      expect(fast.statistics.solves).toBeLessThanOrEqual(
        5 * naive.verdicts.length + 4 * fast.statistics.components,
      );
      breachesFound += naive.widthBreaks.length;
      settled += fast.statistics.settledByWitness;
    }
    expect(breachesFound).toBeGreaterThan(0);
    expect(settled).toBeGreaterThan(0);
  });

  it('gives the same report on a pool of two workers', async () => {
    const { population, knowledge } = cases.reduce((a, b) => (withheld(b) > withheld(a) ? b : a));
    const inThread = await attackFast(knowledge, population.hierarchy, { ...OPTIONS, witnesses: false });
    const pooled = await attackFast(knowledge, population.hierarchy, {
      ...OPTIONS,
      witnesses: false,
      workers: 2,
    });
    expect(pooled.statistics.workers).toBe(2);
    expect(byKey(pooled.verdicts)).toEqual(byKey(inThread.verdicts));
    expect(pooled.verdicts.length).toBeGreaterThan(20);
  });
});
