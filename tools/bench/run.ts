// `npm run bench`: measures the platform on this machine and writes tools/bench/results/latest.md.
// Every figure is printed beside a reference measured in the same run. Never part of the tests.
// BENCH_ONLY=outbox,gateway,ingestion,observability,analytics runs only those parts (default: all). BENCH_SECONDS (10) per
// load, BENCH_CONNECTIONS (32) for ingestion, BENCH_FIXED_RATE (200/s) for CPU per submission,
// BENCH_CPU_PROF=gateway,response,… (or all) profiles those platform processes (see platform-kit.ts);
// BENCH_RESULTS_FILE writes the results elsewhere than results/latest.md. The analytics part replays
// BENCH_RESPONSES (1,000,000, as issue 6 asks: about 16 minutes here) over BENCH_CYCLES (6). The observability
// part (metrics and tracing on vs off, two platforms of its own) runs BENCH_ROUNDS (3) alternating rounds at
// BENCH_OBSERVABILITY_CONNECTIONS (16). The portal part loads the analytics part's dataset into the whole platform
// and times the staff portal's pages in Chromium, BENCH_PORTAL_RUNS (10) loads per page and state.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { formatTable, type BenchRow, type BenchSection } from './bench-kit';
import { gatewayOverhead } from './gateway-overhead.bench';
import { ingestionBenchmarks } from './ingestion.bench';
import { observabilityCost } from './observability-cost.bench';
import { outboxThroughput } from './outbox.bench';
import { PROFILE_DIR, benchReplicas, describeReplicas, startBenchPlatform } from './platform-kit';
import { openCycle, primeOrganisations, registerOrganisations, releasedPastCycle } from './platform-setup';
import { summariseProfiles, type ProfileWindow } from './profile-summary';

const PARTS = ['outbox', 'gateway', 'ingestion', 'observability', 'analytics', 'portal'] as const;
/** Responses per organisation in the released past cycle the gateway join reads (n ≥ 3 per organisation). */
const PAST_PER_ORGANISATION = 4;
type Part = (typeof PARTS)[number];

function selectedParts(value: string | undefined): Set<Part> {
  if (!value?.trim()) return new Set(PARTS);
  const names = value.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !PARTS.includes(name as Part));
  if (unknown.length > 0)
    throw new Error(`BENCH_ONLY: unknown part(s) ${unknown.join(', ')}; use ${PARTS.join(', ')}`);
  return new Set(names as Part[]);
}

const log = (line: string) => process.stdout.write(`${line}\n`);
const loadAverage = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');

/** The whole platform, each service its own process: gateway overhead first (quiet), then ingestion. */
async function platformParts(parts: Set<Part>, seconds: number): Promise<Required<BenchSection>> {
  const rows: BenchRow[] = [];
  const findings: string[] = [];
  const profileWindows: ProfileWindow[] = [];
  rmSync(PROFILE_DIR, { recursive: true, force: true });
  log('starting the platform (each service its own process)…');
  const replicas = benchReplicas();
  const platform = await startBenchPlatform(log, replicas);
  try {
    const year = new Date().getUTCFullYear();
    const organisations = await registerOrganisations(
      platform.gatewayUrl,
      Number(process.env['BENCH_ORGANISATIONS'] ?? 20) + 1,
    );
    const probe = organisations.pop();
    if (!probe) throw new Error('no probe organisation');
    const survey = await openCycle(platform.gatewayUrl, year);
    log(`priming ${organisations.length} organisations (the response service learns them from events)…`);
    await primeOrganisations(platform.gatewayUrl, survey, organisations, 3);
    if (parts.has('gateway')) {
      // The join reads results: an open cycle's read as no rows, so it reads last year's, released.
      log('a past cycle with released results for the gateway join…');
      await releasedPastCycle(platform.gatewayUrl, year - 1, survey, organisations, PAST_PER_ORGANISATION);
      const section = await gatewayOverhead(
        platform,
        { organisation: organisations[0], year: year - 1 },
        seconds,
        log,
      );
      rows.push(...section.rows);
      findings.push(...section.findings);
      profileWindows.push(...(section.profileWindows ?? []));
    }
    if (parts.has('ingestion')) {
      const section = await ingestionBenchmarks(platform, survey, organisations, probe, {
        seconds,
        connections: Number(process.env['BENCH_CONNECTIONS'] ?? 32),
        fixedRate: Number(process.env['BENCH_FIXED_RATE'] ?? 200),
        replicas: describeReplicas(platform, replicas),
        log,
      });
      rows.push(...section.rows);
      findings.push(...section.findings);
      profileWindows.push(...(section.profileWindows ?? []));
    }
  } finally {
    await platform.stop();
  }
  return { rows, findings, profileWindows };
}

async function main(): Promise<number> {
  // The services run as docker/Dockerfile runs them: graphql-js, Fastify and Apollo Server drop their
  // development-only checks (graphql's multi-realm instanceOf alone was a fifth of a large answer's CPU).
  // Every process the benchmarks start inherits it; Hive Gateway is started the same way.
  process.env['NODE_ENV'] = 'production';
  const parts = selectedParts(process.env['BENCH_ONLY']);
  const rows: BenchRow[] = [];
  const findings: string[] = [];
  const failed: string[] = [];
  const profileWindows: ProfileWindow[] = [];
  const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
  const loadBefore = loadAverage();
  /** A part that fails is reported in the results; the others still run. */
  const part = async (name: string, work: () => Promise<BenchSection>) => {
    try {
      const section = await work();
      rows.push(...section.rows);
      findings.push(...section.findings);
      profileWindows.push(...(section.profileWindows ?? []));
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`${name} failed: ${message}\n`);
      failed.push(`${name}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
    }
  };
  if (parts.has('outbox')) {
    log('outbox and consumer throughput…');
    await part('outbox', async () => ({
      rows: await outboxThroughput(Number(process.env['BENCH_EVENTS'] ?? 20000)),
      findings: [],
    }));
  }
  if (parts.has('gateway') || parts.has('ingestion')) {
    await part([...parts].filter((name) => name === 'gateway' || name === 'ingestion').join(' and '), () =>
      platformParts(parts, seconds),
    );
  }
  if (parts.has('observability')) {
    // After the platform parts have stopped theirs: its two platforms share the machine with nothing else.
    log('cost of metrics and tracing (two platforms, on and off)…');
    await part('observability', () =>
      observabilityCost({
        seconds,
        rounds: Number(process.env['BENCH_ROUNDS'] ?? 3),
        connections: Number(process.env['BENCH_OBSERVABILITY_CONNECTIONS'] ?? 16),
        log,
      }),
    );
  }
  if (parts.has('analytics')) {
    log('analytics projector and reporting queries…');
    await part('analytics', async () => {
      // Loaded only when asked for: each part runs alone (BENCH_ONLY) whatever state the others are in.
      const { analyticsBenchmarks } = await import('./analytics/analytics.bench');
      const analyticsRows = await analyticsBenchmarks({
        responses: Number(process.env['BENCH_RESPONSES'] ?? 1_000_000),
        cycles: Number(process.env['BENCH_CYCLES'] ?? 6),
        seconds,
      });
      return { rows: analyticsRows, findings: [] };
    });
  }
  if (parts.has('portal')) {
    log('staff portal: time to interactive and first paint on the analytics dataset…');
    await part('portal', async () => {
      const { portalBenchmarks } = await import('./portal/portal.bench');
      return portalBenchmarks({
        responses: Number(process.env['BENCH_RESPONSES'] ?? 1_000_000),
        cycles: Number(process.env['BENCH_CYCLES'] ?? 6),
        runs: Number(process.env['BENCH_PORTAL_RUNS'] ?? 10),
        log,
      });
    });
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const profiles = summariseProfiles(PROFILE_DIR, profileWindows);
  const report = [
    '# Benchmark results',
    '',
    `Run ${new Date().toISOString()} on ${machine}; load average (1/5/15 min) ${loadBefore} before, ${loadAverage()} after` +
      ` (parts: ${[...parts].join(', ')}).`,
    '',
    formatTable(rows),
    '',
    ...(failed.length > 0 ? ['## Parts that failed', '', ...failed.map((line) => `- ${line}`), ''] : []),
    ...(findings.length > 0
      ? ['## Targets missed', '', ...findings.map((finding) => `- ${finding}`), '']
      : []),
    ...(profiles.length > 0 ? ['## CPU profiles (BENCH_CPU_PROF)', '', ...profiles, ''] : []),
  ].join('\n');
  // A profiled run's figures carry the profiler's overhead: write them elsewhere (BENCH_RESULTS_FILE).
  const file = process.env['BENCH_RESULTS_FILE'] ?? 'tools/bench/results/latest.md';
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, report);
  process.stdout.write(`\n${report}`);
  return failed.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
