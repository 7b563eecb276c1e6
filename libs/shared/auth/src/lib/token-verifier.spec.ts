import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ErrorCode } from '@nets/shared/util-errors';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { DEV_AUTH_SECRET } from './auth-config';
import { createTokenVerifier, mintDevToken } from './token-verifier';

const ORG = '0b6f1c4e-7d0a-4c1e-9a51-2f4d8e6b3c10';
const now = () => Math.floor(Date.now() / 1000);

/** A development token with exactly these claims and header, for the attacks mintDevToken would not make. */
function devToken(
  claims: JWTPayload,
  options: { alg?: string; iat?: number; exp?: number | null; nbf?: number; secret?: string } = {},
): Promise<string> {
  const jwt = new SignJWT({ sub: 'u1', ...claims })
    .setProtectedHeader({ alg: options.alg ?? 'HS256' })
    .setIssuer('nets-dev')
    .setAudience('nets')
    .setIssuedAt(options.iat ?? now());
  if (options.exp !== null) jwt.setExpirationTime(options.exp ?? now() + 3600);
  if (options.nbf !== undefined) jwt.setNotBefore(options.nbf);
  return jwt.sign(new TextEncoder().encode(options.secret ?? DEV_AUTH_SECRET));
}

const config = { devSecret: DEV_AUTH_SECRET, issuer: 'nets-dev', audience: 'nets' };
const verifier = createTokenVerifier(config);

describe('token verifier', () => {
  it('treats a request without a token as anonymous', async () => {
    await expect(verifier.identify(undefined)).resolves.toEqual({ kind: 'anonymous' });
  });

  it('reads role, organisation and region from a valid token', async () => {
    const token = await mintDevToken({ role: 'PROVIDER_USER', organisationId: ORG, subject: 'u1' }, config);
    await expect(verifier.identify(`Bearer ${token}`)).resolves.toEqual({
      kind: 'user',
      subject: 'u1',
      role: 'PROVIDER_USER',
      organisationId: ORG,
    });
    const qt = await mintDevToken({ role: 'QUALITY_TEAM', region: 'LONDON' }, config);
    await expect(verifier.identify(`Bearer ${qt}`)).resolves.toMatchObject({
      role: 'QUALITY_TEAM',
      region: 'LONDON',
    });
  });

  it.each([
    ['a malformed header', 'Token abc'],
    ['garbage', 'Bearer not-a-jwt'],
  ])('refuses %s', async (_label, header) => {
    await expect(verifier.identify(header)).rejects.toMatchObject({ code: ErrorCode.Unauthenticated });
  });

  it('refuses a token signed with another key, for another audience, or expired', async () => {
    const otherKey = await mintDevToken({ role: 'ADMIN' }, { ...config, devSecret: 'x'.repeat(40) });
    const otherAudience = await mintDevToken({ role: 'ADMIN' }, { ...config, audience: 'someone-else' });
    const expired = await new SignJWT({ role: 'ADMIN' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('a')
      .setIssuer('nets-dev')
      .setAudience('nets')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(DEV_AUTH_SECRET));
    for (const token of [otherKey, otherAudience, expired]) {
      await expect(verifier.identify(`Bearer ${token}`)).rejects.toMatchObject({
        code: ErrorCode.Unauthenticated,
      });
    }
    await expect(verifier.identify(`Bearer ${expired}`)).rejects.toThrow('The token has expired.');
  });

  it('refuses tokens whose role lacks its scope', async () => {
    const noOrg = await mintDevToken({ role: 'PROVIDER_USER' }, config);
    const noRegion = await mintDevToken({ role: 'QUALITY_TEAM' }, config);
    await expect(verifier.identify(`Bearer ${noOrg}`)).rejects.toThrow(/organisation/);
    await expect(verifier.identify(`Bearer ${noRegion}`)).rejects.toThrow(/region/);
  });

  describe('lifetimes (issue 13)', () => {
    const refuses = async (token: string, message: RegExp) =>
      expect(verifier.identify(`Bearer ${token}`)).rejects.toThrow(message);

    it('requires exp', async () => {
      await refuses(await devToken({ role: 'ADMIN' }, { exp: null }), /exp/);
    });

    it('refuses lifetimes over the maximum, from iat or from now', async () => {
      await refuses(await devToken({ role: 'ADMIN' }, { exp: now() + 13 * 3600 }), /longer than 43200/);
      await refuses(
        await devToken({ role: 'ADMIN' }, { iat: now() - 3600, exp: now() + 12 * 3600 - 60 }),
        /longer than/,
      );
      const short = createTokenVerifier({ ...config, maxLifetimeSeconds: 600 });
      await expect(
        short.identify(`Bearer ${await devToken({ role: 'ADMIN' }, { exp: now() + 3600 })}`),
      ).rejects.toThrow(/longer than 600/);
    });

    it('refuses iat and nbf in the future beyond the clock skew, and accepts them within it', async () => {
      await refuses(await devToken({ role: 'ADMIN' }, { iat: now() + 300 }), /future/);
      await refuses(await devToken({ role: 'ADMIN' }, { nbf: now() + 300 }), /nbf/);
      await expect(
        verifier.identify(
          `Bearer ${await devToken({ role: 'ADMIN' }, { iat: now() + 30, nbf: now() + 30 })}`,
        ),
      ).resolves.toMatchObject({ role: 'ADMIN' });
    });

    it('accepts what mintDevToken and the dev-token tool mint (12 h, with exp)', async () => {
      const token = await mintDevToken({ role: 'NATIONAL_ANALYST' }, config);
      await expect(verifier.identify(`Bearer ${token}`)).resolves.toMatchObject({ role: 'NATIONAL_ANALYST' });
    });
  });

  describe('algorithms (issue 13)', () => {
    it('accepts only HS256 with the development key', async () => {
      for (const alg of ['HS384', 'HS512']) {
        await expect(
          verifier.identify(`Bearer ${await devToken({ role: 'ADMIN' }, { alg })}`),
        ).rejects.toThrow(/algorithm is not accepted/);
      }
      const unsigned = [
        Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url'),
        Buffer.from(
          JSON.stringify({ sub: 'u1', role: 'ADMIN', iss: 'nets-dev', aud: 'nets', exp: now() + 60 }),
        ).toString('base64url'),
        '',
      ].join('.');
      await expect(verifier.identify(`Bearer ${unsigned}`)).rejects.toMatchObject({
        code: ErrorCode.Unauthenticated,
      });
    });

    describe('with a JWKS', () => {
      let server: Server;
      let jwksUrl: string;
      const keys = generateKeyPair('RS256');
      const ecKeys = generateKeyPair('ES256');

      beforeAll(async () => {
        const rsa = await exportJWK((await keys).publicKey);
        const ec = await exportJWK((await ecKeys).publicKey);
        const body = JSON.stringify({
          keys: [
            { ...rsa, kid: 'rsa', alg: 'RS256', use: 'sig' },
            { ...ec, kid: 'ec', alg: 'ES256', use: 'sig' },
            // A symmetric key in the set must never make a shared-secret token acceptable.
            { kty: 'oct', k: Buffer.from(DEV_AUTH_SECRET).toString('base64url'), kid: 'oct', alg: 'HS256' },
          ],
        });
        server = createServer((_request, response) => {
          response.writeHead(200, { 'content-type': 'application/json' }).end(body);
        });
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
      });
      afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

      const signed = async (alg: 'RS256' | 'ES256', kid: string) =>
        new SignJWT({ sub: 'u1', role: 'ADMIN' })
          .setProtectedHeader({ alg, kid })
          .setIssuer('nets-dev')
          .setAudience('nets')
          .setIssuedAt()
          .setExpirationTime('1h')
          .sign((await (alg === 'RS256' ? keys : ecKeys)).privateKey);

      it('accepts the published algorithms it is configured for and nothing else', async () => {
        const production = createTokenVerifier({ jwksUrl, issuer: 'nets-dev', audience: 'nets' });
        await expect(production.identify(`Bearer ${await signed('RS256', 'rsa')}`)).resolves.toMatchObject({
          role: 'ADMIN',
        });
        await expect(production.identify(`Bearer ${await signed('ES256', 'ec')}`)).resolves.toMatchObject({
          role: 'ADMIN',
        });
        const hs = await devToken({ role: 'ADMIN' }, { alg: 'HS256' });
        await expect(production.identify(`Bearer ${hs}`)).rejects.toThrow(/algorithm is not accepted/);
        const rsOnly = createTokenVerifier({
          jwksUrl,
          algorithms: ['RS256'],
          issuer: 'nets-dev',
          audience: 'nets',
        });
        await expect(rsOnly.identify(`Bearer ${await signed('ES256', 'ec')}`)).rejects.toThrow(
          /algorithm is not accepted/,
        );
      });
    });
  });

  describe('claims that do not fit the role (issue 13)', () => {
    it.each([
      ['an org on a national role', { role: 'ADMIN', org: ORG }, /must not name an organisation/],
      ['an org on the quality team', { role: 'QUALITY_TEAM', region: 'LONDON', org: ORG }, /organisation/],
      ['a region on a provider role', { role: 'PROVIDER_USER', org: ORG, region: 'LONDON' }, /region/],
      ['a region on a national role', { role: 'NATIONAL_ANALYST', region: 'LONDON' }, /region/],
      ['a non-UUID org', { role: 'PROVIDER_USER', org: "x' OR 1=1 --" }, /UUID/],
      ['a non-string org', { role: 'EDUCATION_PROVIDER_USER', org: 42 }, /UUID/],
      ['an unknown region', { role: 'QUALITY_TEAM', region: 'ATLANTIS' }, /region claim must be one of/],
      ['a missing org on a provider role', { role: 'EDUCATION_PROVIDER_USER' }, /must name its organisation/],
      ['a missing region on the quality team', { role: 'QUALITY_TEAM' }, /must name its region/],
      ['an unknown role', { role: 'SUPERUSER' }, /no known role/],
    ])('refuses %s', async (_label, claims, message) => {
      const token = await devToken(claims);
      await expect(verifier.identify(`Bearer ${token}`)).rejects.toMatchObject({
        code: ErrorCode.Unauthenticated,
      });
      await expect(verifier.identify(`Bearer ${token}`)).rejects.toThrow(message);
    });
  });
});
