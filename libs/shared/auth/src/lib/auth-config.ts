import { z } from 'zod';
import type { AuthConfig } from './token-verifier';

export const DEV_AUTH_SECRET = 'nets-local-development-signing-key-not-for-production';
export const DEFAULT_ISSUER = 'nets-dev';
export const DEFAULT_AUDIENCE = 'nets';

/** Environment variables for token verification, shared by the gateway and every subgraph. */
export const authConfigSchema = z.object({
  AUTH_JWKS_URL: z.url().optional(),
  AUTH_DEV_SECRET: z.string().min(32).optional(),
  AUTH_ISSUER: z.string().default(DEFAULT_ISSUER),
  AUTH_AUDIENCE: z.string().default(DEFAULT_AUDIENCE),
});

/** Production must verify tokens against the identity provider, never the development key. */
export function productionAuthProblems(config: {
  NETS_ENV: string;
  AUTH_JWKS_URL?: string;
  AUTH_DEV_SECRET?: string;
}): string[] {
  if (config.NETS_ENV !== 'production') return [];
  return [
    ...(config.AUTH_JWKS_URL ? [] : ['AUTH_JWKS_URL is required in production']),
    ...(config.AUTH_DEV_SECRET ? ['AUTH_DEV_SECRET must not be set in production'] : []),
  ];
}

export function toAuthConfig(
  env: z.output<typeof authConfigSchema>,
  netsEnv: 'development' | 'test' | 'production',
): AuthConfig {
  if (netsEnv === 'production') {
    if (!env.AUTH_JWKS_URL) throw new Error('AUTH_JWKS_URL is required in production');
    if (env.AUTH_DEV_SECRET) throw new Error('AUTH_DEV_SECRET must not be set in production');
    return { jwksUrl: env.AUTH_JWKS_URL, issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE };
  }
  return {
    ...(env.AUTH_JWKS_URL
      ? { jwksUrl: env.AUTH_JWKS_URL }
      : { devSecret: env.AUTH_DEV_SECRET ?? DEV_AUTH_SECRET }),
    issuer: env.AUTH_ISSUER,
    audience: env.AUTH_AUDIENCE,
  };
}
