import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import { z } from 'zod';

/**
 * The development identity provider's private signing keys: a JWKS file (private members included) that it
 * creates on first start and reads on every later one, so a restart keeps the tokens it issued valid. The
 * development tools read the same file to mint tokens "signed by the same provider". Never for production,
 * where the keys live in the real identity provider.
 */
export interface PrivateJwks {
  keys: JWK[];
}

export const SIGNING_ALGORITHM = 'RS256';

/** Where `npm start` runs the development identity provider, and where it keeps its keys (relative to the repo). */
export const DEVELOPMENT_IDENTITY_PROVIDER = {
  port: 4300,
  issuer: 'http://127.0.0.1:4300',
  keysFile: '.data/identity-provider/signing-keys.json',
} as const;

const privateJwksSchema = z.object({
  keys: z
    .array(
      z.looseObject({
        kty: z.string(),
        kid: z.string().min(1),
        alg: z.string().min(1),
        d: z.string().min(1, 'every key must be a private key (d)'),
      }),
    )
    .min(1, 'the file holds no key'),
});

/** The keys in `path`; a clear error naming the file when it is missing or not a private JWKS. */
export function readSigningKeys(path: string): PrivateJwks {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(
      `No signing keys at ${path}: start the identity provider once (it creates them), or set IDP_KEYS_FILE.`,
    );
  }
  const parsed = privateJwksSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new Error(`${path} is not a private JWKS: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  return parsed.data as PrivateJwks;
}

/** The key new tokens are signed with: the first of the set (rotation puts the new key first). */
export const currentSigningKey = (jwks: PrivateJwks): JWK => jwks.keys[0];

/** Reads the keys in `path`, or creates the file with one fresh key (mode 0600) when there is none. */
export async function loadOrCreateSigningKeys(path: string): Promise<PrivateJwks> {
  if (existsSync(path)) return readSigningKeys(path);
  const { privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true, modulusLength: 2048 });
  const jwk = await exportJWK(privateKey);
  const jwks: PrivateJwks = {
    keys: [{ ...jwk, kid: await calculateJwkThumbprint(jwk), alg: SIGNING_ALGORITHM, use: 'sig' }],
  };
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    // `wx`: when two processes start at once, the second reads what the first wrote.
    writeFileSync(path, `${JSON.stringify(jwks, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readSigningKeys(path);
    throw error;
  }
  return jwks;
}
