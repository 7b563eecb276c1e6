import {
  PUBLIC_URL,
  cookieOf,
  failingGraph,
  fakeIdentityProvider,
  portal,
  signIn,
} from './auth/__fixtures__/sign-in.fixture';

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
