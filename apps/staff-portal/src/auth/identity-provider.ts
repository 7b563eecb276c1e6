import type { PendingSignIn, SessionTokens } from './staff-session';

/** The OpenID Connect relying party, as the routes use it (openid-client behind it; a fake in unit tests). */
export interface IdentityProvider {
  /** Starts a sign-in: the IdP's authorization URL and what the callback must check. */
  beginSignIn(returnTo: string): Promise<{ url: URL; pending: PendingSignIn }>;
  /** Checks the callback (state, PKCE, nonce, ID token) and redeems the code. */
  completeSignIn(
    callbackUrl: URL,
    pending: PendingSignIn,
  ): Promise<{ tokens: SessionTokens; claims: Record<string, unknown> }>;
  refresh(refreshToken: string): Promise<SessionTokens>;
  /** RP-initiated logout: where the browser goes to end the IdP's session too. */
  endSessionUrl(idToken: string | undefined): Promise<URL>;
}
