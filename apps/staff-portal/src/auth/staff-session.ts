import { LRUCache } from 'lru-cache';
import { newSessionId } from '@nets/web/sessions';
import type { StaffUser } from './staff-user';

/** Tokens stay on the server: the browser holds only the session's random id. */
export interface SessionTokens {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  refreshToken?: string;
  idToken?: string;
}

/** A sign-in under way: what the callback must find again (RFC 9700: state, nonce and PKCE verifier). */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** The page the user asked for, on this origin; they land there once signed in. */
  returnTo: string;
}

export interface StaffSession {
  id: string;
  user?: StaffUser;
  tokens?: SessionTokens;
  pendingSignIn?: PendingSignIn;
}

/**
 * Where sessions live: PostgreSQL (`createPostgresSessionStore`, STAFF_PORTAL_SESSION_DATABASE_URL) so that any
 * replica serves any request, or this process's memory (one portal process, development and unit tests).
 */
export interface SessionStore {
  get(id: string | undefined): Promise<StaffSession | undefined>;
  create(): Promise<StaffSession>;
  save(session: StaffSession): Promise<void>;
  delete(id: string): Promise<void>;
  close(): Promise<void>;
}

export function createMemorySessionStore(options: { ttlMs: number; max: number }): SessionStore {
  const sessions = new LRUCache<string, StaffSession>({
    max: options.max,
    ttl: options.ttlMs,
    updateAgeOnGet: true,
  });
  return {
    get: async (id) => (id ? sessions.get(id) : undefined),
    async create() {
      const session: StaffSession = { id: newSessionId() };
      sessions.set(session.id, session);
      return session;
    },
    save: async (session) => void sessions.set(session.id, session),
    delete: async (id) => void sessions.delete(id),
    close: async () => sessions.clear(),
  };
}

/** A page on this origin to come back to after signing in; anything else goes home (no open redirect). */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\'))
    return '/overview';
  return value;
}
