import autocannon from 'autocannon';
import { Client } from 'pg';

export interface LatencyResult {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function summarise(times: number[], seconds: number, errors: number): LatencyResult {
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    requestsPerSecond: times.length / seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors,
  };
}

/**
 * Bounded load on a loopback address, as bench-kit's `load` (fixed connections and duration), but keeping
 * every response time: autocannon's histogram reports p90 and p97.5, not the p95 the targets are set on.
 */
export async function gatewayLatency(options: {
  url: string;
  body: string;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
}): Promise<LatencyResult> {
  if (!/^http:\/\/127\.0\.0\.1:/.test(options.url)) throw new Error('load is for 127.0.0.1 only');
  const times: number[] = [];
  let failed = 0;
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        method: 'POST',
        body: options.body,
        headers: { 'content-type': 'application/json', ...options.headers },
        connections: options.connections,
        duration: options.seconds,
      },
      (error: unknown) =>
        error ? reject(error instanceof Error ? error : new Error('autocannon failed')) : resolve(),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) times.push(responseTime);
      else failed += 1;
    });
    instance.on('reqError', () => {
      failed += 1;
    });
  });
  return summarise(times, options.seconds, failed);
}

/** The same read as plain SQL, each of `connections` clients looping for `seconds`. */
export async function sqlLatency(options: {
  connectionString: string;
  sql: string;
  params: unknown[];
  connections: number;
  seconds: number;
}): Promise<LatencyResult & { rows: number }> {
  const clients = await Promise.all(
    Array.from({ length: options.connections }, async () => {
      const client = new Client({ connectionString: options.connectionString });
      await client.connect();
      return client;
    }),
  );
  const times: number[] = [];
  let rows = 0;
  try {
    // One untimed run per client, so plan caching and a cold buffer cache are not the measure.
    for (const client of clients) rows = (await client.query(options.sql, options.params)).rowCount ?? 0;
    const deadline = Date.now() + options.seconds * 1000;
    await Promise.all(
      clients.map(async (client) => {
        while (Date.now() < deadline) {
          const start = process.hrtime.bigint();
          await client.query(options.sql, options.params);
          times.push(Number(process.hrtime.bigint() - start) / 1e6);
        }
      }),
    );
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
  return { ...summarise(times, options.seconds, 0), rows };
}
