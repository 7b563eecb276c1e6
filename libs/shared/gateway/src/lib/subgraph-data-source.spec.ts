import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { createServer } from 'node:http';
import { createKeepAliveFetcher, ProvenSubgraphDataSource } from './subgraph-data-source';

const source = new ProvenSubgraphDataSource(
  'http://127.0.0.1:1/graphql',
  (() => undefined) as unknown as Fetcher,
  undefined,
);

const answer = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  }) as unknown as FetcherResponse;

describe('ProvenSubgraphDataSource: errors of a subgraph that refuses a request (item 12)', () => {
  it('relays an invalid DateTime (a subgraph validation or coercion failure) as BAD_USER_INPUT', async () => {
    const literal = await source.errorFromResponse(
      answer(400, {
        errors: [
          {
            message:
              'Expected value of type "DateTime!", found "nope"; DateTime cannot represent an invalid date-time-string nope.',
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['at x'] },
          },
        ],
      }),
    );
    expect(literal.message).toMatch(/DateTime/);
    expect(literal.extensions).toEqual({ code: 'BAD_USER_INPUT' });
    const variable = await source.errorFromResponse(
      answer(400, {
        errors: [{ message: 'Variable "$at" got invalid value', extensions: { code: 'BAD_USER_INPUT' } }],
      }),
    );
    expect(variable.extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });

  it('keeps other codes, and says nothing of the subgraph when the body has none', async () => {
    const forbidden = await source.errorFromResponse(
      answer(403, { errors: [{ message: 'No.', extensions: { code: 'FORBIDDEN' } }] }),
    );
    expect(forbidden.extensions).toEqual({ code: 'FORBIDDEN' });
    const bare = await source.errorFromResponse(answer(502, 'upstream down at http://10.0.0.7:4101'));
    expect(bare.message).toMatch(/^502: /);
    expect(bare.extensions).toEqual({});
  });
});

describe('createKeepAliveFetcher: the subgraph fetcher on undici’s dispatcher', () => {
  it('posts the body and headers and reads status, headers and body as fetch would', async () => {
    const seen: Array<{ method?: string; url?: string; header?: string | string[]; body: string }> = [];
    const server = createServer((request, reply) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        seen.push({
          method: request.method,
          url: request.url,
          header: request.headers['x-nets-probe'],
          body,
        });
        const status = request.url?.includes('fail') ? 400 : 200;
        reply.writeHead(status, {
          'content-type': 'application/json; charset=utf-8',
          'cache-control': 'private',
        });
        reply.end(JSON.stringify({ data: { echoed: body } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const { fetcher, close } = createKeepAliveFetcher(2);
    try {
      const ok = await fetcher(`http://127.0.0.1:${port}/graphql?x=1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-nets-probe': 'yes' },
        body: '{"query":"{ a }"}',
      });
      expect([ok.status, ok.ok, ok.statusText]).toEqual([200, true, 'OK']);
      expect(ok.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
      expect(ok.headers.get('cache-control')).toBe('private');
      expect(ok.headers.get('x-missing')).toBeNull();
      expect(await ok.json()).toEqual({ data: { echoed: '{"query":"{ a }"}' } });
      expect(ok.bodyUsed).toBe(true);
      expect(seen[0]).toEqual({
        method: 'POST',
        url: '/graphql?x=1',
        header: 'yes',
        body: '{"query":"{ a }"}',
      });

      const refused = await fetcher(`http://127.0.0.1:${port}/fail`, { method: 'POST', body: 'x' });
      expect([refused.status, refused.ok, refused.statusText]).toEqual([400, false, 'Bad Request']);
      expect(await refused.text()).toBe('{"data":{"echoed":"x"}}');
    } finally {
      await close();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
