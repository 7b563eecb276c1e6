import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import type { ProfileWindow } from './profile-summary';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  reference?: { name: string; value: number };
  target?: string;
  note?: string;
}

/** The rows of one part of the suite and, where a target is missed, by how much and what the bottleneck is. */
export interface BenchSection {
  rows: BenchRow[];
  findings: string[];
  /** When the measured loads ran (monotonic µs), for the BENCH_CPU_PROF summaries. */
  profileWindows?: ProfileWindow[];
}

export const DATABASE_SERVER = process.env['DATABASE_SERVER_URL'] ?? 'postgres://postgres@127.0.0.1:5432';
export const BROKERS = process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092';

export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(3).toString('hex')}`;
}

export interface LoadResult {
  /** Good responses (2xx, and with the expected text when one is given) per second. */
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** The start of the first body without the expected text, to say what went wrong. */
  failureSample?: string;
}

/** Bounded load on a loopback address: fixed connections and duration, then it stops by itself. */
export async function load(options: {
  url: string;
  body: string;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
  /** Text every good response body contains (a GraphQL error is an HTTP 200): others count as errors. */
  expect?: string;
}): Promise<LoadResult> {
  const { expect } = options;
  let failureSample: string | undefined;
  const verifyBody = (body: string | Buffer | undefined) => {
    const text = String(body ?? '');
    if (expect === undefined || text.includes(expect)) return true;
    failureSample ??= text.slice(0, 300);
    return false;
  };
  const result = await autocannon({
    url: options.url,
    method: 'POST',
    body: options.body,
    headers: { 'content-type': 'application/json', ...options.headers },
    connections: options.connections,
    duration: options.seconds,
    verifyBody,
  });
  return {
    requestsPerSecond: (result['2xx'] - result.mismatches) / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.mismatches,
    non2xx: result.non2xx,
    failureSample,
  };
}

/** Starts an app as its own process (as in production), resolving once it answers the probe. */
export async function startApp(
  script: string,
  env: Record<string, string>,
  port: number,
  probe: '/readyz' | '/healthz' = '/readyz',
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', script], {
    env: {
      ...process.env,
      SWC_NODE_PROJECT: 'tsconfig.base.json',
      LOG_LEVEL: 'warn',
      NETS_ENV: 'test',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}${probe}`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  child.kill('SIGKILL');
  throw new Error(`${script} was not ready on port ${port}`);
}

export async function stopApp(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

export function formatTable(rows: readonly BenchRow[]): string {
  const lines = [
    '| benchmark | result | reference (same run) | ratio | target |',
    '|---|---|---|---|---|',
    ...rows.map((row) => {
      const value = `${round(row.value)} ${row.unit}`;
      const reference = row.reference
        ? `${row.reference.name}: ${round(row.reference.value)} ${row.unit}`
        : '—';
      const ratio =
        row.reference && row.reference.value > 0 ? `${(row.value / row.reference.value).toFixed(2)}×` : '—';
      return `| ${row.name} | ${value} | ${reference} | ${ratio} | ${row.target ?? '—'}${row.note ? ` (${row.note})` : ''} |`;
    }),
  ];
  return lines.join('\n');
}

function round(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en-GB') : value.toFixed(1);
}
