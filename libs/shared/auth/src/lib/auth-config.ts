import { z } from 'zod';
import { ASYMMETRIC_ALGORITHMS, type AuthConfig } from './token-verifier';

export const DEV_AUTH_SECRET = 'nets-local-development-signing-key-not-for-production';
export const DEFAULT_ISSUER = 'nets-dev';
export const DEFAULT_AUDIENCE = 'nets';
/** Twelve hours: a working day with margin; longer-lived tokens are refused. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 12 * 60 * 60;
export const DEFAULT_CLOCK_SKEW_SECONDS = 60;

const algorithmList = z
  .string()
  .default(ASYMMETRIC_ALGORITHMS.join(','))
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(z.enum(ASYMMETRIC_ALGORITHMS))
      .min(1, 'AUTH_JWT_ALGORITHMS needs at least one asymmetric algorithm'),
  );

/** Environment variables for token verification, shared by the gateway and every subgraph. */
export const authConfigSchema = z.object({
  AUTH_JWKS_URL: z.url().optional(),
  AUTH_DEV_SECRET: z.string().min(32).optional(),
  AUTH_ISSUER: z.string().default(DEFAULT_ISSUER),
  AUTH_AUDIENCE: z.string().default(DEFAULT_AUDIENCE),
  /** Algorithms accepted from the JWKS keys (the development key is always HS256 only). */
  AUTH_JWT_ALGORITHMS: algorithmList,
  /** Longest accepted token lifetime (`exp` − `iat`, and `exp` − now). */
  AUTH_MAX_TOKEN_LIFETIME_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(DEFAULT_MAX_TOKEN_LIFETIME_SECONDS),
  /** Tolerance for `exp`, `nbf` and `iat` against this machine's clock. */
  AUTH_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(600).default(DEFAULT_CLOCK_SKEW_SECONDS),
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
  const limits = {
    issuer: env.AUTH_ISSUER,
    audience: env.AUTH_AUDIENCE,
    maxLifetimeSeconds: env.AUTH_MAX_TOKEN_LIFETIME_SECONDS,
    clockSkewSeconds: env.AUTH_CLOCK_SKEW_SECONDS,
  };
  if (netsEnv === 'production') {
    if (!env.AUTH_JWKS_URL) throw new Error('AUTH_JWKS_URL is required in production');
    if (env.AUTH_DEV_SECRET) throw new Error('AUTH_DEV_SECRET must not be set in production');
    return { jwksUrl: env.AUTH_JWKS_URL, algorithms: env.AUTH_JWT_ALGORITHMS, ...limits };
  }
  if (env.AUTH_JWKS_URL && env.AUTH_DEV_SECRET) {
    // The development identity provider's tokens and the test helpers' HS256 tokens (issued as nets-dev), both.
    return {
      jwksUrl: env.AUTH_JWKS_URL,
      algorithms: env.AUTH_JWT_ALGORITHMS,
      devSecret: env.AUTH_DEV_SECRET,
      devIssuer: DEFAULT_ISSUER,
      ...limits,
    };
  }
  return {
    ...(env.AUTH_JWKS_URL
      ? { jwksUrl: env.AUTH_JWKS_URL, algorithms: env.AUTH_JWT_ALGORITHMS }
      : { devSecret: env.AUTH_DEV_SECRET ?? DEV_AUTH_SECRET }),
    ...limits,
  };
}
