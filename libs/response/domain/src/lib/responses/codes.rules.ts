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

/**
 * Keys of objects sorted as `localeCompare` sorts them, remembered per key list: a submission's objects have a
 * few shapes, sorted once instead of per object per request (the fingerprint was ~3% of the response
 * service's CPU per submission). The output is unchanged: fingerprints stored before still match.
 */
const sortedKeyLists = new Map<string, readonly string[]>();
const MAX_KEY_LISTS = 1000;

function sortedKeys(value: object): readonly string[] {
  const keys = Object.keys(value);
  const signature = keys.join('\u0000');
  let sorted = sortedKeyLists.get(signature);
  if (!sorted) {
    sorted = [...keys].sort((a, b) => a.localeCompare(b));
    if (sortedKeyLists.size < MAX_KEY_LISTS) sortedKeyLists.set(signature, sorted);
  }
  return sorted;
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) {
    // As `value.map(stableJson).join(',')`: what JSON cannot write (undefined) is an empty element.
    let out = '[';
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) out += ',';
      out += stableJson(value[index]) ?? '';
    }
    return `${out}]`;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    let out = '{';
    let first = true;
    for (const key of sortedKeys(record)) {
      const element = record[key];
      if (element === undefined || element === null) continue;
      if (!first) out += ',';
      first = false;
      out += `${JSON.stringify(key)}:${stableJson(element)}`;
    }
    return `${out}}`;
  }
  return JSON.stringify(value);
}
