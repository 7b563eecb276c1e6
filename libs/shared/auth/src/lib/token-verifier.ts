import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  importJWK,
  jwtVerify,
  SignJWT,
  errors as joseErrors,
  type JWK,
  type JWTPayload,
  type JWTVerifyOptions,
} from 'jose';
import { UnauthenticatedError } from '@nets/shared/util-errors';
import {
  ANONYMOUS,
  REGIONS,
  ROLES,
  type Identity,
  type Region,
  type Role,
  type UserIdentity,
} from './identity';

/** Signature algorithms an identity provider's published keys may use; never a shared-secret one. */
export const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
] as const;
export type AsymmetricAlgorithm = (typeof ASYMMETRIC_ALGORITHMS)[number];

/** The development key signs HS256 and nothing else. */
const DEVELOPMENT_ALGORITHMS = ['HS256'];

export interface AuthConfig {
  /** Production: the identity provider's JWKS. */
  jwksUrl?: string;
  /** Algorithms accepted from the JWKS keys (default: every asymmetric one). Ignored for the development key. */
  algorithms?: readonly AsymmetricAlgorithm[];
  /**
   * Development and tests: a shared HS256 key. Refused in production by the config schema. With a JWKS as
   * well, a token is checked against the one its `alg` names: HS256 against this key, any other against the JWKS.
   */
  devSecret?: string;
  issuer: string;
  /** The `iss` of development-key tokens when a JWKS is configured too (default: `issuer`). */
  devIssuer?: string;
  audience: string;
  /** Longest accepted lifetime of a token, in seconds (default 12 h). */
  maxLifetimeSeconds?: number;
  /** Tolerance for `exp`, `nbf` and `iat` against this clock, in seconds (default 60). */
  clockSkewSeconds?: number;
}

export interface TokenVerifier {
  /** Anonymous when there is no token; throws UnauthenticatedError when a token is present but not valid. */
  identify(authorizationHeader: string | undefined): Promise<Identity>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createTokenVerifier(config: AuthConfig): TokenVerifier {
  const maxLifetime = config.maxLifetimeSeconds ?? 12 * 60 * 60;
  const skew = config.clockSkewSeconds ?? 60;
  const jwks = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : undefined;
  const secret = config.devSecret ? new TextEncoder().encode(config.devSecret) : undefined;
  if (!jwks && !secret) {
    throw new Error('Auth needs either a JWKS URL or a development secret');
  }
  const common = { audience: config.audience, requiredClaims: ['exp'], clockTolerance: skew };
  const jwksOptions: JWTVerifyOptions = {
    ...common,
    issuer: config.issuer,
    algorithms: [...(config.algorithms ?? ASYMMETRIC_ALGORITHMS)],
  };
  const devOptions: JWTVerifyOptions = {
    ...common,
    issuer: config.devIssuer ?? config.issuer,
    algorithms: DEVELOPMENT_ALGORITHMS,
  };
  const verify = async (token: string) => {
    // With both configured, the header's alg picks the key; each path still pins its own algorithms.
    const useDevKey = secret && (!jwks || headerAlgorithm(token) === 'HS256');
    return useDevKey
      ? jwtVerify(token, secret, devOptions)
      : jwtVerify(token, jwks as NonNullable<typeof jwks>, jwksOptions);
  };
  return {
    async identify(header) {
      if (header === undefined || header.trim() === '') return ANONYMOUS;
      const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
      if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>".');
      let payload: JWTPayload;
      try {
        payload = (await verify(match[1])).payload;
      } catch (error) {
        throw new UnauthenticatedError(describeJoseError(error));
      }
      checkLifetime(payload, maxLifetime, skew);
      return identityFromClaims(payload);
    },
  };
}

function headerAlgorithm(token: string): string | undefined {
  try {
    return decodeProtectedHeader(token).alg;
  } catch {
    return undefined;
  }
}

/** `exp` is required by jose above; here its distance from `iat` and from now, and `iat` not ahead of us. */
function checkLifetime(payload: JWTPayload, maxLifetime: number, skew: number): void {
  const now = Math.floor(Date.now() / 1000);
  const exp = payload.exp as number;
  if (payload.iat !== undefined && payload.iat > now + skew) {
    throw new UnauthenticatedError('The token was refused: it was issued in the future (iat).');
  }
  if (exp - now > maxLifetime + skew || (payload.iat !== undefined && exp - payload.iat > maxLifetime)) {
    throw new UnauthenticatedError(
      `The token was refused: it lives longer than ${maxLifetime} seconds, the most allowed.`,
    );
  }
}

function describeJoseError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'The token has expired.';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `The token was refused: ${error.message}.`;
  if (error instanceof joseErrors.JOSEAlgNotAllowed)
    return 'The token was refused: its algorithm is not accepted.';
  return 'The token could not be verified.';
}

const NATIONAL_ROLES: readonly Role[] = ['NATIONAL_ANALYST', 'ADMIN'];
const ORGANISATION_ROLES: readonly Role[] = ['PROVIDER_USER', 'EDUCATION_PROVIDER_USER'];

/**
 * The identity a verified token's claims describe. A token whose scope claims do not fit its role is
 * refused rather than trimmed: an `org` on a national role or a `region` on a provider role is a
 * misconfigured identity provider, and guessing which claim it meant would widen or narrow access silently.
 */
export function identityFromClaims(payload: JWTPayload): UserIdentity {
  const role = payload['role'];
  if (typeof payload.sub !== 'string' || payload.sub === '' || !ROLES.includes(role as Role)) {
    throw new UnauthenticatedError('The token names no known role.');
  }
  const identity: UserIdentity = { kind: 'user', subject: payload.sub, role: role as Role };
  const org = payload['org'];
  const region = payload['region'];
  const name = payload['name'];
  if (org !== undefined) {
    if (!ORGANISATION_ROLES.includes(identity.role)) {
      throw new UnauthenticatedError(`A ${identity.role} token must not name an organisation (org claim).`);
    }
    if (typeof org !== 'string' || !UUID.test(org)) {
      throw new UnauthenticatedError("The token's org claim must be an organisation id (a UUID).");
    }
    identity.organisationId = org.toLowerCase();
  }
  if (region !== undefined) {
    if (identity.role !== 'QUALITY_TEAM') {
      throw new UnauthenticatedError(`A ${identity.role} token must not name a region (region claim).`);
    }
    if (typeof region !== 'string' || !REGIONS.includes(region as Region)) {
      throw new UnauthenticatedError(`The token's region claim must be one of ${REGIONS.join(', ')}.`);
    }
    identity.region = region as Region;
  }
  if (typeof name === 'string') identity.name = name;
  if (ORGANISATION_ROLES.includes(identity.role) && !identity.organisationId) {
    throw new UnauthenticatedError(`A ${identity.role} token must name its organisation (org claim).`);
  }
  if (identity.role === 'QUALITY_TEAM' && !identity.region) {
    throw new UnauthenticatedError('A QUALITY_TEAM token must name its region (region claim).');
  }
  if (NATIONAL_ROLES.includes(identity.role) && (identity.organisationId || identity.region)) {
    throw new UnauthenticatedError(`A ${identity.role} token must name neither organisation nor region.`);
  }
  return identity;
}

export interface DevTokenClaims {
  role: Role;
  subject?: string;
  organisationId?: string;
  region?: Region;
  name?: string;
}

/**
 * What signs a development token: the shared development key (HS256), or the development identity
 * provider's own private key (a JWK from its signing-keys file), so the token is one its JWKS verifies.
 */
export type DevTokenSigner = { devSecret: string } | { signingKey: JWK };

/** Mints a token for local use, tests and the dev-token tool; never for production. */
export async function mintDevToken(
  claims: DevTokenClaims,
  config: DevTokenSigner & { issuer: string; audience: string; expiresIn?: string },
): Promise<string> {
  const jwt = new SignJWT({
    role: claims.role,
    ...(claims.organisationId ? { org: claims.organisationId } : {}),
    ...(claims.region ? { region: claims.region } : {}),
    ...(claims.name ? { name: claims.name } : {}),
  })
    .setSubject(claims.subject ?? `dev-${claims.role.toLowerCase()}`)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt()
    .setExpirationTime(config.expiresIn ?? '12h');
  if ('devSecret' in config) {
    return jwt.setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(config.devSecret));
  }
  const { signingKey } = config;
  if (!signingKey.alg || !signingKey.kid) throw new Error('The signing key must name its alg and kid');
  return jwt
    .setProtectedHeader({ alg: signingKey.alg, kid: signingKey.kid, typ: 'JWT' })
    .sign(await importJWK(signingKey, signingKey.alg));
}
