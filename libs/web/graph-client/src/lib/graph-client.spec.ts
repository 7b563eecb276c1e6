import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createGraphClient, GraphClientError } from './graph-client';

const Hello = parse('query Hello($name: String!) { hello(name: $name) }') as TypedDocumentNode<
  { hello: string },
  { name: string }
>;

async function fakeGateway(answer: unknown) {
  const seen: Array<{
    headers: IncomingHttpHeaders;
    body: { query: string; operationName: string; variables: unknown };
  }> = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      seen.push({ headers: request.headers, body: JSON.parse(body) as (typeof seen)[number]['body'] });
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, seen, close: () => new Promise((r) => server.close(r)) };
}

describe('graph client', () => {
  it('sends the registered body, the request id, and the learner’s address only when the gateway trusts it', async () => {
    const gateway = await fakeGateway({ data: { hello: 'hi' } });
    const registered = 'query Hello($name: String!) {\n  hello(name: $name)\n}';
    for (const forwardClientAddress of [true, false]) {
      const client = createGraphClient({
        url: gateway.url,
        forwardClientAddress,
        persistedBodies: { Hello: { body: registered } },
      });
      await expect(
        client.request(Hello, { name: 'Ada' }, { requestId: 'r-1', clientAddress: '203.0.113.9' }),
      ).resolves.toEqual({ hello: 'hi' });
      await client.close();
    }
    expect(gateway.seen.map((s) => s.body)).toEqual([
      { query: registered, operationName: 'Hello', variables: { name: 'Ada' } },
      { query: registered, operationName: 'Hello', variables: { name: 'Ada' } },
    ]);
    expect(
      gateway.seen.map((s) => [
        s.headers['x-request-id'],
        s.headers['x-forwarded-for'],
        s.headers['authorization'],
      ]),
    ).toEqual([
      ['r-1', '203.0.113.9', undefined],
      ['r-1', undefined, undefined],
    ]);
    await gateway.close();
  });

  it('turns GraphQL errors into a GraphClientError with their stable codes and details', async () => {
    const gateway = await fakeGateway({
      data: null,
      errors: [
        {
          message: 'The response is not valid.',
          extensions: {
            code: 'BAD_USER_INPUT',
            details: [{ path: 'answers[0]', message: 'Unknown question.' }],
          },
        },
      ],
    });
    const client = createGraphClient({ url: gateway.url, forwardClientAddress: false });
    const error = await client.request(Hello, { name: 'Ada' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphClientError);
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      errors: [{ details: [{ path: 'answers[0]', message: 'Unknown question.' }] }],
    });
    await client.close();
    await gateway.close();
  });
});
