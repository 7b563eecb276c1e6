import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { ProvenSubgraphDataSource } from './subgraph-data-source';

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
