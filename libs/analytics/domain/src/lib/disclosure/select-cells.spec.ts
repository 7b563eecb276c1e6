import { examplePopulation } from '../../test-support/examples';
import { aggregate, fineCounters } from '../../test-support/population';
import { computeSuppression } from './compute-suppression';
import { NonCanonicalQueryError } from './disclosure-errors';
import { selectCells } from './select-cells';

const population = examplePopulation(
  { R1: { O1: ['S1', 'S2'], O2: ['S3'] }, R2: { O3: ['S4'] } },
  { NUR: ['RN', 'RMN'], MED: ['DOC'] },
  [
    { org: 'O1', site: 'S1', profession: 'RN', n: 12 },
    { org: 'O1', site: 'S2', profession: 'RMN', n: 7 },
    { org: 'O2', site: 'S3', profession: 'DOC', n: 9 },
    { org: 'O3', site: 'S4', profession: 'RN', n: 30 },
    { org: 'O3', site: 'S4', profession: 'DOC', n: 4 },
  ],
);
const pattern = computeSuppression(aggregate(population), population.hierarchy, {
  fine: fineCounters(population),
});

describe('selectCells', () => {
  it('returns the cells of one canonical table, filtered by its own or coarser dimensions', () => {
    expect(
      selectCells(pattern, { table: 'ORGANISATION', where: { region: 'R1' } }).map((c) => c.key),
    ).toEqual(['organisationId=O1', 'organisationId=O2']);
    expect(
      selectCells(pattern, { table: 'SITE', where: { organisationId: 'O1' } }).map((c) => c.key),
    ).toEqual(['siteId=S1', 'siteId=S2']);
    expect(
      selectCells(pattern, {
        table: 'REGION_BY_PROFESSION',
        where: { learnerGroup: 'NUR', region: ['R1', 'R2'] },
      }).map((c) => c.key),
    ).toEqual(['region=R1&profession=RMN', 'region=R1&profession=RN', 'region=R2&profession=RN']);
    expect(selectCells(pattern, { table: 'NATIONAL' })).toEqual([{ key: 'national', coordinates: {} }]);
  });

  it('refuses a filter that would make a new aggregate instead of selecting canonical cells', () => {
    // Organisations by learner group is its own table; "organisations, NURSING only" must be asked of it.
    expect(() => selectCells(pattern, { table: 'ORGANISATION', where: { learnerGroup: 'NUR' } })).toThrow(
      NonCanonicalQueryError,
    );
    expect(() =>
      selectCells(pattern, { table: 'REGION_BY_LEARNER_GROUP', where: { organisationId: 'O1' } }),
    ).toThrow(NonCanonicalQueryError);
    expect(() => selectCells(pattern, { table: 'PROFESSION', where: { siteId: 'S1' } })).toThrow(
      NonCanonicalQueryError,
    );
  });
});
