import { z } from 'zod';
import { baseConfigSchema, envList, envPort } from '@nets/shared/util-config';

const DEVELOPMENT_CLIENT_SECRET = 'staff-portal-development-secret';

export const staffPortalConfigSchema = baseConfigSchema
  .extend({
    HOST: z.string().default('127.0.0.1'),
    STAFF_PORTAL_PORT: envPort(4400),
    /** The gateway's GraphQL endpoint: every page is rendered from it, with the signed-in user's token. */
    STAFF_PORTAL_GATEWAY_URL: z.url().default('http://127.0.0.1:4000/graphql'),
    /**
     * How long a page waits for the graph. Longer than the learner's survey: a reporting page may be the first
     * read of a cycle's views since its release, and an analyst would rather wait than see an error.
     */
    STAFF_PORTAL_GRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
    /** Where users reach this portal: the OIDC redirect is `<public url>/auth/callback`. */
    STAFF_PORTAL_PUBLIC_URL: z.url().default('http://127.0.0.1:4400'),
    /** The identity provider's issuer URL (its discovery document is `<issuer>/.well-known/openid-configuration`). */
    STAFF_PORTAL_OIDC_ISSUER: z.url().default('http://127.0.0.1:4300'),
    STAFF_PORTAL_OIDC_CLIENT_ID: z.string().min(1).default('staff-portal'),
    /** The confidential client's secret; required outside development and tests. */
    STAFF_PORTAL_OIDC_CLIENT_SECRET: z.string().min(1).default(DEVELOPMENT_CLIENT_SECRET),
    /** Scopes asked for at sign-in (add `offline_access` where the provider gives refresh tokens only then). */
    STAFF_PORTAL_OIDC_SCOPES: z.string().default('openid profile'),
    /** A resource indicator (RFC 8707) to ask the access token for, when the identity provider needs one. */
    STAFF_PORTAL_OIDC_RESOURCE: z.string().default(''),
    /** Claim names of the identity provider: going live is configuration, not code. */
    STAFF_PORTAL_CLAIM_ROLE: z.string().min(1).default('role'),
    STAFF_PORTAL_CLAIM_ORGANISATION: z.string().min(1).default('org'),
    STAFF_PORTAL_CLAIM_REGION: z.string().min(1).default('region'),
    STAFF_PORTAL_CLAIM_NAME: z.string().min(1).default('name'),
    STAFF_PORTAL_SESSION_TTL_MINUTES: z.coerce.number().int().positive().default(480),
    STAFF_PORTAL_MAX_SESSIONS: z.coerce.number().int().positive().default(10_000),
    /** Sessions in this PostgreSQL database, shared by every replica (`src/migrate.ts` first); memory if unset. */
    STAFF_PORTAL_SESSION_DATABASE_URL: z.url().optional(),
    /** Load balancers in front of this server whose X-Forwarded-For is believed. */
    STAFF_PORTAL_TRUSTED_PROXIES: envList(''),
  })
  .refine(
    (config) =>
      config.NETS_ENV !== 'production' ||
      config.STAFF_PORTAL_OIDC_CLIENT_SECRET !== DEVELOPMENT_CLIENT_SECRET,
    {
      message: 'Set STAFF_PORTAL_OIDC_CLIENT_SECRET in production',
      path: ['STAFF_PORTAL_OIDC_CLIENT_SECRET'],
    },
  );

export type StaffPortalConfig = z.output<typeof staffPortalConfigSchema>;
