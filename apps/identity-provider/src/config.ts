import { z } from 'zod';
import { DEFAULT_AUDIENCE, DEVELOPMENT_IDENTITY_PROVIDER } from '@nets/shared/auth';
import { baseConfigSchema, envList, envPort } from '@nets/shared/util-config';

export const STAFF_PORTAL_CLIENT_ID = 'staff-portal';

/** The development identity provider's settings. Development and tests only: it refuses to start in production. */
export const identityProviderConfigSchema = baseConfigSchema
  .extend({
    HOST: z.string().default('127.0.0.1'),
    IDP_PORT: envPort(DEVELOPMENT_IDENTITY_PROVIDER.port),
    /** Its own base URL, the `iss` of every token (default http://127.0.0.1:<IDP_PORT>). */
    IDP_ISSUER: z.url().optional(),
    /** The private JWKS (created on first start, mode 0600): a restart keeps issued tokens valid. */
    IDP_KEYS_FILE: z.string().default(DEVELOPMENT_IDENTITY_PROVIDER.keysFile),
    /** Where a provider user's ODS code is resolved to the organisation id the services know. */
    IDP_GATEWAY_URL: z.url().default('http://127.0.0.1:4000/graphql'),
    IDP_ACCESS_TOKEN_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .max(12 * 3600)
      .default(900),
    /** The `aud` of access tokens: what the gateway and subgraphs expect (AUTH_AUDIENCE). */
    IDP_ACCESS_TOKEN_AUDIENCE: z.string().min(1).default(DEFAULT_AUDIENCE),
    IDP_STAFF_PORTAL_CLIENT_SECRET: z.string().min(16).default('staff-portal-development-secret'),
    IDP_STAFF_PORTAL_REDIRECT_URIS: envList('http://127.0.0.1:4400/auth/callback').pipe(
      z.array(z.url()).min(1, 'at least one redirect URI'),
    ),
    IDP_STAFF_PORTAL_POST_LOGOUT_REDIRECT_URIS: envList('http://127.0.0.1:4400/signed-out').pipe(
      z.array(z.url()),
    ),
    /** How the portal authenticates at the token endpoint (oidc-provider accepts only the registered one). */
    IDP_STAFF_PORTAL_TOKEN_AUTH_METHOD: z
      .enum(['client_secret_basic', 'client_secret_post'])
      .default('client_secret_basic'),
  })
  .refine((config) => config.NETS_ENV !== 'production', {
    message: 'the development identity provider must not run in production: use the real identity service',
    path: ['NETS_ENV'],
  })
  .transform((config) => ({
    ...config,
    IDP_ISSUER: config.IDP_ISSUER ?? `http://${config.HOST}:${config.IDP_PORT}`,
  }));

export type IdentityProviderConfig = z.output<typeof identityProviderConfigSchema>;
