import type { DataSource } from 'typeorm';
import {
  addScrapeCollector,
  databaseQueries,
  dbPoolConnections,
  metricsRecording,
  outboxBacklog,
  outboxOldestAge,
} from '@nets/shared/observability';

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  on(event: 'acquire', listener: (client: PgClient) => void): void;
}

type QueryCallback = (error: Error | null, result: unknown) => void;
interface PgClient {
  query: (...args: unknown[]) => unknown;
}

const instrumented = new WeakSet<PgClient>();

/**
 * The service's database in its metrics: the pool's connections (in use, idle, requests waiting) at each scrape,
 * every query's latency, and the outbox's backlog and the age of its oldest unsent row. Call once the
 * DataSource is initialised; the returned function unregisters the scrape collectors.
 */
export function instrumentDataSource(dataSource: DataSource): () => void {
  const pool = (dataSource.driver as unknown as { master?: PgPool }).master;
  if (!pool) return () => undefined;
  pool.on('acquire', (client) => {
    if (instrumented.has(client)) return;
    instrumented.add(client);
    client.query = timedQuery(client.query.bind(client));
  });
  const unregisterPool = addScrapeCollector(async () => {
    dbPoolConnections.labels({ state: 'total' }).set(pool.totalCount);
    dbPoolConnections.labels({ state: 'idle' }).set(pool.idleCount);
    dbPoolConnections.labels({ state: 'waiting' }).set(pool.waitingCount);
  });
  const unregisterOutbox = addScrapeCollector(outboxCollector(dataSource));
  return () => {
    unregisterPool();
    unregisterOutbox();
  };
}

/** pg's `query` in callback or promise form, timed either way. */
function timedQuery(query: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
  return (...args: unknown[]) => {
    if (!metricsRecording()) return query(...args);
    const start = process.hrtime.bigint();
    const observe = (outcome: 'ok' | 'error') =>
      databaseQueries.labels({ outcome }).observe(Number(process.hrtime.bigint() - start) / 1e9);
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      const callback = last as QueryCallback;
      args[args.length - 1] = (error: Error | null, result: unknown) => {
        observe(error ? 'error' : 'ok');
        callback(error, result);
      };
      return query(...args);
    }
    const result = query(...args);
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      (result as Promise<unknown>).then(
        () => observe('ok'),
        () => observe('error'),
      );
    }
    return result;
  };
}

/**
 * Rows of learner actions carry only the day in `created_at`, so the age of the oldest unsent row is measured
 * from when this process first saw it waiting (at a scrape or a relay pass), not from its timestamp: the
 * gauge is exact to one scrape interval and never exposes a learner's time.
 */
function outboxCollector(dataSource: DataSource): () => Promise<void> {
  let oldest: { id: string; seenAt: number } | undefined;
  return async () => {
    const [row] = await dataSource.query<Array<{ backlog: string; oldest: string | null }>>(
      `SELECT count(*) AS backlog, min(id) AS oldest FROM outbox_message WHERE published_at IS NULL`,
    );
    outboxBacklog.set(Number(row?.backlog ?? 0));
    if (!row?.oldest) {
      oldest = undefined;
      outboxOldestAge.set(0);
      return;
    }
    if (oldest?.id !== row.oldest) oldest = { id: row.oldest, seenAt: Date.now() };
    outboxOldestAge.set((Date.now() - oldest.seenAt) / 1000);
  };
}
