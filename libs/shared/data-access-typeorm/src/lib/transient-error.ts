import { postgresErrorCode } from './postgres-errors';

/**
 * Errors worth retrying forever because the database is briefly unavailable or contended, as opposed to
 * a message or request that will fail the same way every time.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  const code = postgresErrorCode(error);
  if (code !== undefined) {
    if (code.startsWith('08')) return true; // connection exceptions
    if (['40001', '40P01', '57P01', '57P02', '57P03', '53300', '55P03'].includes(code)) return true;
    if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(code)) return true;
  }
  const message = error instanceof Error ? error.message : '';
  return /timeout exceeded when trying to connect|Connection terminated|connection is closed/i.test(message);
}
