import { ApolloServer } from '@apollo/server';
import type { Identity } from '@nets/shared/auth';
import type { AnalyticsContext } from '../analytics-context';
import { answerCachePlugin } from './answer-cache.plugin';

const typeDefs = `
  type Query {
    measureResults(year: Int!): [Int!]!
    nationalSummary(year: Int!): Int!
    resultsRelease(year: Int!): Int!
  }
`;

describe('answerCachePlugin', () => {
  let executions = 0;
  let released = new Set<number>([2024]);
  let server: ApolloServer<AnalyticsContext>;
  const analyst: Identity = { kind: 'user', subject: 'a', role: 'NATIONAL_ANALYST' };

  const ask = async (query: string, identity: Identity = analyst, variables = {}) => {
    const answer = await server.executeOperation(
      { query, variables },
      { contextValue: { identity } as unknown as AnalyticsContext },
    );
    if (answer.body.kind !== 'single') throw new Error('single answer expected');
    return answer.body.singleResult;
  };

  beforeAll(async () => {
    server = new ApolloServer<AnalyticsContext>({
      typeDefs,
      resolvers: {
        Query: {
          measureResults: (_p: unknown, { year }: { year: number }) => {
            executions += 1;
            if (year < 0) throw new Error('bad year');
            return released.has(year) ? [executions] : [];
          },
          nationalSummary: () => ++executions,
          resultsRelease: () => ++executions,
        },
      },
      plugins: [answerCachePlugin({ releasedYears: async () => released })],
    });
    await server.start();
  });

  afterAll(() => server.stop());

  beforeEach(() => {
    executions = 0;
    released = new Set([2024]);
  });

  it('answers a released-results query again without executing it', async () => {
    const first = await ask('{ measureResults(year: 2024) nationalSummary(year: 2024) }');
    const second = await ask('{ measureResults(year: 2024) nationalSummary(year: 2024) }');
    expect(second).toEqual(first);
    expect(executions).toBe(2);
  });

  it('keys answers by the variables and by what the reader may see', async () => {
    const query = 'query($year: Int!) { measureResults(year: $year) }';
    await ask(query, analyst, { year: 2024 });
    await ask(query, analyst, { year: 2023 });
    await ask(
      query,
      { kind: 'user', subject: 'p', role: 'PROVIDER_USER', organisationId: 'o1' },
      { year: 2024 },
    );
    await ask(
      query,
      { kind: 'user', subject: 'q', role: 'PROVIDER_USER', organisationId: 'o2' },
      { year: 2024 },
    );
    await ask(query, { kind: 'user', subject: 'other analyst', role: 'NATIONAL_ANALYST' }, { year: 2024 });
    expect(executions).toBe(4);
  });

  it('serves nothing cached before a release after it', async () => {
    expect(await ask('{ measureResults(year: 2025) }')).toEqual({ data: { measureResults: [] } });
    released = new Set([2024, 2025]);
    expect(await ask('{ measureResults(year: 2025) }')).toEqual({ data: { measureResults: [2] } });
  });

  it('never caches live figures, errors or anonymous callers', async () => {
    await ask('{ resultsRelease(year: 2025) }');
    await ask('{ resultsRelease(year: 2025) }');
    await ask('{ measureResults(year: -1) }');
    await ask('{ measureResults(year: -1) }');
    await ask('{ measureResults(year: 2024) }', { kind: 'anonymous' });
    await ask('{ measureResults(year: 2024) }', { kind: 'anonymous' });
    expect(executions).toBe(6);
  });
});
