import { importEsm } from '../esm/import-esm';
import type { IdentityProvider } from './identity-provider';
import type { PendingSignIn, SessionTokens } from './staff-session';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** `<public url>/auth/callback`. */
  redirectUri: string;
  /** `<public url>/signed-out`. */
  postLogoutRedirectUri: string;
  scopes: string;
  /** A resource indicator for the access token, when the IdP needs one. */
  resource?: string;
}

type OpenIdClient = typeof import('openid-client');
const loadOpenIdClient = (): Promise<OpenIdClient> => importEsm<OpenIdClient>('openid-client');

const DEFAULT_TOKEN_LIFETIME_SECONDS = 300;

function tokensOf(
  response: {
    access_token: string;
    refresh_token?: string;
    id_token?: string;
    expiresIn(): number | undefined;
  },
  previous?: SessionTokens,
): SessionTokens {
  return {
    accessToken: response.access_token,
    expiresAt: Date.now() + (response.expiresIn() ?? DEFAULT_TOKEN_LIFETIME_SECONDS) * 1000,
    refreshToken: response.refresh_token ?? previous?.refreshToken,
    idToken: response.id_token ?? previous?.idToken,
  };
}

/**
 * A confidential OpenID Connect client (openid-client): authorization code with PKCE (S256), state and
 * nonce checked, the client authenticated by its secret. Discovery happens on first use and is retried
 * after a failure, so the portal starts before its identity provider does.
 */
export function createOidcIdentityProvider(settings: OidcSettings): IdentityProvider {
  let discovered:
    | Promise<{ client: OpenIdClient; config: import('openid-client').Configuration }>
    | undefined;
  const discover = () => {
    discovered ??= (async () => {
      const client = await loadOpenIdClient();
      const issuer = new URL(settings.issuer);
      const config = await client.discovery(
        issuer,
        settings.clientId,
        { redirect_uris: [settings.redirectUri], response_types: ['code'] },
        client.ClientSecretBasic(settings.clientSecret),
        issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined,
      );
      return { client, config };
    })();
    discovered.catch(() => (discovered = undefined));
    return discovered;
  };
  const resourceParameter = (): Record<string, string> =>
    settings.resource ? { resource: settings.resource } : {};

  return {
    async beginSignIn(returnTo) {
      const { client, config } = await discover();
      const pending: PendingSignIn = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
        returnTo,
      };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: settings.scopes,
        code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
        // offline_access needs consent to be asked for (OpenID Connect Core §11).
        ...(settings.scopes.split(' ').includes('offline_access') ? { prompt: 'consent' } : {}),
        ...resourceParameter(),
      });
      return { url, pending };
    },
    async completeSignIn(callbackUrl, pending) {
      const { client, config } = await discover();
      const response = await client.authorizationCodeGrant(
        config,
        callbackUrl,
        {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
        },
        resourceParameter(),
      );
      const claims = response.claims();
      if (!claims) throw new Error('The identity provider returned no ID token.');
      return { tokens: tokensOf(response), claims: { ...claims } };
    },
    async refresh(refreshToken) {
      const { client, config } = await discover();
      const response = await client.refreshTokenGrant(config, refreshToken, resourceParameter());
      return tokensOf(response, { accessToken: '', expiresAt: 0, refreshToken });
    },
    async endSessionUrl(idToken) {
      const { client, config } = await discover();
      return client.buildEndSessionUrl(config, {
        post_logout_redirect_uri: settings.postLogoutRedirectUri,
        client_id: settings.clientId,
        ...(idToken ? { id_token_hint: idToken } : {}),
      });
    },
  };
}
