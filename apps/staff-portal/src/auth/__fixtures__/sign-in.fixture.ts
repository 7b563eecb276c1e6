import type { FastifyInstance } from 'fastify';
import { createLogger } from '@nets/shared/util-logger';
import { GraphClientError, type CallerContext, type GraphClient } from '@nets/web/graph-client';
import type { IdentityProvider } from '../identity-provider';
import { staffPortalConfigSchema } from '../../config';
import { buildStaffPortal } from '../../server';

export const PUBLIC_URL = 'https://portal.example';

/** The identity provider's side of a sign-in, faked: it checks what the portal must send and check. */
export function fakeIdentityProvider(
  claims: Record<string, unknown>,
): IdentityProvider & { callbacks: URL[] } {
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
export function failingGraph(code: string): GraphClient & { callers: CallerContext[] } {
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

export async function portal(
  graph: GraphClient,
  identityProvider: IdentityProvider,
  env: Record<string, string> = {},
): Promise<FastifyInstance> {
  const config = staffPortalConfigSchema.parse({
    STAFF_PORTAL_PUBLIC_URL: PUBLIC_URL,
    LOG_LEVEL: 'silent',
    ...env,
  });
  return buildStaffPortal(config, createLogger('staff-portal-test', 'silent'), {
    graphClient: graph,
    identityProvider,
  });
}

export const cookieOf = (setCookie: string | string[] | undefined): string => {
  const line = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  return (line ?? '').split(';')[0] ?? '';
};

export async function signIn(app: FastifyInstance, returnTo: string) {
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

/**
 * The portal on a faked graph, signed in as the user these claims describe: `get` and `post` (a form) carry
 * the session cookie. For a feature's route specs.
 */
export async function signedInPortal(graph: GraphClient, claims: Record<string, unknown>) {
  const app = await portal(graph, fakeIdentityProvider(claims));
  const begin = await app.inject({ method: 'GET', url: '/sign-in' });
  const callback = await app.inject({
    method: 'GET',
    url: '/auth/callback?code=code-1&state=state-1',
    headers: { cookie: cookieOf(begin.headers['set-cookie']) },
  });
  const cookie = cookieOf(callback.headers['set-cookie']);
  return {
    app,
    get: (url: string) => app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url: string, form: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(form).toString(),
      }),
  };
}
