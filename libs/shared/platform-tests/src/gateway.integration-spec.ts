import { parse } from 'graphql';
import { DEV_AUTH_SECRET, mintDevToken, DEFAULT_AUDIENCE, DEFAULT_ISSUER } from '@nets/shared/auth';
import { allow, anyone, signedIn, type RequestContext } from '@nets/shared/graphql-server';
import type { ServiceDefinition } from '@nets/shared/service-runtime';
import {
  TEST_GATEWAY_SECRET,
  errorCode,
  graphqlRequest,
  startTestPlatform,
  testToken,
  type TestPlatform,
} from '@nets/shared/testing';

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query {
    ping: String!
    whoAmI: String!
    node: Node!
  }
  type Node @key(fields: "id") {
    id: ID!
    child: Node!
    children(count: Int!): [Node!]!
  }
`);

const node = (id: string) => ({ id });
/** Request errors are 400 for this media type; for application/json the GraphQL-over-HTTP spec wants 200. */
const STRICT = { accept: 'application/graphql-response+json' };
const probe: ServiceDefinition<RequestContext> = {
  name: 'probe',
  typeDefs,
  entities: [],
  migrations: [],
  topics: [],
  createModule: () => ({
    resolvers: {
      Query: {
        ping: allow(anyone, () => 'pong'),
        whoAmI: allow(signedIn, (_p: unknown, _a: unknown, context: RequestContext) =>
          context.identity.kind === 'user' ? context.identity.role : 'anonymous',
        ),
        node: allow(anyone, () => node('root')),
      },
      Node: {
        child: allow(anyone, (parent: { id: string }) => node(`${parent.id}.c`)),
        children: allow(anyone, (parent: { id: string }, args: { count: number }) =>
          Array.from({ length: args.count }, (_, i) => node(`${parent.id}.${i}`)),
        ),
      },
    },
    extendContext: (base) => base,
  }),
};

describe('gateway and subgraph guards, on a real subgraph, database and broker', () => {
  let platform: TestPlatform;
  let subgraphUrl: string;

  beforeAll(async () => {
    platform = await startTestPlatform([probe]);
    subgraphUrl = platform.services['probe'].url;
  });

  afterAll(() => platform?.stop());

  it('serves a query through the gateway, forwarding the verified identity', async () => {
    const token = await testToken({ role: 'NATIONAL_ANALYST' });
    const response = await graphqlRequest(platform.gatewayUrl, '{ ping whoAmI }', { token });
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ ping: 'pong', whoAmI: 'NATIONAL_ANALYST' });
  });

  it('refuses an invalid token at the gateway with UNAUTHENTICATED', async () => {
    const forged = await mintDevToken(
      { role: 'ADMIN' },
      {
        devSecret: 'not-the-real-key-but-long-enough-123',
        issuer: DEFAULT_ISSUER,
        audience: DEFAULT_AUDIENCE,
      },
    );
    const response = await graphqlRequest(platform.gatewayUrl, '{ ping }', { token: forged });
    expect(response.status).toBe(401);
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
    expect(response.errors?.[0].message).toBe('The token could not be verified.');
  });

  it('refuses an over-deep query', async () => {
    const deep = `{ node { ${'child { '.repeat(15)} id ${'} '.repeat(15)} } }`;
    const response = await graphqlRequest(platform.gatewayUrl, deep, { headers: STRICT });
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0].message).toMatch(/depth/i);
  });

  it('refuses an over-costly query', async () => {
    const nested = (depth: number): string =>
      depth === 0 ? 'id' : `id children(count: 2) { ${nested(depth - 1)} }`;
    const wide = `{ node { ${Array.from({ length: 18 }, (_, i) => `a${i}: child { ${nested(9)} }`).join(' ')} } }`;
    const response = await graphqlRequest(platform.gatewayUrl, wide, { headers: STRICT });
    expect(response.status).toBe(400);
    expect(response.errors?.map((error) => error.message).join(' ')).toMatch(/cost/i);
  });

  it('refuses too many aliases and an over-long operation', async () => {
    const aliases = `{ ${Array.from({ length: 30 }, (_, i) => `p${i}: ping`).join(' ')} }`;
    expect((await graphqlRequest(platform.gatewayUrl, aliases)).errors?.[0].message).toMatch(/alias/i);
    const long = `{ ping ${' '.repeat(25000)} }`;
    const response = await graphqlRequest(platform.gatewayUrl, long, { headers: STRICT });
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
  });

  it('has a subgraph refuse a request without the gateway proof, including _entities and _service', async () => {
    for (const query of [
      '{ ping }',
      '{ _service { sdl } }',
      '{ _entities(representations: [{ __typename: "Node", id: "x" }]) { __typename } }',
    ]) {
      const response = await graphqlRequest(subgraphUrl, query);
      expect(response.status).toBe(403);
      expect(errorCode(response)).toBe('FORBIDDEN');
    }
  });

  it('has a subgraph refuse a token it cannot verify, even from the gateway', async () => {
    const response = await graphqlRequest(subgraphUrl, '{ ping }', {
      token: 'not.a.token',
      headers: { 'x-nets-gateway-secret': TEST_GATEWAY_SECRET },
    });
    expect(response.status).toBe(401);
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
    const proven = await graphqlRequest(subgraphUrl, '{ ping }', {
      headers: { 'x-nets-gateway-secret': TEST_GATEWAY_SECRET },
    });
    expect(proven.data).toEqual({ ping: 'pong' });
  });

  it('answers health and readiness', async () => {
    const base = platform.gatewayUrl.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { probe: 'ok' } });
    const subgraphReady = await fetch(subgraphUrl.replace(/\/graphql$/, '/readyz'));
    expect(await subgraphReady.json()).toEqual({ status: 'ready', checks: { database: 'ok', kafka: 'ok' } });
  });
});

// Keeps the dev secret import honest: the platform signs with the same key as the token helpers.
void DEV_AUTH_SECRET;
