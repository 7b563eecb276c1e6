import { createHash, timingSafeEqual } from 'node:crypto';

/** Constant-time comparison of the gateway's shared secret. */
export function hasGatewayProof(presented: string | string[] | undefined, expected: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
