import { examplePopulation } from '../../test-support/examples';
import { aggregate } from '../../test-support/population';
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
const pattern = computeSuppression(cells, population.hierarchy);

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
    const audit = auditDisclosure(cells, pattern, population.hierarchy);
    expect(audit).toMatchObject({ safe: true, determined: [], smallResiduals: [], pinnedCounts: [] });
    expect(audit.unknowns).toBeGreaterThan(0);
  });

  it('catches a missing complement: the small organisation follows by subtraction', () => {
    const leaky = publishing([
      cellKey({ organisationId: 'O2' }),
      cellKey({ organisationId: 'O2', learnerGroup: 'NUR' }),
    ]);
    const audit = auditDisclosure(cells, leaky, population.hierarchy);
    expect(audit.safe).toBe(false);
    expect(audit.determined).toContain(cellKey({ organisationId: 'O1' }));
    expect(audit.smallResiduals).toContain(cellKey({ region: 'R1' }));
  });

  it('catches a small cell shown outright', () => {
    const audit = auditDisclosure(
      cells,
      publishing([cellKey({ organisationId: 'O1' })]),
      population.hierarchy,
    );
    expect(audit.publishedBelowMinimum).toEqual([cellKey({ organisationId: 'O1' })]);
    expect(audit.safe).toBe(false);
  });

  it('refuses a pattern computed on other counts', () => {
    const changed = cells.map((c) =>
      c.coordinates.organisationId === 'O4' ? { ...c, respondents: 21, positive: c.positive } : c,
    );
    expect(() => auditDisclosure(changed, pattern, population.hierarchy)).toThrow();
    const extra = [
      ...cells,
      { coordinates: { organisationId: 'O4', learnerGroup: 'MED' }, respondents: 0, positive: 0 },
    ];
    expect(auditDisclosure(extra, pattern, population.hierarchy).safe).toBe(true);
    const unknown = computeSuppression(
      aggregate(
        examplePopulation({ R1: { O9: [] } }, { NUR: ['RN'] }, [{ org: 'O9', profession: 'RN', n: 5 }]),
      ),
      { regionOfOrganisation: { O9: 'R1' }, organisationOfSite: {}, learnerGroupOfProfession: { RN: 'NUR' } },
    );
    expect(() => auditDisclosure(cells, unknown, population.hierarchy)).toThrow(StalePatternError);
  });
});
