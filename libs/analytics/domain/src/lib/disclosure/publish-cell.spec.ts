import { examplePopulation } from '../../test-support/examples';
import { aggregate, fineCounters } from '../../test-support/population';
import { auditDisclosure } from './audit-disclosure';
import { cellKey } from './canonical-tables';
import type { CounterCell } from './cell-coordinates';
import { computeSuppression } from './compute-suppression';
import { StalePatternError } from './disclosure-errors';
import { publishCell, publishGroup } from './publish-cell';
import { inheritSuppression } from './suppression-pattern';

const population = examplePopulation(
  { R1: { O1: [], O2: [], O3: [] }, R2: { O4: [], O5: [] } },
  { NUR: ['RN'], MED: ['DOC'] },
  [
    { org: 'O1', profession: 'RN', n: 2, k: 2 },
    { org: 'O2', profession: 'RN', n: 10, k: 9 },
    { org: 'O3', profession: 'RN', n: 40, k: 12 },
    { org: 'O4', profession: 'RN', n: 60, k: 59 },
    { org: 'O5', profession: 'RN', n: 30, k: 25 },
    { org: 'O5', profession: 'DOC', n: 20, k: 10 },
  ],
);
const cells = aggregate(population);
const pattern = computeSuppression(cells, population.hierarchy, { fine: fineCounters(population) });
const cellAt = (coordinates: CounterCell['coordinates']): CounterCell =>
  cells.find((c) => cellKey(c.coordinates) === cellKey(coordinates)) ?? {
    coordinates,
    respondents: 0,
    positive: 0,
  };

describe('publishCell', () => {
  it('shows a published cell with its count, rate and Wilson interval', () => {
    const view = publishCell(cellAt({ organisationId: 'O4' }), pattern);
    expect(view).toMatchObject({ suppressed: false, noData: false, respondents: 60, positive: 59 });
    if (view.suppressed || view.noData) throw new Error('expected numbers');
    expect(view.percentPositive).toBeCloseTo(98.333, 3);
    expect(view.interval.lower).toBeCloseTo(0.9114, 4);
  });

  it('shows a withheld cell as withheld and why, with no number at all', () => {
    const view = publishCell(cellAt({ organisationId: 'O1' }), pattern);
    expect(view).toEqual({
      key: 'organisationId=O1',
      coordinates: { organisationId: 'O1' },
      suppressed: true,
      reason: 'COMPLEMENTARY',
    });
  });

  it('shows a cell without respondents as no data', () => {
    expect(publishCell(cellAt({ organisationId: 'O1', learnerGroup: 'MED' }), pattern)).toMatchObject({
      suppressed: false,
      noData: true,
      respondents: 0,
    });
  });

  it('refuses counters the pattern was not computed on', () => {
    const moved = { ...cellAt({ organisationId: 'O4' }), respondents: 61 };
    expect(() => publishCell(moved, pattern)).toThrow(StalePatternError);
    expect(() =>
      publishCell({ coordinates: { organisationId: 'O9' }, respondents: 4, positive: 1 }, pattern),
    ).toThrow(StalePatternError);
  });
});

describe('publishGroup', () => {
  const organisations = ['O1', 'O2', 'O3', 'O4', 'O5'].map((organisationId) => cellAt({ organisationId }));

  it('flags published units against a published benchmark, and never a withheld one', () => {
    const views = publishGroup(organisations, pattern, {
      polarity: 'HIGHER_IS_BETTER',
      benchmark: cellAt({}),
    });
    const flags = Object.fromEntries(
      views.map((v) => [v.key, !v.suppressed && !v.noData ? (v.flag ?? 'none') : 'withheld']),
    );
    expect(flags['organisationId=O1']).toBe('withheld');
    expect(flags['organisationId=O3']).toBe('RED'); // 30%, bottom quartile, wholly below the national 78%
    expect(flags['organisationId=O4']).toBe('GREEN'); // 98%, top quartile, wholly above
  });

  it('gives no flags when the benchmark cell is withheld', () => {
    const views = publishGroup(organisations, pattern, {
      polarity: 'HIGHER_IS_BETTER',
      benchmark: cellAt({ organisationId: 'O1' }),
    });
    expect(views.some((v) => !v.suppressed && !v.noData && v.flag !== undefined)).toBe(false);
  });
});

describe('inheritSuppression (follow-up questions)', () => {
  it('withholds every cell the parent withholds, including cells the follow-up has no respondents in', () => {
    // The follow-up was asked of O1's 2 positives only at O1, of 9 at O2, …: its respondents are the parent's positives.
    const followUpPopulation = examplePopulation(
      { R1: { O1: [], O2: [], O3: [] }, R2: { O4: [], O5: [] } },
      { NUR: ['RN'], MED: ['DOC'] },
      [
        { org: 'O3', profession: 'RN', n: 12 },
        { org: 'O4', profession: 'RN', n: 59 },
        { org: 'O5', profession: 'RN', n: 25 },
        { org: 'O5', profession: 'DOC', n: 10 },
      ],
    );
    const followUp = aggregate(followUpPopulation);
    const followUpFine = fineCounters(followUpPopulation);
    const own = computeSuppression(followUp, population.hierarchy, { fine: followUpFine });
    const combined = inheritSuppression(own, pattern);
    const zeroUnderWithheldParent = { coordinates: { organisationId: 'O1' }, respondents: 0, positive: 0 };
    expect(publishCell(zeroUnderWithheldParent, own)).toMatchObject({ noData: true });
    expect(publishCell(zeroUnderWithheldParent, combined)).toMatchObject({
      suppressed: true,
      reason: 'COMPLEMENTARY',
    });
    for (const [key, entry] of pattern.entries) {
      if (entry.suppressed) expect(combined.entries.get(key)?.suppressed).toBe(true);
    }
    expect(auditDisclosure(followUp, combined, population.hierarchy, followUpFine).safe).toBe(true);
  });
});
