// How the development tools (dev-token, the demo seed, the dataset loader) sign their tokens.
import { existsSync } from 'node:fs';
import {
  currentSigningKey,
  DEFAULT_AUDIENCE,
  DEFAULT_ISSUER,
  DEV_AUTH_SECRET,
  DEVELOPMENT_IDENTITY_PROVIDER,
  mintDevToken,
  readSigningKeys,
  type DevTokenClaims,
} from '@nets/shared/auth';

export type Signer = 'provider' | 'dev-key';

/**
 * `provider`: with the development identity provider's own key (AUTH_SIGNING_KEYS_FILE, else its default
 * keys file) and its issuer (AUTH_ISSUER, else http://127.0.0.1:4300): what the `npm start` platform, which
 * verifies by the provider's JWKS only, accepts. `dev-key`: HS256 with AUTH_DEV_SECRET (or the built-in
 * development key), issuer AUTH_ISSUER or nets-dev: what test platforms accept. Never production.
 *
 * Scripts sign as their environment says: `provider` when AUTH_SIGNING_KEYS_FILE is set (`npm start` sets it
 * for the demo seed), else `dev-key`.
 */
export const signerFromEnv = (env: NodeJS.ProcessEnv = process.env): Signer =>
  env['AUTH_SIGNING_KEYS_FILE'] ? 'provider' : 'dev-key';

/** A person at the command line means the platform `npm start` runs: its provider's key when the file exists. */
export function interactiveSigner(env: NodeJS.ProcessEnv = process.env): Signer {
  if (env['AUTH_SIGNING_KEYS_FILE'] || env['AUTH_DEV_SECRET']) return signerFromEnv(env);
  return existsSync(DEVELOPMENT_IDENTITY_PROVIDER.keysFile) ? 'provider' : 'dev-key';
}

export function mintToolToken(
  claims: DevTokenClaims,
  options: { signer?: Signer; expiresIn?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<string> {
  const env = options.env ?? process.env;
  const audience = env['AUTH_AUDIENCE'] ?? DEFAULT_AUDIENCE;
  if ((options.signer ?? signerFromEnv(env)) === 'provider') {
    const keys = readSigningKeys(env['AUTH_SIGNING_KEYS_FILE'] ?? DEVELOPMENT_IDENTITY_PROVIDER.keysFile);
    return mintDevToken(claims, {
      signingKey: currentSigningKey(keys),
      issuer: env['AUTH_ISSUER'] ?? DEVELOPMENT_IDENTITY_PROVIDER.issuer,
      audience,
      expiresIn: options.expiresIn,
    });
  }
  return mintDevToken(claims, {
    devSecret: env['AUTH_DEV_SECRET'] ?? DEV_AUTH_SECRET,
    issuer: env['AUTH_ISSUER'] ?? DEFAULT_ISSUER,
    audience,
    expiresIn: options.expiresIn,
  });
}
