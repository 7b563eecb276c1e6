import { buildPopulation, cellId, type AttackPopulation, type PopulationShape } from './attack-population';
import { linearlyDetermined, smallResiduals, type Seen } from './linear-attack';
import { pinnedSmallCounts } from './range-attack';

const YEAR = 2030;

/** One region, one profession; `learners[s]` at site s of an organisation, the last entry naming no site. */
function population(organisations: Array<{ sites: number; learners: number[] }>): AttackPopulation {
  const shape: PopulationShape = {
    regions: 2,
    organisations: organisations.map((o) => ({ region: 0, sites: o.sites })),
    professionsPerGroup: [1],
    answers: organisations.flatMap((o, org) =>
      o.learners.flatMap((count, site) =>
        Array.from({ length: count }, () => ({ org, site, profession: 0, positive: true })),
      ),
    ),
  };
  return buildPopulation(shape, YEAR);
}

/** A reader who saw every cell with its true numbers, except those withheld. */
function seenWith(p: AttackPopulation, withheld: readonly string[]): Map<string, Seen> {
  return new Map(
    [...p.cells.values()].map((c): [string, Seen] => [
      c.id,
      withheld.includes(c.id) ? { kind: 'WITHHELD' } : { kind: 'KNOWN', n: c.n, k: c.k },
    ]),
  );
}

const organisation = (p: AttackPopulation, i: number) => p.values.organisationId[i];

describe('the service-level attackers find what they should', () => {
  it('a learner with no site, exposed by an organisation and its published sites (10 − 5 − 4)', () => {
    const p = population([{ sites: 2, learners: [5, 4, 1] }]);
    const seen = seenWith(p, []);
    const remainder = `REMAINDER:${organisation(p, 0)}`;
    expect(linearlyDetermined(p, seen)).toEqual([remainder]);
    expect(smallResiduals(p, seen, 3)).toContainEqual({
      total: cellId('ORGANISATION', { organisationId: organisation(p, 0) }),
      residual: 1,
    });
    expect(pinnedSmallCounts(p, seen, 3)).toEqual([remainder]);
  });

  it('a small organisation withheld alone, exposed by the national total', () => {
    const p = population([
      { sites: 0, learners: [5] },
      { sites: 0, learners: [2] },
    ]);
    const small = [
      cellId('ORGANISATION', { organisationId: organisation(p, 1) }),
      cellId('ORGANISATION_BY_LEARNER_GROUP', {
        organisationId: organisation(p, 1),
        learnerGroup: 'NURSING',
      }),
    ];
    const seen = seenWith(p, small);
    // Its learners named no site and no education provider, so both its remainders are the same 2 learners.
    const exposed = [
      ...small,
      `REMAINDER:${organisation(p, 1)}`,
      `EDUCATION_REMAINDER:${organisation(p, 1)}`,
    ].sort();
    expect(linearlyDetermined(p, seen).sort()).toEqual(exposed);
    expect(smallResiduals(p, seen, 3).map((r) => r.residual)).toContain(2);
    expect(pinnedSmallCounts(p, seen, 3).sort()).toEqual(exposed);
  });

  it('nothing, once a complement is withheld beside the small organisation', () => {
    const p = population([
      { sites: 0, learners: [5] },
      { sites: 0, learners: [2] },
      { sites: 0, learners: [6] },
    ]);
    const withheld = [0, 1].flatMap((i) => [
      cellId('ORGANISATION', { organisationId: organisation(p, i) }),
      cellId('ORGANISATION_BY_LEARNER_GROUP', {
        organisationId: organisation(p, i),
        learnerGroup: 'NURSING',
      }),
    ]);
    const seen = seenWith(p, withheld);
    expect(linearlyDetermined(p, seen)).toEqual([]);
    expect(smallResiduals(p, seen, 3)).toEqual([]);
    expect(pinnedSmallCounts(p, seen, 3)).toEqual([]);
  });
});
