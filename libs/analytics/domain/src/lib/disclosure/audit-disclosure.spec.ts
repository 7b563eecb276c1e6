import { examplePopulation } from '../../test-support/examples';
import { aggregate, fineCounters } from '../../test-support/population';
import { auditDisclosure } from './audit-disclosure';
import { cellKey } from './canonical-tables';
import { computeSuppression } from './compute-suppression';
import { StalePatternError } from './disclosure-errors';
import type { PatternEntry, SuppressionPattern } from './suppression-pattern';

const population = examplePopulation({ R1: { O1: [], O2: [], O3: [] }, R2: { O4: [] } }, { NUR: ['RN'] }, [
  { org: 'O1', profession: 'RN', n: 2 },
  { org: 'O2', profession: 'RN', n: 10 },
  { org: 'O3', profession: 'RN', n: 12 },
  { org: 'O4', profession: 'RN', n: 20 },
]);
const cells = aggregate(population);
const fine = fineCounters(population);
const pattern = computeSuppression(cells, population.hierarchy, { fine });

/** The same pattern with some cells shown. */
function publishing(keys: readonly string[]): SuppressionPattern {
  const entries = new Map<string, PatternEntry>(pattern.entries);
  for (const key of keys) {
    const e = entries.get(key);
    if (e)
      entries.set(key, {
        table: e.table,
        coordinates: e.coordinates,
        scope: e.scope,
        respondents: e.respondents,
        suppressed: false,
      });
  }
  return { ...pattern, entries };
}

describe('auditDisclosure', () => {
  it('passes the computed pattern', () => {
    const audit = auditDisclosure(cells, pattern, population.hierarchy, fine);
    expect(audit).toMatchObject({ safe: true, determined: [], smallResiduals: [], unprotected: [] });
    expect(audit.unknowns).toBeGreaterThan(0);
  });

  it('catches a missing complement: the small organisation follows by subtraction', () => {
    const leaky = publishing([
      cellKey({ organisationId: 'O2' }),
      cellKey({ organisationId: 'O2', learnerGroup: 'NUR' }),
    ]);
    const audit = auditDisclosure(cells, leaky, population.hierarchy, fine);
    expect(audit.safe).toBe(false);
    expect(audit.determined).toContain(cellKey({ organisationId: 'O1' }));
    expect(audit.smallResiduals).toContain(cellKey({ region: 'R1' }));
  });

  it('catches a withheld cell without a certificate: its partner published, its range pinned', () => {
    const complements = [...pattern.entries]
      .filter(([, e]) => e.suppressed && e.reason === 'COMPLEMENTARY')
      .map(([key]) => key);
    expect(complements.length).toBeGreaterThan(0);
    const weak = publishing(complements);
    const audit = auditDisclosure(cells, weak, population.hierarchy, fine);
    expect(audit.unprotected.length).toBeGreaterThan(0);
    expect(audit.safe).toBe(false);
  });

  it('catches a small cell shown outright', () => {
    const audit = auditDisclosure(
      cells,
      publishing([cellKey({ organisationId: 'O1' })]),
      population.hierarchy,
      fine,
    );
    expect(audit.publishedBelowMinimum).toEqual([cellKey({ organisationId: 'O1' })]);
    expect(audit.safe).toBe(false);
  });

  it('refuses a pattern computed on other counts', () => {
    const changed = cells.map((c) =>
      c.coordinates.organisationId === 'O4' ? { ...c, respondents: 21, positive: c.positive } : c,
    );
    expect(() => auditDisclosure(changed, pattern, population.hierarchy, fine)).toThrow();
    const extra = [
      ...cells,
      { coordinates: { organisationId: 'O4', learnerGroup: 'MED' }, respondents: 0, positive: 0 },
    ];
    expect(auditDisclosure(extra, pattern, population.hierarchy, fine).safe).toBe(true);
    const other = examplePopulation({ R1: { O9: [] } }, { NUR: ['RN'] }, [
      { org: 'O9', profession: 'RN', n: 5 },
    ]);
    const unknown = computeSuppression(
      aggregate(other),
      { regionOfOrganisation: { O9: 'R1' }, organisationOfSite: {}, learnerGroupOfProfession: { RN: 'NUR' } },
      { fine: fineCounters(other) },
    );
    expect(() => auditDisclosure(cells, unknown, population.hierarchy, fine)).toThrow(StalePatternError);
  });
});
