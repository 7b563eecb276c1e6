import { randomBytes } from 'node:crypto';
import {
  errors,
  type Account,
  type Configuration,
  type OidcContext,
  type OidcGrant,
  type OidcToken,
} from 'oidc-provider';
import type { PrivateJwks } from '@nets/shared/auth';
import type { Accounts } from '../accounts/accounts';
import { STAFF_PORTAL_CLIENT_ID, type IdentityProviderConfig } from '../config';

/** The resource indicator of the one graph; access tokens for it carry the audience the services expect. */
export const NETS_RESOURCE = 'urn:nets:graph';
/** The NETS claims are released with `openid` itself: every client of this provider needs them. */
const NETS_CLAIMS = ['sub', 'role', 'org', 'region', 'name'];
const SCOPES = ['openid', 'offline_access'];
const WORKING_DAY_SECONDS = 12 * 3600;
/** First-party clients are not asked for consent: they are part of NETS. */
const FIRST_PARTY_CLIENTS = new Set([STAFF_PORTAL_CLIENT_ID]);

export interface ProviderPages {
  logout: (ctx: OidcContext, form: string) => Promise<void>;
  signedOut: (ctx: OidcContext) => Promise<void>;
  error: (ctx: OidcContext, out: Record<string, unknown>) => Promise<void>;
}

/** oidc-provider's configuration: the staff portal's client, JWT access tokens for the graph, demo accounts. */
export function providerConfiguration(
  config: IdentityProviderConfig,
  keys: PrivateJwks,
  accounts: Accounts,
  pages: ProviderPages,
): Configuration {
  return {
    clients: [
      {
        client_id: STAFF_PORTAL_CLIENT_ID,
        client_name: 'NETS staff portal',
        client_secret: config.IDP_STAFF_PORTAL_CLIENT_SECRET,
        token_endpoint_auth_method: config.IDP_STAFF_PORTAL_TOKEN_AUTH_METHOD,
        redirect_uris: config.IDP_STAFF_PORTAL_REDIRECT_URIS,
        post_logout_redirect_uris: config.IDP_STAFF_PORTAL_POST_LOGOUT_REDIRECT_URIS,
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        id_token_signed_response_alg: keys.keys[0].alg,
      },
    ],
    jwks: keys,
    // Development sessions live in memory; the cookie keys need only outlive them.
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { methods: ['S256'], required: () => true },
    responseTypes: ['code'],
    scopes: SCOPES,
    claims: { openid: NETS_CLAIMS },
    // The ID token carries the NETS claims too, so the portal knows who signed in without a userinfo call.
    conformIdTokenClaims: false,
    findAccount: async (_ctx: OidcContext, sub: string): Promise<Account | undefined> => {
      const claims = await accounts.claimsOf(sub);
      return claims && { accountId: sub, claims: async () => ({ ...claims }) };
    },
    extraTokenClaims: async (_ctx: OidcContext, token: OidcToken) => {
      if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
      const { sub: _sub, ...claims } = (await accounts.claimsOf(token.accountId)) ?? {};
      return claims;
    },
    // A confidential first-party client gets refresh tokens without asking for offline_access.
    issueRefreshToken: async (_ctx: OidcContext, client: { grantTypeAllowed(type: string): boolean }) =>
      client.grantTypeAllowed('refresh_token'),
    loadExistingGrant: async (ctx: OidcContext): Promise<OidcGrant | undefined> => {
      const { client, session, result, provider } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return provider.Grant.find(grantId);
      if (!FIRST_PARTY_CLIENTS.has(client.clientId)) return undefined;
      const grant = new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grantEverything(grant);
      await grant.save();
      return grant;
    },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: pages.logout,
        postLogoutSuccessSource: pages.signedOut,
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => NETS_RESOURCE,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx: OidcContext, resource: string) => {
          if (resource !== NETS_RESOURCE) throw new errors.InvalidTarget();
          return {
            scope: '',
            audience: config.IDP_ACCESS_TOKEN_AUDIENCE,
            accessTokenTTL: config.IDP_ACCESS_TOKEN_TTL_SECONDS,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: keys.keys[0].alg } },
          };
        },
      },
    },
    ttl: {
      AccessToken: config.IDP_ACCESS_TOKEN_TTL_SECONDS,
      IdToken: config.IDP_ACCESS_TOKEN_TTL_SECONDS,
      AuthorizationCode: 60,
      Interaction: 3600,
      // A working day, like the longest token the services accept.
      Session: WORKING_DAY_SECONDS,
      Grant: WORKING_DAY_SECONDS,
      RefreshToken: WORKING_DAY_SECONDS,
    },
    renderError: async (ctx: OidcContext, out: Record<string, unknown>) => pages.error(ctx, out),
  };
}

/** What a first-party client may always have: the OpenID scopes with the NETS claims, and the graph. */
export function grantEverything(grant: OidcGrant): void {
  grant.addOIDCScope(SCOPES.join(' '));
  grant.addOIDCClaims(NETS_CLAIMS);
  grant.addResourceScope(NETS_RESOURCE, '');
}
