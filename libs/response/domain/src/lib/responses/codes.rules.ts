import { createHash, randomBytes, randomInt } from 'node:crypto';

// Crockford base32 without I, L, O, U: easy to read back over the phone.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomGroups(groups: number, size = 4): string {
  const parts: string[] = [];
  for (let g = 0; g < groups; g += 1) {
    let part = '';
    for (let i = 0; i < size; i += 1) part += ALPHABET[randomInt(ALPHABET.length)];
    parts.push(part);
  }
  return parts.join('-');
}

/** Random, about 80 bits: proves submission without pointing at the response. */
export const newReceiptCode = (): string => `R-${randomGroups(4)}`;

/** Random and unrelated to the receipt, so a concern cannot be joined to a response by its codes. */
export const newFollowUpCode = (): string => `SC-${randomGroups(4)}`;

/** 256 bits: unguessable. Only its hash is stored. */
export const newResumeToken = (): string => randomBytes(32).toString('base64url');

export const sha256Hex = (value: string): string => createHash('sha256').update(value).digest('hex');

/** A stable fingerprint of a request, to tell a retry from a different submission reusing a key. */
export function fingerprint(value: unknown): string {
  return sha256Hex(stableJson(value));
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
