import {
  errorCode,
  graphqlRequest,
  schemaDriftOf,
  startTestPlatform,
  testToken,
  type TestPlatform,
} from '@nets/shared/testing';
import { concernsService } from './concerns-service';

describe('concerns subgraph through the gateway, on PostgreSQL and Kafka', () => {
  let platform: TestPlatform;
  let signedIn: string;

  beforeAll(async () => {
    platform = await startTestPlatform([concernsService]);
    signedIn = await testToken({ role: 'NATIONAL_ANALYST' });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('keeps entities and migrations in step', async () => {
    expect(await schemaDriftOf(concernsService)).toEqual([]);
  });

  it('answers the placeholder query for a signed-in user and refuses an anonymous one', async () => {
    const query = '{ concernsHealth }';
    const answered = await graphqlRequest(platform.gatewayUrl, query, { token: signedIn });
    expect(answered.errors).toBeUndefined();
    expect(answered.data).toEqual({ concernsHealth: 'ok' });

    const anonymous = await graphqlRequest(platform.gatewayUrl, query);
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
    expect(anonymous.data?.['concernsHealth']).toBeUndefined();
  });
});
