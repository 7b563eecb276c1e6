import type { IdentityProvider } from './identity-provider';
import type { SessionStore, StaffSession } from './staff-session';

/** The user must sign in (again): no session, or a token that expired and could not be refreshed. */
export class SignInRequiredError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'SignInRequiredError';
  }
}

/** A token this close to its expiry is refreshed first: it must still be valid when the gateway checks it. */
export const EXPIRY_MARGIN_MS = 30_000;

/**
 * The signed-in user's access token for the gateway: the one held while it is valid, else a refreshed one
 * (kept in the session), else the user signs in again.
 */
export async function accessTokenFor(
  session: StaffSession | undefined,
  deps: { sessions: SessionStore; identityProvider: IdentityProvider; now?: () => number },
): Promise<string> {
  const tokens = session?.tokens;
  if (!session?.user || !tokens) throw new SignInRequiredError('Not signed in');
  const now = deps.now?.() ?? Date.now();
  if (tokens.expiresAt - EXPIRY_MARGIN_MS > now) return tokens.accessToken;
  if (!tokens.refreshToken) throw new SignInRequiredError('The access token expired');
  try {
    session.tokens = await deps.identityProvider.refresh(tokens.refreshToken);
  } catch {
    session.tokens = undefined;
    await deps.sessions.save(session);
    throw new SignInRequiredError('The access token expired and could not be refreshed');
  }
  await deps.sessions.save(session);
  return session.tokens.accessToken;
}
