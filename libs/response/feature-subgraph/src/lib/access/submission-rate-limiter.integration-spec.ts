import type { DataSource } from 'typeorm';
import {
  createServiceDataSource,
  databaseConfigSchema,
  migrateDatabase,
} from '@nets/shared/data-access-typeorm';
import { createTestDatabase, type TestDatabase } from '@nets/shared/testing';
import { RateLimitedError } from '@nets/shared/util-errors';
import { RESPONSE_ENTITIES, RESPONSE_MIGRATIONS } from '@nets/response/data-access';
import { SubmissionRateLimiter, SUBMISSION_RATE_LIMIT_TABLE } from './submission-rate-limiter';

describe('the submission rate limit across replicas', () => {
  let database: TestDatabase;
  const replicas: DataSource[] = [];

  const replicaDataSource = (url: string) =>
    createServiceDataSource({
      service: 'response-limit-test',
      config: databaseConfigSchema('unused').parse({ DATABASE_URL: url }),
      entities: RESPONSE_ENTITIES,
      migrations: RESPONSE_MIGRATIONS,
    });

  beforeAll(async () => {
    database = await createTestDatabase('rate_limit');
    await migrateDatabase(replicaDataSource(database.url));
    for (let i = 0; i < 2; i += 1) replicas.push(await replicaDataSource(database.url).initialize());
  });

  afterAll(async () => {
    for (const dataSource of replicas) await dataSource.destroy();
    await database?.drop();
  });

  it('draws one budget per address from both replicas (two pools on one database), with the same message', async () => {
    const limits = { points: 5, windowSeconds: 60 };
    const [first, second] = replicas.map((dataSource) => new SubmissionRateLimiter(dataSource, limits));
    const outcomes: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const replica = i % 2 === 0 ? first : second;
      outcomes.push(
        await replica.consume('203.0.113.7').then(
          () => 'accepted',
          (error: unknown) => (error instanceof RateLimitedError ? error.message : String(error)),
        ),
      );
    }
    expect(outcomes.slice(0, 5)).toEqual(Array(5).fill('accepted'));
    expect(outcomes[5]).toMatch(/^Too many submissions from this address\. Try again in (60|59) seconds\.$/);
    await expect(first.consume('203.0.113.7')).rejects.toBeInstanceOf(RateLimitedError);
    // Another address has its own budget.
    await expect(second.consume('198.51.100.1')).resolves.toBeUndefined();

    const rows = await replicas[0].query<Array<{ key: string; points: number }>>(
      `SELECT key, points FROM ${SUBMISSION_RATE_LIMIT_TABLE} ORDER BY points DESC`,
    );
    expect(rows.map((row) => row.points)).toEqual([7, 1]);
    // No plain address is kept.
    expect(rows.map((row) => row.key).join(' ')).not.toMatch(/203\.0\.113\.7|198\.51\.100\.1/);
  });

  it('starts a fresh budget when the window has passed', async () => {
    const limiter = new SubmissionRateLimiter(replicas[1], { points: 1, windowSeconds: 1 });
    await limiter.consume('192.0.2.55');
    await expect(limiter.consume('192.0.2.55')).rejects.toThrow('Try again in 1 second.');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await expect(limiter.consume('192.0.2.55')).resolves.toBeUndefined();
  });
});
