import { BadUserInputError } from '@nets/shared/util-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface RegistryCursor {
  name: string;
  id: string;
}

/** Opaque keyset cursors over the registry's order (name, id): stable while organisations are added. */
export function encodeCursor(cursor: RegistryCursor): string {
  return Buffer.from(JSON.stringify([cursor.name, cursor.id])).toString('base64url');
}

export function decodeCursor(value: string): RegistryCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      parsed.every((part) => typeof part === 'string') &&
      !parsed[0].includes('\u0000') &&
      parsed[0].length <= 1000 &&
      UUID.test(parsed[1])
    ) {
      return { name: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new BadUserInputError('The cursor is not one this API returned.', [
    { path: 'after', message: 'invalid cursor' },
  ]);
}
