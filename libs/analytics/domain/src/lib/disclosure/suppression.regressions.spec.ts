import { buildAttackSetup, microdataLinearAttack, subtractionAttack } from '../../test-support/attacker';
import { fullKnowledge, knownValues } from '../../test-support/knowledge';
import { aggregate, fineCounters, type Population } from '../../test-support/population';
import { auditDisclosure } from './audit-disclosure';
import { computeSuppression } from './compute-suppression';

/**
 * Populations that random seeds of `suppression.property.spec.ts` (NETS_PROPERTY_SEED) found unsafe, as
 * fast-check shrank them, kept by name so the fixes stay fixed whatever the fixed seed explores.
 * Respondents are written `organisation/site/profession/answer`, `-` for no site, `+` positive.
 */
function population(
  regionOfOrganisation: Record<string, string>,
  sitesOf: Record<string, readonly string[]>,
  learnerGroupOf: Record<string, string>,
  respondents: string,
): Population {
  const organisationOfSite = new Map<string, string>();
  for (const [organisation, sites] of Object.entries(sitesOf))
    for (const site of sites) organisationOfSite.set(site, organisation);
  return {
    hierarchy: {
      regionOfOrganisation: new Map(Object.entries(regionOfOrganisation)),
      organisationOfSite,
      learnerGroupOfProfession: new Map(Object.entries(learnerGroupOf)),
    },
    respondents: respondents
      .trim()
      .split(/\s+/)
      .map((text) => {
        const [organisationId, site, profession, answer] = text.split('/');
        return {
          organisationId,
          siteId: site === '-' ? undefined : site,
          profession,
          positive: answer === '+',
        };
      }),
  };
}

/** One organisation, sites of 3 and 5 and one learner with no site, all negative (minimum 5). */
const residualOfFour = (order: string): Population =>
  population({ O0: 'R0' }, { O0: ['O0S0', 'O0S1'] }, { G0P0: 'G0' }, order);

const CASES: readonly { name: string; minCellSize: number; population: Population }[] = [
  {
    // A region of 1 whose answer a published 100% learner group explained was left as "inherent" for
    // good; when that learner group was withheld later, the published region of 3 next to it (national
    // 4) gave the learner's answer away. Nodes exempt through a 0%/100% cell are now looked at again.
    name: 'seed 472479561: an exemption through a 100% cell that was withheld later',
    minCellSize: 3,
    population: population(
      { O0: 'R1', O1: 'R0' },
      { O1: ['O1S0'] },
      { G0P0: 'G0', G0P1: 'G0', G0P2: 'G0', G1P0: 'G1' },
      'O0/-/G0P0/+ O1/O1S0/G0P0/+ O0/-/G0P1/+ O0/-/G1P0/-',
    ),
  },
  {
    // Organisation 9 = sites 3 (withheld) + 5 (published) + 1 with no site: the withheld parts form a
    // group of 4, below a minimum of 5, although each has a certificate of width 3.
    name: 'seed 213249904: a minimum-5 residual of a site and the no-site remainder',
    minCellSize: 5,
    population: residualOfFour(
      'O0/O0S0/G0P0/- O0/O0S1/G0P0/- O0/O0S1/G0P0/- O0/O0S1/G0P0/- O0/O0S1/G0P0/- ' +
        'O0/O0S0/G0P0/- O0/O0S1/G0P0/- O0/O0S0/G0P0/- O0/-/G0P0/-',
    ),
  },
  {
    name: 'seed 749999077: the same residual, learners in another order',
    minCellSize: 5,
    population: residualOfFour(
      'O0/O0S0/G0P0/- O0/O0S1/G0P0/- O0/O0S1/G0P0/- O0/O0S1/G0P0/- O0/O0S1/G0P0/- ' +
        'O0/O0S0/G0P0/- O0/-/G0P0/- O0/O0S0/G0P0/- O0/O0S1/G0P0/-',
    ),
  },
  {
    // National 6, learner group G1 of 5 published: G0 = 1 by subtraction. Ranges alone pin G0 too (an
    // inherent disclosure), but plain subtraction of published figures must not: the residual is closed.
    name: 'seed 774553834: an inherent cell also given away by subtraction (minimum 5)',
    minCellSize: 5,
    population: population(
      { O0: 'R0', O1: 'R0', O2: 'R0', O3: 'R0', O4: 'R0' },
      {},
      { G0P0: 'G0', G1P0: 'G1' },
      'O0/-/G1P0/- O3/-/G1P0/- O0/-/G0P0/- O1/-/G1P0/- O4/-/G1P0/- O2/-/G1P0/-',
    ),
  },
  {
    name: 'seed 500282233: the same across two regions (minimum 5)',
    minCellSize: 5,
    population: population(
      { O0: 'R0', O1: 'R0', O2: 'R0', O3: 'R1' },
      {},
      { G0P0: 'G0', G1P0: 'G1' },
      'O1/-/G1P0/+ O0/-/G1P0/+ O0/-/G0P0/+ O2/-/G0P0/+ O3/-/G0P0/+ O1/-/G0P0/+',
    ),
  },
  {
    name: 'seed 944626274: the same with three professions in one learner group (minimum 5)',
    minCellSize: 5,
    population: population(
      { O0: 'R1', O1: 'R0' },
      {},
      { G0P0: 'G0', G1P0: 'G1', G1P1: 'G1', G1P2: 'G1' },
      'O0/-/G1P0/+ O0/-/G0P0/+ O1/-/G1P0/+ O1/-/G1P1/+ O0/-/G1P2/+ O0/-/G1P1/+',
    ),
  },
];

describe('populations random seeds found unsafe stay safe', () => {
  it.each(CASES)('$name', ({ minCellSize, population: p }) => {
    const cells = aggregate(p);
    const fine = fineCounters(p);
    const pattern = computeSuppression(cells, p.hierarchy, { minCellSize, fine });
    const audit = auditDisclosure(cells, pattern, p.hierarchy, fine);
    expect(audit.unprotected).toEqual([]);
    expect(audit.smallResiduals).toEqual([]);
    expect(audit.determined).toEqual([]);
    expect(audit.safe).toBe(true);

    const setup = buildAttackSetup(p);
    const knowledge = fullKnowledge(setup, pattern);
    const withheld = new Set([
      ...[...knowledge].filter(([, k]) => k.kind === 'WITHHELD').map(([key]) => key),
      ...setup.remainders.filter((r) => r.n >= 1 && r.n < minCellSize).map((r) => r.key),
    ]);
    expect(withheld.size).toBeGreaterThan(0);
    for (const field of ['n', 'k'] as const) {
      const recovered = subtractionAttack(setup, knownValues(knowledge, field));
      expect([...recovered.keys()].filter((key) => withheld.has(key))).toEqual([]);
    }
    expect(microdataLinearAttack(p, setup, knowledge).filter((key) => withheld.has(key))).toEqual([]);
  });
});
