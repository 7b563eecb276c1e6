import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  createServiceDataSource,
  databaseConfigSchema,
  migrateDatabase,
  transactionOf,
} from '@nets/shared/data-access-typeorm';
import { createTestDatabase, type TestDatabase } from '@nets/shared/testing';
import { REPLICA_MIGRATIONS } from '@nets/replicas/data-access';
import { ANALYTICS_ENTITIES } from '../entities';
import { ANALYTICS_MIGRATIONS } from '../migrations';
import { RollupRepository } from './rollup.repository';
import type { FineCellDelta } from '@nets/analytics/domain';

const ORG = randomUUID();
const OTHER = randomUUID();
const cell = {
  organisationId: ORG,
  siteId: 'S1',
  educationProviderId: '',
  profession: 'ADULT_NURSING',
  region: 'LONDON',
  learnerGroup: 'NURSING',
};
const other = {
  organisationId: OTHER,
  siteId: '',
  educationProviderId: '',
  profession: 'PHYSIOTHERAPY',
  region: 'NORTH_WEST',
  learnerGroup: 'AHP',
};

const sorted = <T extends { organisationId: string }>(rows: T[]) =>
  [...rows].sort((a, b) => (a.organisationId < b.organisationId ? -1 : 1));

describe('RollupRepository on PostgreSQL (wide counter rows)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const rollups = new RollupRepository();

  const open = (migrations: typeof ANALYTICS_MIGRATIONS) =>
    createServiceDataSource({
      service: 'analytics-rollup-spec',
      config: databaseConfigSchema('unused').parse({ DATABASE_URL: database.url }),
      entities: ANALYTICS_ENTITIES,
      migrations,
    });

  beforeAll(async () => {
    database = await createTestDatabase('analytics_rollups');
    // The old one-row-per-series layout with counters in it, then the migration to wide rows.
    const old = open(ANALYTICS_MIGRATIONS.slice(0, REPLICA_MIGRATIONS.length + 1));
    await migrateDatabase(old);
    await old.initialize();
    await old.query(
      `INSERT INTO analytics_counter VALUES
         (2023, 'induction', $1, 'S1', 'ADULT_NURSING', 'LONDON', 'NURSING', 5, 3),
         (2023, 'responses', $1, 'S1', 'ADULT_NURSING', 'LONDON', 'NURSING', 6, 0),
         (2023, 'responses', $2, '', 'PHYSIOTHERAPY', 'NORTH_WEST', 'AHP', 2, 0),
         (2024, 'induction', $2, '', 'PHYSIOTHERAPY', 'NORTH_WEST', 'AHP', 4, 1)`,
      [ORG, OTHER],
    );
    await old.query(
      `INSERT INTO analytics_reason_counter VALUES
         (2023, 'Q_WHY', $1, 'S1', 'ADULT_NURSING', 'TEACHING', 'LONDON', 'NURSING', 2),
         (2023, 'Q_WHY', $1, 'S1', 'ADULT_NURSING', 'PAY', 'LONDON', 'NURSING', 1)`,
      [ORG],
    );
    // 2023 had closed before results had to be released; 2024 was still open.
    await old.query(
      `INSERT INTO survey_cycle_replica (year, status) VALUES (2023, 'CLOSED'), (2024, 'OPEN')`,
    );
    await old.destroy();
    dataSource = open(ANALYTICS_MIGRATIONS);
    await migrateDatabase(dataSource);
    await dataSource.initialize();
  }, 60000);

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('counts cycles closed before releases existed as released, with the respondents they hold', async () => {
    expect(
      await dataSource.query('SELECT year, released_by, respondents FROM analytics_release ORDER BY year'),
    ).toEqual([{ year: 2023, released_by: 'migration', respondents: 8 }]);
  });

  it('moves the old counters into wide rows unchanged', async () => {
    const manager = dataSource.manager;
    expect(await rollups.counters(transactionOf(manager), 2023, 'induction')).toEqual([
      { year: 2023, series: 'induction', ...cell, respondents: 5, positive: 3 },
    ]);
    expect(sorted(await rollups.counters(transactionOf(manager), 2023, 'responses'))).toEqual(
      sorted([
        { year: 2023, series: 'responses', ...cell, respondents: 6, positive: 0 },
        { year: 2023, series: 'responses', ...other, respondents: 2, positive: 0 },
      ]),
    );
    expect(await rollups.counters(transactionOf(manager), 2024, 'induction')).toEqual([
      { year: 2024, series: 'induction', ...other, respondents: 4, positive: 1 },
    ]);
    const reasons = await rollups.reasons(transactionOf(manager), 2023, 'Q_WHY');
    expect(reasons.map((r) => [r.optionCode, r.chosen, r.organisationId]).sort()).toEqual(
      [
        ['PAY', 1, ORG],
        ['TEACHING', 2, ORG],
      ].sort(),
    );
    const tables = await manager.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM pg_tables WHERE tablename IN ('analytics_counter', 'analytics_reason_counter')`,
    );
    expect(tables[0].n).toBe(0);
  });

  it('keeps the learners of each education provider in their own fine cell', async () => {
    const university = randomUUID();
    const college = randomUUID();
    const at = (educationProviderId: string, n: number, k: number): FineCellDelta => ({
      year: 2022,
      ...cell,
      educationProviderId,
      slots: new Map([['induction', [n, k]]]),
    });
    await dataSource.transaction((manager) =>
      rollups.addCells(transactionOf(manager), [at(university, 3, 2), at(college, 1, 1), at('', 2, 0)]),
    );
    await dataSource.transaction((manager) =>
      rollups.addCells(transactionOf(manager), [at(university, 1, 1)]),
    );
    const rows = await rollups.counters(transactionOf(dataSource.manager), 2022, 'induction');
    expect(rows.map((r) => [r.educationProviderId, r.respondents, r.positive]).sort()).toEqual(
      [
        ['', 2, 0],
        [college, 1, 1],
        [university, 4, 3],
      ].sort(),
    );
  });

  it('adds batches element-wise, giving a new series a new slot, exactly', async () => {
    const fine = (of: typeof cell, slots: Array<[string, [number, number]]>): FineCellDelta => ({
      year: 2023,
      ...of,
      slots: new Map(slots),
    });
    await dataSource.transaction((manager) =>
      rollups.addCells(transactionOf(manager), [
        fine(cell, [
          ['induction', [2, 2]],
          ['bullying', [3, 1]],
          ['option:Q_WHY:PAY', [2, 0]],
        ]),
        fine(other, [
          ['bullying', [1, 0]],
          ['option:Q_WHY_NOT:PAY', [1, 0]],
        ]),
      ]),
    );
    await dataSource.transaction((manager) =>
      rollups.addCells(transactionOf(manager), [fine(cell, [['bullying', [3, 1]]])]),
    );
    const manager = dataSource.manager;
    expect(await rollups.counters(transactionOf(manager), 2023, 'induction')).toEqual([
      { year: 2023, series: 'induction', ...cell, respondents: 7, positive: 5 },
    ]);
    expect(sorted(await rollups.counters(transactionOf(manager), 2023, 'bullying'))).toEqual(
      sorted([
        { year: 2023, series: 'bullying', ...cell, respondents: 6, positive: 2 },
        { year: 2023, series: 'bullying', ...other, respondents: 1, positive: 0 },
      ]),
    );
    expect(
      (await rollups.reasons(transactionOf(manager), 2023, 'Q_WHY'))
        .map((r) => [r.optionCode, r.chosen])
        .sort(),
    ).toEqual(
      [
        ['PAY', 3],
        ['TEACHING', 2],
      ].sort(),
    );
    // A question code that prefixes another's is not mixed up with it.
    expect((await rollups.reasons(transactionOf(manager), 2023, 'Q_WHY_NOT')).map((r) => r.chosen)).toEqual([
      1,
    ]);
    expect(await rollups.totalRespondents(transactionOf(manager), 'responses')).toBe(8);
    const slots = await manager.query<Array<{ idx: number }>>(
      'SELECT idx FROM analytics_slot WHERE year = 2023 ORDER BY idx',
    );
    expect(slots.map((s) => s.idx)).toEqual(slots.map((_, i) => i + 1));
  });

  it('reports only the responses not folded before', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const first = await dataSource.transaction((manager) =>
      rollups.markFolded(transactionOf(manager), [a, a]),
    );
    const second = await dataSource.transaction((manager) =>
      rollups.markFolded(transactionOf(manager), [a, b]),
    );
    expect([...first]).toEqual([a]);
    expect([...second]).toEqual([b]);
  });
});
