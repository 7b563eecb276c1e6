import { ApolloServer } from '@apollo/server';
import type { DataSource } from 'typeorm';
import { ANALYTICS_ENTITIES, ANALYTICS_MIGRATIONS, ReleaseRepository } from '@nets/analytics/data-access';
import type { Identity } from '@nets/shared/auth';
import {
  createServiceDataSource,
  createUnitOfWork,
  databaseConfigSchema,
  migrateDatabase,
} from '@nets/shared/data-access-typeorm';
import { createTestDatabase, type TestDatabase } from '@nets/shared/testing';
import type { AnalyticsContext } from '../analytics-context';
import { answerCachePlugin } from './answer-cache.plugin';
import { releasedCyclesIn } from './released-cycles';

const analyst: Identity = { kind: 'user', subject: 'a', role: 'NATIONAL_ANALYST' };

describe('the answer cache with two analytics replicas on one database', () => {
  let database: TestDatabase;
  const dataSources: DataSource[] = [];
  const servers: Array<ApolloServer<AnalyticsContext>> = [];
  const executions = [0, 0];

  const analyticsDataSource = (url: string) =>
    createServiceDataSource({
      service: 'analytics-cache-test',
      config: databaseConfigSchema('unused').parse({ DATABASE_URL: url }),
      entities: ANALYTICS_ENTITIES,
      migrations: ANALYTICS_MIGRATIONS,
    });

  beforeAll(async () => {
    database = await createTestDatabase('answer_cache');
    await migrateDatabase(analyticsDataSource(database.url));
    for (const replica of [0, 1]) {
      const dataSource = await analyticsDataSource(database.url).initialize();
      const unitOfWork = createUnitOfWork(dataSource);
      const releases = new ReleaseRepository();
      const server = new ApolloServer<AnalyticsContext>({
        typeDefs: 'type Query { measureResults(year: Int!): [Int!]! }',
        resolvers: {
          Query: {
            // Like the real resolver: an unreleased cycle answers nothing.
            measureResults: async (_parent: unknown, { year }: { year: number }) => {
              executions[replica] += 1;
              const released = await releases.releasedYears(unitOfWork.reads);
              return released.includes(year) ? [year] : [];
            },
          },
        },
        plugins: [answerCachePlugin(releasedCyclesIn(releases, unitOfWork))],
      });
      await server.start();
      dataSources.push(dataSource);
      servers.push(server);
    }
  });

  afterAll(async () => {
    for (const server of servers) await server.stop();
    for (const dataSource of dataSources) await dataSource.destroy();
    await database?.drop();
  });

  async function ask(replica: number, year: number): Promise<unknown> {
    const answer = await servers[replica].executeOperation(
      { query: 'query($year: Int!) { measureResults(year: $year) }', variables: { year } },
      { contextValue: { identity: analyst } as unknown as AnalyticsContext },
    );
    if (answer.body.kind !== 'single') throw new Error('single answer expected');
    return answer.body.singleResult.data;
  }

  it('serves no answer cached before a release made through the other replica, at once', async () => {
    expect(await ask(1, 2025)).toEqual({ measureResults: [] });
    expect(await ask(1, 2025)).toEqual({ measureResults: [] });
    expect(executions[1]).toBe(1);

    // The release commits through replica 0.
    await createUnitOfWork(dataSources[0]).run((transaction) =>
      new ReleaseRepository().insert(transaction, { year: 2025, releasedBy: 'analyst', respondents: 10 }),
    );

    expect(await ask(1, 2025)).toEqual({ measureResults: [2025] });
    expect(executions[1]).toBe(2);
    expect(await ask(0, 2025)).toEqual({ measureResults: [2025] });
    // And the released answer is cached again on each.
    expect(await ask(1, 2025)).toEqual({ measureResults: [2025] });
    expect(executions).toEqual([1, 2]);
  });
});
