import { ErrorCode } from '@nets/shared/util-errors';
import { SignJWT } from 'jose';
import { DEV_AUTH_SECRET } from './auth-config';
import { createTokenVerifier, mintDevToken } from './token-verifier';

const config = { devSecret: DEV_AUTH_SECRET, issuer: 'nets-dev', audience: 'nets' };
const verifier = createTokenVerifier(config);

describe('token verifier', () => {
  it('treats a request without a token as anonymous', async () => {
    await expect(verifier.identify(undefined)).resolves.toEqual({ kind: 'anonymous' });
  });

  it('reads role, organisation and region from a valid token', async () => {
    const token = await mintDevToken(
      { role: 'PROVIDER_USER', organisationId: 'org-1', subject: 'u1' },
      config,
    );
    await expect(verifier.identify(`Bearer ${token}`)).resolves.toEqual({
      kind: 'user',
      subject: 'u1',
      role: 'PROVIDER_USER',
      organisationId: 'org-1',
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
});
