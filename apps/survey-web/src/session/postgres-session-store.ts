import { LRUCache } from 'lru-cache';
import type { DataSource } from 'typeorm';
import {
  forgetSubmission,
  newLearnerSession,
  type LearnerSession,
  type SessionStore,
} from './learner-session';
import { SessionTable } from '@nets/web/sessions';
import { LEARNER_SESSION_TABLE } from './session-database';

export interface PostgresSessionStoreOptions {
  dataSource: DataSource;
  ttlMs: number;
  /** Sessions kept in this process between their request's load and the next (a working set, not the truth). */
  max: number;
  /** How often expired rows are deleted. */
  sweepIntervalMs?: number;
}

/**
 * Sessions in PostgreSQL, so any replica serves any learner. Each request's session is read before its handler
 * and every session a request handed out is written back before the reply leaves (with a fresh expiry), so the
 * page the learner is sent to next finds it, whichever replica serves it. Two requests of one session at once
 * (the browser's background copy and a form post) are rare; the later write wins, as with one process.
 */
export function createPostgresSessionStore(options: PostgresSessionStoreOptions): SessionStore {
  const { ttlMs } = options;
  const table = new SessionTable<LearnerSession>(options.dataSource, LEARNER_SESSION_TABLE);
  const working = new LRUCache<string, LearnerSession>({ max: options.max, ttl: ttlMs });
  /** Handed out since the last flush: a page may change a session in place without telling the store. */
  const used = new Map<string, LearnerSession>();
  const deleted = new Set<string>();
  const writing = new Set<Promise<unknown>>();

  const track = (write: Promise<unknown>) => {
    writing.add(write);
    void write.then(
      () => writing.delete(write),
      () => writing.delete(write),
    );
  };
  const handOut = (session: LearnerSession) => {
    working.set(session.id, session);
    used.set(session.id, session);
    return session;
  };
  const stopSweeping = table.sweepEvery(options.sweepIntervalMs ?? 10 * 60_000);

  return {
    get(id) {
      const session = id ? working.get(id) : undefined;
      return session && handOut(session);
    },
    create: () => handOut(newLearnerSession()),
    touch(session) {
      forgetSubmission(session);
      handOut(session);
    },
    delete(id) {
      working.delete(id);
      used.delete(id);
      deleted.add(id);
    },
    async load(id) {
      if (!id) return;
      const data = await table.read(id);
      if (data) working.set(id, { ...data, id });
      else working.delete(id);
    },
    async flush() {
      if (used.size > 0) {
        const sessions = [...used.values()];
        used.clear();
        track(
          table.write(
            sessions.map((session) => ({ id: session.id, data: session })),
            ttlMs,
          ),
        );
      }
      if (deleted.size > 0) {
        const ids = [...deleted];
        deleted.clear();
        track(table.remove(ids));
      }
      // Writes begun by another request's flush may carry this request's session: wait for them too.
      await Promise.all([...writing]);
    },
    async close() {
      stopSweeping();
      await Promise.all([...writing].map((write) => write.catch(() => undefined)));
      working.clear();
    },
  };
}
