import { randomBytes } from 'node:crypto';

/** A session's id: random, unguessable, the only thing the browser holds (base64url, 256 bits by default). */
export const newSessionId = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** The options of a session cookie, as `@fastify/cookie`'s `setCookie` takes them. */
export interface SessionCookieOptions {
  path: '/';
  httpOnly: true;
  sameSite: 'lax';
  secure: boolean;
  /** Seconds; absent for `clearCookie`. */
  maxAge?: number;
}

/**
 * Every NETS web app's session cookie: first-party, HttpOnly (no script reads it), SameSite=Lax (sent on a
 * top-level navigation back from the identity provider, not on cross-site posts), Secure over https, and
 * living as long as the session does without a request.
 */
export function sessionCookieOptions(options: { secure: boolean; ttlMs?: number }): SessionCookieOptions {
  const cookie: SessionCookieOptions = { path: '/', httpOnly: true, sameSite: 'lax', secure: options.secure };
  return options.ttlMs === undefined ? cookie : { ...cookie, maxAge: Math.floor(options.ttlMs / 1000) };
}
