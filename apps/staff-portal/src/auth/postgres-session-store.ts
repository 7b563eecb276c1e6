import type { DataSource } from 'typeorm';
import { newSessionId, SessionTable } from '@nets/web/sessions';
import { STAFF_SESSION_TABLE } from './session-database';
import type { SessionStore, StaffSession } from './staff-session';

export interface PostgresSessionStoreOptions {
  dataSource: DataSource;
  /** A session ends after this long without a request. */
  ttlMs: number;
  /** How often expired rows are deleted. */
  sweepIntervalMs?: number;
}

/**
 * Staff sessions in PostgreSQL, so any portal replica serves any request without sticky sessions. Every read
 * slides the session's expiry; every change (sign-in, refreshed tokens) is written before the reply leaves.
 * A session is stored only once saved: the sign-in routes save what they create.
 */
export function createPostgresSessionStore(options: PostgresSessionStoreOptions): SessionStore {
  const table = new SessionTable<StaffSession>(options.dataSource, STAFF_SESSION_TABLE);
  const stopSweeping = table.sweepEvery(options.sweepIntervalMs ?? 10 * 60_000);
  return {
    async get(id) {
      if (!id) return undefined;
      const data = await table.readAndTouch(id, options.ttlMs);
      return data && { ...data, id };
    },
    create: async () => ({ id: newSessionId() }),
    save: (session) => table.write([{ id: session.id, data: session }], options.ttlMs),
    delete: (id) => table.remove([id]),
    async close() {
      stopSweeping();
      await options.dataSource.destroy();
    },
  };
}
