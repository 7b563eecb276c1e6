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

/** Starts every service of tools/platform/services.json and the gateway; `stop()` undoes all of it. */
export async function startBenchPlatform(log: (line: string) => void): Promise<BenchPlatform> {
  const platform = await startProcessPlatform({
    label: 'bench',
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
