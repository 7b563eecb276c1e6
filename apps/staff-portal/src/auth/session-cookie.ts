import type { FastifyReply, FastifyRequest } from 'fastify';
import { sessionCookieOptions } from '@nets/web/sessions';
import type { PortalDependencies } from '../portal-context';
import type { StaffSession } from './staff-session';

export const SESSION_COOKIE = 'nets_staff_session';

/** The session the cookie names, if the store still holds it. */
export const sessionFromCookie = (
  deps: PortalDependencies,
  request: FastifyRequest,
): Promise<StaffSession | undefined> => deps.sessions.get(request.cookies[SESSION_COOKIE]);

/** The cookie holds only the session's random id: HttpOnly, SameSite=Lax, Secure over https. */
export function setSessionCookie(deps: PortalDependencies, reply: FastifyReply, session: StaffSession): void {
  reply.setCookie(
    SESSION_COOKIE,
    session.id,
    sessionCookieOptions({ secure: deps.secureCookies, ttlMs: deps.sessionTtlMs }),
  );
}

export const clearSessionCookie = (deps: PortalDependencies, reply: FastifyReply): void =>
  void reply.clearCookie(SESSION_COOKIE, sessionCookieOptions({ secure: deps.secureCookies }));
