// The whole platform for the benchmarks, as production runs it and as the end-to-end journeys start it
// (`startProcessPlatform`): each subgraph its own process on a fresh database, the gateway in front, a topic
// prefix of its own, never on the `npm start` ports. BENCH_CPU_PROF=gateway,response (names, or `all`) writes
// V8 CPU profiles of those processes to .data/bench-profiles when they stop.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, startProcessPlatform, type ProcessPlatform } from '@nets/shared/testing';
import { BROKERS } from './bench-kit';

export { REPO_ROOT, freePorts } from '@nets/shared/testing';

// Under .data/ (ignored by git): a profile is megabytes.
export const PROFILE_DIR = join(REPO_ROOT, '.data/bench-profiles');

export type BenchPlatform = ProcessPlatform;

function profiled(name: string): boolean {
  const wanted = (process.env['BENCH_CPU_PROF'] ?? '').split(',').map((entry) => entry.trim());
  return wanted.includes('all') || wanted.includes(name);
}

function profileFlags(name: string): string[] {
  if (!profiled(name)) return [];
  mkdirSync(PROFILE_DIR, { recursive: true });
  return ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, `--cpu-prof-name=${name}.cpuprofile`];
}

/**
 * BENCH_REPLICAS (`response=2,gateway=2`): processes per service (or the gateway), 1 when not named; a
 * service with several runs behind its load balancer, as in `npm start`.
 */
export function benchReplicas(value = process.env['BENCH_REPLICAS'] ?? ''): Record<string, number> {
  const replicas: Record<string, number> = {};
  for (const entry of value.split(',').map((part) => part.trim())) {
    if (!entry) continue;
    const [name, count] = entry.split('=').map((part) => part.trim());
    const n = Number(count);
    if (!name || !Number.isInteger(n) || n < 1) {
      throw new Error(`BENCH_REPLICAS: "${entry}" is not name=count (count a whole number ≥ 1)`);
    }
    replicas[name] = n;
  }
  return replicas;
}

/** `gateway 1, response 2, …`: what the figures were measured with. */
export function describeReplicas(platform: BenchPlatform, replicas: Record<string, number>): string {
  const names = new Set(
    [...platform.processes.keys()]
      .filter((name) => !name.endsWith('-balancer'))
      .map((name) => name.replace(/-\d+$/, '')),
  );
  return [...names]
    .sort()
    .map((name) => `${name} ${replicas[name] ?? 1}`)
    .join(', ');
}

/** Starts every service of tools/platform/services.json and the gateway; `stop()` undoes all of it. */
export async function startBenchPlatform(
  log: (line: string) => void,
  replicas: Record<string, number> = benchReplicas(),
): Promise<BenchPlatform> {
  const platform = await startProcessPlatform({
    label: 'bench',
    replicas,
    nodeFlags: profileFlags,
    env: {
      LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'warn',
      KAFKA_BROKERS: BROKERS,
      // Every benchmark client is 127.0.0.1: the per-address limit is for the internet, not this load.
      RESPONSE_SUBMIT_RATE_LIMIT: '100000000',
    },
  });
  for (const restart of platform.restarts) log(restart);
  return platform;
}
