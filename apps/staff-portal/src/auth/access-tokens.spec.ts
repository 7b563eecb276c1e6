import { accessTokenFor, EXPIRY_MARGIN_MS, SignInRequiredError } from './access-tokens';
import type { IdentityProvider } from './identity-provider';
import { createMemorySessionStore, safeReturnPath, type StaffSession } from './staff-session';

const NOW = 1_800_000_000_000;
const user = { subject: 'u1', name: 'Ana', role: 'NATIONAL_ANALYST' as const };

function setUp(refresh: IdentityProvider['refresh']) {
  const sessions = createMemorySessionStore({ ttlMs: 60_000, max: 10 });
  const identityProvider: IdentityProvider = {
    beginSignIn: jest.fn(),
    completeSignIn: jest.fn(),
    endSessionUrl: jest.fn(),
    refresh: jest.fn(refresh),
  };
  return { sessions, identityProvider, now: () => NOW };
}

async function signedIn(
  deps: ReturnType<typeof setUp>,
  expiresAt: number,
  refreshToken?: string,
): Promise<StaffSession> {
  const session = await deps.sessions.create();
  session.user = user;
  session.tokens = { accessToken: 'old', expiresAt, refreshToken, idToken: 'id' };
  await deps.sessions.save(session);
  return session;
}

describe('the access token sent to the gateway', () => {
  it('is the one held while it is valid beyond the margin', async () => {
    const deps = setUp(async () => ({ accessToken: 'new', expiresAt: NOW + 300_000 }));
    const session = await signedIn(deps, NOW + EXPIRY_MARGIN_MS + 1_000, 'refresh');
    await expect(accessTokenFor(session, deps)).resolves.toBe('old');
    expect(deps.identityProvider.refresh).not.toHaveBeenCalled();
  });

  it('is refreshed when it is about to expire, and the session keeps the new tokens', async () => {
    const deps = setUp(async () => ({ accessToken: 'new', expiresAt: NOW + 300_000, refreshToken: 'r2' }));
    const session = await signedIn(deps, NOW + 1_000, 'r1');
    await expect(accessTokenFor(session, deps)).resolves.toBe('new');
    expect(deps.identityProvider.refresh).toHaveBeenCalledWith('r1');
    expect((await deps.sessions.get(session.id))?.tokens).toMatchObject({
      accessToken: 'new',
      refreshToken: 'r2',
    });
  });

  it('asks the user to sign in again when it expired without a refresh token or the refresh fails', async () => {
    const deps = setUp(async () => {
      throw new Error('invalid_grant');
    });
    await expect(accessTokenFor(await signedIn(deps, NOW - 1), deps)).rejects.toThrow(SignInRequiredError);
    const refreshable = await signedIn(deps, NOW - 1, 'revoked');
    await expect(accessTokenFor(refreshable, deps)).rejects.toThrow(SignInRequiredError);
    expect((await deps.sessions.get(refreshable.id))?.tokens).toBeUndefined();
    await expect(accessTokenFor(undefined, deps)).rejects.toThrow(SignInRequiredError);
  });
});

describe('the page to return to after signing in', () => {
  it('is a path on this origin, never another site', () => {
    expect(safeReturnPath('/explorer?measure=induction')).toBe('/explorer?measure=induction');
    for (const unsafe of ['https://evil.example/', '//evil.example/', '/\\evil.example', undefined, 42])
      expect(safeReturnPath(unsafe)).toBe('/overview');
  });
});
