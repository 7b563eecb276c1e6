import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  createServiceDataSource,
  databaseConfigSchema,
  migrateDatabase,
  transactionOf,
} from '@nets/shared/data-access-typeorm';
import { createTestDatabase, type TestDatabase } from '@nets/shared/testing';
import { ANALYTICS_ENTITIES } from '../entities';
import { ANALYTICS_MIGRATIONS } from '../migrations';
import { ReleaseRepository } from './release.repository';
import { RollupRepository } from './rollup.repository';

describe('ReleaseRepository on PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const releases = new ReleaseRepository();
  const rollups = new RollupRepository();

  beforeAll(async () => {
    database = await createTestDatabase('analytics_releases');
    dataSource = createServiceDataSource({
      service: 'analytics-release-spec',
      config: databaseConfigSchema('unused').parse({ DATABASE_URL: database.url }),
      entities: ANALYTICS_ENTITIES,
      migrations: ANALYTICS_MIGRATIONS,
    });
    await migrateDatabase(dataSource);
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('makes a release wait for a fold of its cycle in flight, and the next fold see the release', async () => {
    const folding = dataSource.createQueryRunner();
    await folding.connect();
    await folding.startTransaction();
    expect(await releases.lockForFolding(transactionOf(folding.manager), [2031, 2030])).toEqual(new Set());

    let releasedAt = 0;
    const release = dataSource.transaction(async (manager) => {
      await releases.lockForRelease(transactionOf(manager), 2030);
      await releases.insert(transactionOf(manager), { year: 2030, releasedBy: 'admin', respondents: 5 });
      releasedAt = Date.now();
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(releasedAt).toBe(0);
    const foldCommittedAt = Date.now();
    await folding.commitTransaction();
    await folding.release();
    await release;
    expect(releasedAt).toBeGreaterThanOrEqual(foldCommittedAt);

    const released = await dataSource.transaction((manager) =>
      releases.lockForFolding(transactionOf(manager), [2030, 2031]),
    );
    expect(released).toEqual(new Set([2030]));
    expect(await releases.releasedYears(transactionOf(dataSource.manager))).toEqual([2030]);
  });

  it('keeps late responses once each, leaving out those folded before the release', async () => {
    const folded = randomUUID();
    const late = randomUUID();
    await dataSource.transaction(async (manager) => {
      await rollups.markFolded(transactionOf(manager), [folded]);
      await releases.addLate(transactionOf(manager), [
        { responseId: folded, year: 2030, payload: { responseId: folded } },
        { responseId: late, year: 2030, payload: { responseId: late } },
        { responseId: late, year: 2030, payload: { responseId: late } },
      ]);
    });
    await dataSource.transaction((manager) =>
      releases.addLate(transactionOf(manager), [
        { responseId: late, year: 2030, payload: { responseId: late } },
      ]),
    );
    expect(await releases.lateCount(transactionOf(dataSource.manager), 2030)).toBe(1);
    expect(await releases.lateCount(transactionOf(dataSource.manager), 2031)).toBe(0);
  });
});
