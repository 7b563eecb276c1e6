import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serverAudits } from 'graphql-http';
import { createTokenVerifier, DEV_AUTH_SECRET, toAuthConfig } from '@nets/shared/auth';
import type { RunningServer } from '@nets/shared/graphql-server';
import { createLogger } from '@nets/shared/util-logger';
import { SignJWT } from 'jose';
import { gatewayConfigSchema } from './gateway-config';
import { GRAPHQL_RESPONSE_JSON } from './http-contract';
import { HOSTILE_SHAPES } from './hostile-shapes';
import { startGateway } from './start-gateway';

const REPO_ROOT = join(__dirname, '../../../../..');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The gateway's HTTP contract, on the real gateway over the committed supergraph. None of these requests
 * reaches a subgraph (each is refused or asks for `__typename` only), so no subgraph runs.
 */
describe('gateway HTTP contract', () => {
  let gateway: RunningServer;

  beforeAll(async () => {
    const config = gatewayConfigSchema.parse({ NETS_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent' });
    gateway = await startGateway({
      config,
      supergraphSdl: readFileSync(join(REPO_ROOT, 'apps/gateway/supergraph.graphql'), 'utf8'),
      tokenVerifier: createTokenVerifier(toAuthConfig(config, 'test')),
      logger: createLogger('gateway-http-spec', 'silent'),
    });
  });

  afterAll(() => gateway?.stop());

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  describe('graphql-http server audits (issue 13, item 11)', () => {
    // The audits take their URL lazily: the gateway's port is known only once beforeAll has run.
    const audits = serverAudits({ url: () => gateway.url });
    it.each(audits.map((audit) => [audit.name, audit] as const))('%s', async (name, audit) => {
      const result = await audit.fn();
      if (name.startsWith('MAY')) return;
      expect({ name, status: result.status, reason: 'reason' in result ? result.reason : undefined }).toEqual(
        {
          name,
          status: 'ok',
          reason: undefined,
        },
      );
    });
  });

  describe('ordinary client mistakes get 400 (graphql-response+json) or 200 (json), never 500', () => {
    const mistakes: Array<[string, Record<string, unknown>, string]> = [
      ['a syntax error', { query: '{ surveyCycles' }, 'GRAPHQL_PARSE_FAILED'],
      ['a whitespace-only query', { query: '   \n ' }, 'GRAPHQL_PARSE_FAILED'],
      ['too many tokens', { query: `{ ${'a '.repeat(4100)}}` }, 'GRAPHQL_PARSE_FAILED'],
      [
        'several operations without operationName',
        { query: 'query A { __typename } query B { __typename }' },
        'OPERATION_RESOLUTION_FAILURE',
      ],
      [
        'an unknown operationName',
        { query: 'query A { __typename }', operationName: 'B' },
        'OPERATION_RESOLUTION_FAILURE',
      ],
      ['a subscription', { query: 'subscription { __typename }' }, 'GRAPHQL_VALIDATION_FAILED'],
      ['an unknown field', { query: '{ noSuchField }' }, 'GRAPHQL_VALIDATION_FAILED'],
      [
        'a variable of the wrong type',
        { query: 'query Q($b: Boolean!) { __typename @skip(if: $b) }', variables: { b: 'x' } },
        'BAD_USER_INPUT',
      ],
    ];

    it.each(mistakes)('%s', async (_label, body, code) => {
      const strict = await post(body, { accept: GRAPHQL_RESPONSE_JSON });
      expect(strict.status).toBe(400);
      expect(strict.headers.get('content-type')).toContain(GRAPHQL_RESPONSE_JSON);
      const strictBody = (await strict.json()) as {
        data?: unknown;
        errors: Array<{ extensions: { code: string } }>;
      };
      expect(strictBody.errors[0].extensions.code).toBe(code);
      expect(strictBody).not.toHaveProperty('data');

      const legacy = await post(body, { accept: 'application/json' });
      expect(legacy.status).toBe(200);
      expect(legacy.headers.get('content-type')).toContain('application/json');
      expect(((await legacy.json()) as typeof strictBody).errors[0].extensions.code).toBe(code);
    });

    it('keeps 400 for a body that is not JSON', async () => {
      const response = await post('{"query": ', { accept: 'application/json' });
      expect(response.status).toBe(400);
    });
  });

  describe('hostile shapes are refused before validation (item 10)', () => {
    it.each(HOSTILE_SHAPES.map((shape) => [shape.name, shape] as const))('%s', async (_name, shape) => {
      const body = shape.build();
      expect(JSON.stringify(body).length).toBeLessThanOrEqual(65_536);
      const response = await post(body, { accept: GRAPHQL_RESPONSE_JSON });
      const answer = (await response.json()) as {
        errors?: Array<{ message: string; extensions: { code: string } }>;
      };
      expect(response.status).toBe(400);
      expect(answer.errors?.[0].extensions.code).toBe(shape.code);
      expect(answer.errors?.[0].message).toMatch(shape.message);
    });

    it('accepts ordinary operations with fragments, aliases and repeated ids', async () => {
      const response = await post({
        query: `
          query Ordinary { __typename ...A ...B a1: __typename a2: __typename ... on Query { __typename } }
          fragment A on Query { __typename }
          fragment B on Query { __typename ...A }`,
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { __typename: 'Query', a1: 'Query', a2: 'Query' } });
    });
  });

  describe('unsafe text is refused before any subgraph is asked (item 12)', () => {
    const query = 'query Q($code: String!) { concernFollowUp(followUpCode: $code) { status } }';
    it.each([
      ['a NUL byte in a variable', { query, variables: { code: 'abc\u0000def' } }],
      ['a lone surrogate in a variable', { query, variables: { code: 'abc\uD800' } }],
      ['a NUL escape inline', { query: '{ concernFollowUp(followUpCode: "a\\u0000") { status } }' }],
    ])('%s', async (_label, body) => {
      const response = await post(body, { accept: GRAPHQL_RESPONSE_JSON });
      expect(response.status).toBe(400);
      const answer = (await response.json()) as {
        errors: Array<{ message: string; extensions: { code: string } }>;
      };
      expect(answer.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(answer.errors[0].message).toMatch(/NUL characters or unpaired surrogates/);
    });
  });

  describe('browsers (item 14)', () => {
    const allowed = 'http://localhost:4200';

    it('answers an allowed origin’s preflight with 204 and the headers a web app needs', async () => {
      const response = await fetch(gateway.url, {
        method: 'OPTIONS',
        headers: {
          origin: allowed,
          'access-control-request-method': 'POST',
          'access-control-request-headers':
            'authorization,content-type,apollo-require-preflight,x-request-id',
        },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(allowed);
      expect(response.headers.get('access-control-allow-methods')).toMatch(/POST/);
      const allowedHeaders = response.headers.get('access-control-allow-headers') ?? '';
      for (const header of ['authorization', 'content-type', 'apollo-require-preflight', 'x-request-id']) {
        expect(allowedHeaders).toContain(header);
      }
      expect(response.headers.get('vary')).toMatch(/origin/i);
    });

    it('gives another origin no CORS headers, on the preflight or the request', async () => {
      const preflight = await fetch(gateway.url, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      expect(preflight.status).toBeLessThan(500);
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      const request = await post({ query: '{ __typename }' }, { origin: 'https://evil.example' });
      expect(request.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('lets an allowed origin read the answer and its request id', async () => {
      const response = await post({ query: '{ __typename }' }, { origin: allowed });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe(allowed);
      expect(response.headers.get('access-control-expose-headers')).toContain('x-request-id');
    });

    it('keeps CSRF prevention: a simple request without a preflight header is refused', async () => {
      const get = await fetch(`${gateway.url}?query=${encodeURIComponent('{ __typename }')}`, {
        headers: { origin: allowed },
      });
      expect(get.status).toBe(400);
      const textPlain = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', origin: allowed },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(textPlain.status).toBeGreaterThanOrEqual(400);
      expect(textPlain.status).toBeLessThan(500);
    });

    it('returns x-request-id on every answer: the client’s when sane, else a fresh one', async () => {
      const echoed = await post({ query: '{ __typename }' }, { 'x-request-id': 'web-123.abc' });
      expect(echoed.headers.get('x-request-id')).toBe('web-123.abc');
      const replaced = await post({ query: '{ __typename }' }, { 'x-request-id': 'bad id <script>' });
      expect(replaced.headers.get('x-request-id')).toMatch(UUID);
      const refused = await post({ query: '{' }, { 'x-request-id': 'x'.repeat(500) });
      expect(refused.headers.get('x-request-id')).toMatch(UUID);
      const missing = await fetch(gateway.url.replace('/graphql', '/nowhere'));
      expect(missing.status).toBe(404);
      expect(missing.headers.get('x-request-id')).toMatch(UUID);
    });
  });

  describe('tokens at the gateway (items 12, 13)', () => {
    const sign = (claims: Record<string, unknown>) =>
      new SignJWT({ sub: 'attacker', ...claims })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer('nets-dev')
        .setAudience('nets')
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(DEV_AUTH_SECRET));

    it.each([
      ['a non-UUID org', { role: 'PROVIDER_USER', org: "'; DROP TABLE organisation; --" }],
      ['an org on a national role', { role: 'ADMIN', org: '0b6f1c4e-7d0a-4c1e-9a51-2f4d8e6b3c10' }],
      [
        'a region on a provider role',
        { role: 'PROVIDER_USER', org: '0b6f1c4e-7d0a-4c1e-9a51-2f4d8e6b3c10', region: 'LONDON' },
      ],
    ])('refuses %s with 401 UNAUTHENTICATED', async (_label, claims) => {
      const response = await post(
        { query: '{ __typename }' },
        { authorization: `Bearer ${await sign(claims)}` },
      );
      expect(response.status).toBe(401);
      expect(
        ((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions
          .code,
      ).toBe('UNAUTHENTICATED');
    });
  });
});
