import { CANONICAL_TABLES, cellKey, TABLE_RELATIONS, tableOf } from './canonical-tables';
import { NonCanonicalCellError } from './disclosure-errors';

describe('canonical tables', () => {
  it('are the eleven tables the service may answer from', () => {
    expect(CANONICAL_TABLES.map((t) => t.id)).toEqual([
      'NATIONAL',
      'REGION',
      'LEARNER_GROUP',
      'PROFESSION',
      'ORGANISATION',
      'SITE',
      'ORGANISATION_BY_LEARNER_GROUP',
      'REGION_BY_LEARNER_GROUP',
      'REGION_BY_PROFESSION',
      'EDUCATION_PROVIDER',
      'EDUCATION_PROVIDER_BY_ORGANISATION',
    ]);
  });

  it('derive every "parent = Σ children" pair from the lattice, and the covering pairs that span them', () => {
    expect(TABLE_RELATIONS).toHaveLength(27);
    const covering = TABLE_RELATIONS.filter((r) => r.covering).map((r) => `${r.parent.id}>${r.child.id}`);
    expect(covering.sort()).toEqual(
      [
        'NATIONAL>REGION',
        'NATIONAL>LEARNER_GROUP',
        'REGION>ORGANISATION',
        'REGION>REGION_BY_LEARNER_GROUP',
        'LEARNER_GROUP>PROFESSION',
        'LEARNER_GROUP>REGION_BY_LEARNER_GROUP',
        'ORGANISATION>SITE',
        'ORGANISATION>ORGANISATION_BY_LEARNER_GROUP',
        'REGION_BY_LEARNER_GROUP>ORGANISATION_BY_LEARNER_GROUP',
        'REGION_BY_LEARNER_GROUP>REGION_BY_PROFESSION',
        'PROFESSION>REGION_BY_PROFESSION',
        'NATIONAL>EDUCATION_PROVIDER',
        'EDUCATION_PROVIDER>EDUCATION_PROVIDER_BY_ORGANISATION',
        'ORGANISATION>EDUCATION_PROVIDER_BY_ORGANISATION',
      ].sort(),
    );
  });

  it('name a cell by exactly its table’s dimensions', () => {
    expect(tableOf({}).id).toBe('NATIONAL');
    expect(tableOf({ learnerGroup: 'NURSING', organisationId: 'RX1' }).id).toBe(
      'ORGANISATION_BY_LEARNER_GROUP',
    );
    expect(() => tableOf({ organisationId: 'RX1', profession: 'GP_TRAINEE' })).toThrow(NonCanonicalCellError);
    expect(() => tableOf({ region: 'London', organisationId: 'RX1' })).toThrow(NonCanonicalCellError);
    expect(() => tableOf({ region: '' })).toThrow(NonCanonicalCellError);
    expect(tableOf({ educationProviderId: 'U1', organisationId: 'RX1' }).id).toBe(
      'EDUCATION_PROVIDER_BY_ORGANISATION',
    );
    expect(() => tableOf({ educationProviderId: 'U1', learnerGroup: 'NURSING' })).toThrow(
      NonCanonicalCellError,
    );
  });
});

describe('cellKey', () => {
  it('is stable, readable and independent of property order', () => {
    expect(cellKey({})).toBe('national');
    expect(cellKey({ learnerGroup: 'NURSING', organisationId: 'RX1' })).toBe(
      'organisationId=RX1&learnerGroup=NURSING',
    );
    expect(cellKey({ organisationId: 'RX1', learnerGroup: 'NURSING' })).toBe(
      cellKey({ learnerGroup: 'NURSING', organisationId: 'RX1' }),
    );
  });

  it('cannot be confused by values that contain the separators', () => {
    expect(cellKey({ region: 'a&learnerGroup=b' })).not.toBe(cellKey({ region: 'a', learnerGroup: 'b' }));
  });
});
