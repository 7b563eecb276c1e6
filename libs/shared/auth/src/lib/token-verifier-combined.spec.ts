import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JWK } from 'jose';
import { authConfigSchema, DEFAULT_ISSUER, DEV_AUTH_SECRET, toAuthConfig } from './auth-config';
import { currentSigningKey, loadOrCreateSigningKeys } from './signing-keys';
import { createTokenVerifier, mintDevToken } from './token-verifier';

const IDP_ISSUER = 'http://127.0.0.1:4300';

/** A JWKS endpoint publishing the public half of a development identity provider's keys file. */
async function serveJwks(keys: JWK[]): Promise<{ url: string; server: Server }> {
  const publicKeys = keys.map(({ kty, n, e, kid, alg }) => ({ kty, n, e, kid, alg, use: 'sig' }));
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: publicKeys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`, server };
}

describe('development verification with the identity provider and the development key both', () => {
  let jwks: { url: string; server: Server };
  let signingKey: JWK;
  let otherKey: JWK;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nets-keys-'));
    signingKey = currentSigningKey(await loadOrCreateSigningKeys(join(dir, 'idp.json')));
    otherKey = currentSigningKey(await loadOrCreateSigningKeys(join(dir, 'other.json')));
    jwks = await serveJwks([signingKey]);
  });
  afterAll(() => new Promise<void>((resolve) => jwks.server.close(() => resolve())));

  const combined = () =>
    createTokenVerifier(
      toAuthConfig(
        authConfigSchema.parse({
          AUTH_JWKS_URL: jwks.url,
          AUTH_DEV_SECRET: DEV_AUTH_SECRET,
          AUTH_ISSUER: IDP_ISSUER,
        }),
        'test',
      ),
    );
  const audience = 'nets';

  it('accepts a token of the provider (by its JWKS) and an HS256 test token (by the development key)', async () => {
    const verifier = combined();
    const provider = await mintDevToken(
      { role: 'ADMIN', subject: 'admin' },
      { signingKey, issuer: IDP_ISSUER, audience },
    );
    const test = await mintDevToken(
      { role: 'QUALITY_TEAM', region: 'LONDON' },
      { devSecret: DEV_AUTH_SECRET, issuer: DEFAULT_ISSUER, audience },
    );
    await expect(verifier.identify(`Bearer ${provider}`)).resolves.toMatchObject({
      role: 'ADMIN',
      subject: 'admin',
    });
    await expect(verifier.identify(`Bearer ${test}`)).resolves.toMatchObject({
      role: 'QUALITY_TEAM',
      region: 'LONDON',
    });
  });

  it('refuses another key, an HS256 token claiming the provider as issuer, and a provider token with the test issuer', async () => {
    const verifier = combined();
    const forged = await mintDevToken(
      { role: 'ADMIN' },
      { signingKey: otherKey, issuer: IDP_ISSUER, audience },
    );
    const hsAsProvider = await mintDevToken(
      { role: 'ADMIN' },
      { devSecret: DEV_AUTH_SECRET, issuer: IDP_ISSUER, audience },
    );
    const providerAsTest = await mintDevToken(
      { role: 'ADMIN' },
      { signingKey, issuer: DEFAULT_ISSUER, audience },
    );
    for (const token of [forged, hsAsProvider, providerAsTest]) {
      await expect(verifier.identify(`Bearer ${token}`)).rejects.toThrow(/could not be verified|refused/);
    }
  });

  it('verifies by the JWKS only, as production does, when no development secret is configured', async () => {
    const config = toAuthConfig(
      authConfigSchema.parse({ AUTH_JWKS_URL: jwks.url, AUTH_ISSUER: IDP_ISSUER }),
      'development',
    );
    expect(config.devSecret).toBeUndefined();
    const verifier = createTokenVerifier(config);
    const provider = await mintDevToken(
      { role: 'NATIONAL_ANALYST' },
      { signingKey, issuer: IDP_ISSUER, audience },
    );
    const test = await mintDevToken(
      { role: 'ADMIN' },
      { devSecret: DEV_AUTH_SECRET, issuer: DEFAULT_ISSUER, audience },
    );
    await expect(verifier.identify(`Bearer ${provider}`)).resolves.toMatchObject({
      role: 'NATIONAL_ANALYST',
    });
    await expect(verifier.identify(`Bearer ${test}`)).rejects.toThrow(/algorithm is not accepted/);
  });

  it('never combines them in production', () => {
    expect(() =>
      toAuthConfig(
        authConfigSchema.parse({ AUTH_JWKS_URL: jwks.url, AUTH_DEV_SECRET: DEV_AUTH_SECRET }),
        'production',
      ),
    ).toThrow(/AUTH_DEV_SECRET must not be set in production/);
  });
});
