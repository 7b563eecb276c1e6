import type { AddressInfo } from 'node:net';
import { createLogger } from '@nets/shared/util-logger';
import { createHttpServer } from './http-server';

const CLIENT = '203.0.113.9';

/** The address a server trusting these proxies sees for a request from 127.0.0.1 that claims CLIENT. */
async function addressSeen(trustedProxies?: readonly string[]): Promise<string> {
  const app = createHttpServer({
    logger: createLogger('test', 'silent'),
    readinessChecks: {},
    trustedProxies,
  });
  app.get('/whoami', async (request) => ({ ip: request.ip }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const { port } = app.server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/whoami`, {
      headers: { 'x-forwarded-for': CLIENT },
    });
    return ((await response.json()) as { ip: string }).ip;
  } finally {
    await app.close();
  }
}

describe('createHttpServer: the client address behind a load balancer', () => {
  it('believes X-Forwarded-For from a trusted proxy', async () => {
    expect(await addressSeen(['127.0.0.1'])).toBe(CLIENT);
    expect(await addressSeen(['127.0.0.0/8', '10.0.0.0/8'])).toBe(CLIENT);
  });

  it('ignores it from any other address, and trusts no proxy by default', async () => {
    expect(await addressSeen(['10.0.0.0/8'])).toBe('127.0.0.1');
    expect(await addressSeen()).toBe('127.0.0.1');
  });
});
