import Fastify from 'fastify';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadTrustedDocuments, sha256Hex, trustedDocumentsHook } from './trusted-documents';

const REGISTERED = 'query Registered {\n  openSurveyCycle {\n    year\n  }\n}';

async function gatewayLike(only: boolean) {
  const app = Fastify();
  app.addHook(
    'preHandler',
    trustedDocumentsHook({ documents: new Map([[sha256Hex(REGISTERED), REGISTERED]]), only }),
  );
  app.post('/graphql', async (request) => ({ received: request.body }));
  app.get('/graphql', async () => ({ ok: true }));
  app.get('/healthz', async () => ({ status: 'ok' }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  // Over HTTP, as clients call it (light-my-request's injection needs an ESM-only cookie parser under Jest).
  const call = async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const response = await fetch(`http://127.0.0.1:${port}${url}`, {
      method,
      headers: payload ? { 'content-type': 'application/json' } : {},
      body: payload ? JSON.stringify(payload) : undefined,
    });
    return { statusCode: response.status, json: await response.json() };
  };
  return { call, close: () => app.close() };
}

describe('trusted documents', () => {
  it('loads the committed manifest, every id the sha256 of its body', () => {
    const documents = loadTrustedDocuments('docs/trusted-documents.json');
    expect(documents.size).toBeGreaterThan(20);
    const manifest = JSON.parse(readFileSync('docs/trusted-documents.json', 'utf8')) as {
      operations: Array<{ name: string }>;
    };
    expect(manifest.operations.map((o) => o.name)).toEqual(
      expect.arrayContaining(['SurveyWebSubmit', 'SurveyWebOpenSurvey']),
    );
  });

  it('refuses unregistered operations when only registered ones are accepted, and lets registered ones through', async () => {
    const app = await gatewayLike(true);
    const unregistered = await app.call('POST', '/graphql', { query: '{ __typename }' });
    expect(unregistered.statusCode).toBe(400);
    expect(unregistered.json).toEqual({
      errors: [
        {
          message: expect.stringContaining('Only registered operations'),
          extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' },
        },
      ],
    });
    const registered = await app.call('POST', '/graphql', { query: REGISTERED });
    expect(registered.json).toEqual({ received: { query: REGISTERED } });
    // A body that differs by one character is another operation.
    const edited = await app.call('POST', '/graphql', { query: `${REGISTERED} ` });
    expect(edited.statusCode).toBe(400);
    expect((await app.call('GET', '/graphql?query={__typename}')).statusCode).toBe(400);
    expect((await app.call('GET', '/healthz')).statusCode).toBe(200);
    await app.close();
  });

  it('takes a registered hash in place of the body, and refuses an unknown one', async () => {
    const app = await gatewayLike(true);
    const byHash = await app.call('POST', '/graphql', {
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex(REGISTERED) } },
    });
    expect(byHash.json).toEqual({ received: { query: REGISTERED, extensions: {} } });
    const unknown = await app.call('POST', '/graphql', {
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex('nope') } },
    });
    expect(unknown.json).toMatchObject({ errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
    await app.close();
  });

  it('accepts any operation when not enforcing (development and test)', async () => {
    const app = await gatewayLike(false);
    const any = await app.call('POST', '/graphql', { query: '{ __typename }' });
    expect(any.statusCode).toBe(200);
    await app.close();
  });
});
