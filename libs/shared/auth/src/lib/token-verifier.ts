import { createRemoteJWKSet, jwtVerify, SignJWT, errors as joseErrors, type JWTPayload } from 'jose';
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

export interface AuthConfig {
  /** Production: the identity provider's JWKS. */
  jwksUrl?: string;
  /** Development and tests: a shared HS256 key. Refused in production by the config schema. */
  devSecret?: string;
  issuer: string;
  audience: string;
}

export interface TokenVerifier {
  /** Anonymous when there is no token; throws UnauthenticatedError when a token is present but not valid. */
  identify(authorizationHeader: string | undefined): Promise<Identity>;
}

export function createTokenVerifier(config: AuthConfig): TokenVerifier {
  const key = config.jwksUrl
    ? createRemoteJWKSet(new URL(config.jwksUrl))
    : config.devSecret
      ? new TextEncoder().encode(config.devSecret)
      : undefined;
  if (!key) {
    throw new Error('Auth needs either a JWKS URL or a development secret');
  }
  return {
    async identify(header) {
      if (header === undefined || header.trim() === '') return ANONYMOUS;
      const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
      if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>".');
      let payload: JWTPayload;
      try {
        const verified =
          key instanceof Uint8Array
            ? await jwtVerify(match[1], key, { issuer: config.issuer, audience: config.audience })
            : await jwtVerify(match[1], key, { issuer: config.issuer, audience: config.audience });
        payload = verified.payload;
      } catch (error) {
        throw new UnauthenticatedError(describeJoseError(error));
      }
      return identityFromClaims(payload);
    },
  };
}

function describeJoseError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'The token has expired.';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `The token was refused: ${error.message}.`;
  return 'The token could not be verified.';
}

export function identityFromClaims(payload: JWTPayload): UserIdentity {
  const role = payload['role'];
  if (typeof payload.sub !== 'string' || !ROLES.includes(role as Role)) {
    throw new UnauthenticatedError('The token names no known role.');
  }
  const identity: UserIdentity = { kind: 'user', subject: payload.sub, role: role as Role };
  const org = payload['org'];
  const region = payload['region'];
  const name = payload['name'];
  if (typeof org === 'string') identity.organisationId = org;
  if (typeof region === 'string' && REGIONS.includes(region as Region)) identity.region = region as Region;
  if (typeof name === 'string') identity.name = name;
  if (
    (identity.role === 'PROVIDER_USER' || identity.role === 'EDUCATION_PROVIDER_USER') &&
    !identity.organisationId
  ) {
    throw new UnauthenticatedError(`A ${identity.role} token must name its organisation (org claim).`);
  }
  if (identity.role === 'QUALITY_TEAM' && !identity.region) {
    throw new UnauthenticatedError('A QUALITY_TEAM token must name its region (region claim).');
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

/** Mints a token signed with the development key: for local use, tests and the dev-token tool. */
export async function mintDevToken(
  claims: DevTokenClaims,
  config: { devSecret: string; issuer: string; audience: string; expiresIn?: string },
): Promise<string> {
  const jwt = new SignJWT({
    role: claims.role,
    ...(claims.organisationId ? { org: claims.organisationId } : {}),
    ...(claims.region ? { region: claims.region } : {}),
    ...(claims.name ? { name: claims.name } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.subject ?? `dev-${claims.role.toLowerCase()}`)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt()
    .setExpirationTime(config.expiresIn ?? '12h');
  return jwt.sign(new TextEncoder().encode(config.devSecret));
}
