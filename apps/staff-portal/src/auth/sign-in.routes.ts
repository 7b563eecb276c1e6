import type { FastifyInstance, FastifyRequest } from 'fastify';
import { renderPage } from '@nets/web/ui-nhsuk';
import type { PortalDependencies } from '../portal-context';
import { clearSessionCookie, sessionFromCookie, setSessionCookie } from './session-cookie';
import { safeReturnPath } from './staff-session';
import { staffUserFromClaims, UnusableClaimsError } from './staff-user';

/** Routes anyone may reach: signing in and out happens before there is a user. */
export const PUBLIC_ROUTE = { config: { public: true } } as const;

export const signInPath = (returnTo: string): string => `/sign-in?returnTo=${encodeURIComponent(returnTo)}`;

const query = (request: FastifyRequest): Record<string, string | undefined> =>
  request.query as Record<string, string | undefined>;

/**
 * Sign-in as an OpenID Connect relying party (the BFF pattern): the browser only ever holds the session
 * cookie; codes, tokens and the PKCE verifier stay on the server.
 */
export function registerSignInRoutes(
  app: FastifyInstance,
  deps: PortalDependencies,
  publicUrl: string,
): void {
  app.get('/sign-in', PUBLIC_ROUTE, async (request, reply) => {
    const session = (await sessionFromCookie(deps, request)) ?? (await deps.sessions.create());
    const { url, pending } = await deps.identityProvider.beginSignIn(
      safeReturnPath(query(request)['returnTo']),
    );
    session.pendingSignIn = pending;
    await deps.sessions.save(session);
    setSessionCookie(deps, reply, session);
    return reply.redirect(url.href, 303);
  });

  app.get('/auth/callback', PUBLIC_ROUTE, async (request, reply) => {
    const fail = (reason: string) =>
      renderPage(reply.code(400), 'sign-in-failed.njk', { title: 'You could not be signed in', reason });
    const previous = await sessionFromCookie(deps, request);
    const pending = previous?.pendingSignIn;
    if (!previous || !pending) return fail('The sign-in took too long or was started in another browser.');
    const idpError = query(request)['error'];
    if (idpError) {
      request.log.warn({ idpError }, 'the identity provider refused the sign-in');
      return fail(
        idpError === 'access_denied'
          ? 'You did not allow the Reporting Tool to use your account.'
          : 'Your NHS account could not be used to sign in.',
      );
    }
    try {
      const { tokens, claims } = await deps.identityProvider.completeSignIn(
        new URL(request.url, publicUrl),
        pending,
      );
      const user = staffUserFromClaims(claims, deps.claimMapping);
      // A fresh session id once signed in: an id planted before sign-in is worth nothing.
      await deps.sessions.delete(previous.id);
      const session = await deps.sessions.create();
      session.user = user;
      session.tokens = tokens;
      await deps.sessions.save(session);
      setSessionCookie(deps, reply, session);
      request.log.info({ subject: user.subject, role: user.role }, 'signed in');
      return reply.redirect(pending.returnTo, 303);
    } catch (error) {
      request.log.warn({ err: error }, 'sign-in callback refused');
      return fail(
        error instanceof UnusableClaimsError
          ? 'Your NHS account has no NETS role. Ask your organisation to give you access to the Reporting Tool.'
          : 'The answer from the sign-in service could not be checked.',
      );
    }
  });

  // A POST (SameSite=Lax keeps other sites from sending it): signing out changes state.
  app.post('/sign-out', PUBLIC_ROUTE, async (request, reply) => {
    const session = await sessionFromCookie(deps, request);
    if (session) await deps.sessions.delete(session.id);
    clearSessionCookie(deps, reply);
    const endSession = await deps.identityProvider
      .endSessionUrl(session?.tokens?.idToken)
      .catch((error: unknown) => {
        request.log.warn({ err: error }, 'no RP-initiated logout: the identity provider is not reachable');
        return new URL('/signed-out', publicUrl);
      });
    return reply.redirect(endSession.href, 303);
  });

  app.get('/signed-out', PUBLIC_ROUTE, async (_request, reply) =>
    renderPage(reply, 'signed-out.njk', { title: 'You have signed out' }),
  );
}
