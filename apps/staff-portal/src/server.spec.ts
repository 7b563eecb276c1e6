import type { FastifyInstance } from 'fastify';
import { createLogger } from '@nets/shared/util-logger';
import { GraphClientError, type CallerContext, type GraphClient } from '@nets/web/graph-client';
import type { IdentityProvider } from './auth/identity-provider';
import { staffPortalConfigSchema } from './config';
import { buildStaffPortal } from './server';

const PUBLIC_URL = 'https://portal.example';

/** The identity provider's side of a sign-in, faked: it checks what the portal must send and check. */
function fakeIdentityProvider(claims: Record<string, unknown>): IdentityProvider & { callbacks: URL[] } {
  const callbacks: URL[] = [];
  return {
    callbacks,
    beginSignIn: async (returnTo) => ({
      url: new URL('https://idp.example/auth?client_id=staff-portal'),
      pending: { state: 'state-1', nonce: 'nonce-1', codeVerifier: 'verifier-1', returnTo },
    }),
    completeSignIn: async (callbackUrl, pending) => {
      callbacks.push(callbackUrl);
      if (callbackUrl.searchParams.get('state') !== pending.state) throw new Error('state mismatch');
      return {
        tokens: { accessToken: 'access-1', expiresAt: Date.now() + 600_000, idToken: 'id-1' },
        claims,
      };
    },
    refresh: async () => {
      throw new Error('no refresh token');
    },
    endSessionUrl: async (idToken) =>
      new URL(
        `https://idp.example/session/end?id_token_hint=${idToken ?? ''}&post_logout_redirect_uri=${PUBLIC_URL}/signed-out`,
      ),
  };
}

/** A graph that answers every operation with the given error, recording the callers. */
function failingGraph(code: string): GraphClient & { callers: CallerContext[] } {
  const callers: CallerContext[] = [];
  return {
    callers,
    request: async (_document, _variables, caller) => {
      callers.push(caller ?? {});
      throw new GraphClientError('StaffPortalCycles', [{ message: code, code, details: [] }], 200);
    },
    close: async () => undefined,
  };
}

async function portal(graph: GraphClient, identityProvider: IdentityProvider): Promise<FastifyInstance> {
  const config = staffPortalConfigSchema.parse({ STAFF_PORTAL_PUBLIC_URL: PUBLIC_URL, LOG_LEVEL: 'silent' });
  return buildStaffPortal(config, createLogger('staff-portal-test', 'silent'), {
    graphClient: graph,
    identityProvider,
  });
}

const cookieOf = (setCookie: string | string[] | undefined): string => {
  const line = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  return (line ?? '').split(';')[0] ?? '';
};

async function signIn(app: FastifyInstance, returnTo: string) {
  const start = await app.inject({ method: 'GET', url: returnTo });
  expect(start.statusCode).toBe(303);
  const begin = await app.inject({ method: 'GET', url: start.headers.location as string });
  const pendingCookie = cookieOf(begin.headers['set-cookie']);
  const callback = await app.inject({
    method: 'GET',
    url: '/auth/callback?code=code-1&state=state-1',
    headers: { cookie: pendingCookie },
  });
  return { start, begin, pendingCookie, callback, cookie: cookieOf(callback.headers['set-cookie']) };
}

describe('staff portal sign-in', () => {
  const analyst = { sub: 'national.analyst', role: 'NATIONAL_ANALYST', name: 'Nat Analyst' };

  it('sends a visitor without a session through sign-in and back to the page they asked for', async () => {
    const idp = fakeIdentityProvider(analyst);
    const app = await portal(failingGraph('FORBIDDEN'), idp);
    const { start, begin, pendingCookie, callback, cookie } = await signIn(
      app,
      '/explorer?measure=induction',
    );
    expect(start.headers.location).toBe('/sign-in?returnTo=%2Fexplorer%3Fmeasure%3Dinduction');
    expect(begin.headers.location).toBe('https://idp.example/auth?client_id=staff-portal');
    // The cookie is only a random id: HttpOnly, SameSite=Lax, Secure behind https.
    expect(begin.headers['set-cookie']).toMatch(
      /nets_staff_session=[\w-]{40,}; Max-Age=\d+; Path=\/; HttpOnly; Secure; SameSite=Lax/,
    );
    expect(callback.statusCode).toBe(303);
    expect(callback.headers.location).toBe('/explorer?measure=induction');
    expect(idp.callbacks[0]?.href).toBe(`${PUBLIC_URL}/auth/callback?code=code-1&state=state-1`);
    // A new session id once signed in; the one from before sign-in is worth nothing.
    expect(cookie).not.toBe(pendingCookie);
    const before = await app.inject({ method: 'GET', url: '/', headers: { cookie: pendingCookie } });
    expect(before.body).not.toContain('You are signed in');
    const after = await app.inject({ method: 'GET', url: '/', headers: { cookie } });
    expect(after.body).toContain('You are signed in as Nat Analyst');
    expect(after.body).toContain('href="/overview"');
    await app.close();
  });

  it('refuses a callback without the sign-in it answers, or with the wrong state', async () => {
    const app = await portal(failingGraph('FORBIDDEN'), fakeIdentityProvider(analyst));
    const stray = await app.inject({ method: 'GET', url: '/auth/callback?code=c&state=state-1' });
    expect(stray.statusCode).toBe(400);
    expect(stray.body).toContain('You could not be signed in');
    const begin = await app.inject({ method: 'GET', url: '/sign-in' });
    const forged = await app.inject({
      method: 'GET',
      url: '/auth/callback?code=c&state=forged',
      headers: { cookie: cookieOf(begin.headers['set-cookie']) },
    });
    expect(forged.statusCode).toBe(400);
    expect(forged.body).toContain('could not be checked');
    await app.close();
  });

  it('signs in nobody whose token names no NETS role', async () => {
    const app = await portal(failingGraph('FORBIDDEN'), fakeIdentityProvider({ sub: 'x', role: 'LEARNER' }));
    const { callback } = await signIn(app, '/overview');
    expect(callback.statusCode).toBe(400);
    expect(callback.body).toContain('has no NETS role');
    await app.close();
  });

  it("sends the user's token to the graph, and shows the graph's refusal as the not-available page", async () => {
    const graph = failingGraph('FORBIDDEN');
    const app = await portal(graph, fakeIdentityProvider(analyst));
    const { cookie } = await signIn(app, '/overview');
    const page = await app.inject({ method: 'GET', url: '/overview', headers: { cookie } });
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain('This page is not available to you');
    expect(graph.callers[0]?.token).toBe('access-1');
    await app.close();
  });

  it('signs the user in again when the gateway no longer accepts the token', async () => {
    const app = await portal(failingGraph('UNAUTHENTICATED'), fakeIdentityProvider(analyst));
    const { cookie } = await signIn(app, '/overview');
    const page = await app.inject({ method: 'GET', url: '/explorer?by=site', headers: { cookie } });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/sign-in?returnTo=%2Fexplorer%3Fby%3Dsite');
    await app.close();
  });

  it('signs out: the session is gone and the browser goes to the identity provider to end its session', async () => {
    const app = await portal(failingGraph('FORBIDDEN'), fakeIdentityProvider(analyst));
    const { cookie } = await signIn(app, '/overview');
    const out = await app.inject({ method: 'POST', url: '/sign-out', headers: { cookie } });
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe(
      `https://idp.example/session/end?id_token_hint=id-1&post_logout_redirect_uri=${PUBLIC_URL}/signed-out`,
    );
    expect(out.headers['set-cookie']).toMatch(/nets_staff_session=;/);
    const again = await app.inject({ method: 'GET', url: '/overview', headers: { cookie } });
    expect(again.statusCode).toBe(303);
    const signedOut = await app.inject({ method: 'GET', url: '/signed-out' });
    expect(signedOut.body).toContain('You have signed out');
    await app.close();
  });
});
