// The cost of metrics and tracing (issue 20), measured in one run: two copies of the platform on this machine,
// one with everything on (metrics recorded and scraped every second, every request traced and exported by
// OTLP to a local sink) and one with both off (METRICS_ENABLED=false, OTEL_SDK_DISABLED=true), loaded in
// alternating rounds so a burst of other work hits both alike. Gateway: a single-subgraph query; ingestion:
// learners' submissions through the gateway.
// Part `observability` of `npm run bench` (rows in results/latest.md), or on its own:
//   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/bench/observability-cost.bench.ts
// BENCH_SECONDS (10) per load, BENCH_ROUNDS (3), BENCH_OBSERVABILITY_CONNECTIONS (16; on its own also
// BENCH_CONNECTIONS). On its own it writes results/observability-cost.md.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startProcessPlatform, type ProcessPlatform } from '@nets/shared/testing';
import { BROKERS, formatTable, load, type BenchRow, type BenchSection, type LoadResult } from './bench-kit';
import {
  SUBMIT_RESPONSE,
  openCycle,
  primeOrganisations,
  registerOrganisations,
  submission,
  type BenchOrganisation,
  type BenchSurvey,
} from './platform-setup';
import { combineRounds, formatRatio } from './stats';

export interface ObservabilityCostOptions {
  seconds: number;
  rounds: number;
  connections: number;
  log: (line: string) => void;
}

interface Variant {
  name: string;
  platform: ProcessPlatform;
  survey: BenchSurvey;
  organisations: BenchOrganisation[];
  gateway: LoadResult[];
  ingestion: LoadResult[];
}

/** Accepts OTLP exports and throws them away, counting bytes: the export's cost without a collector's. */
async function startSink(): Promise<{ url: string; bytes: () => number; stop(): Promise<void> }> {
  let bytes = 0;
  const server = createServer((request, response) => {
    request.on('data', (chunk: Buffer) => (bytes += chunk.length));
    request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bytes: () => bytes,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Prometheus' load on the "on" platform: every process scraped once a second while it runs. */
function scrapeEverySecond(platform: ProcessPlatform): () => void {
  const timer = setInterval(() => {
    for (const url of Object.values(platform.metricsUrls)) {
      fetch(url)
        .then((response) => response.text())
        .catch(() => undefined);
    }
  }, 1000);
  return () => clearInterval(timer);
}

async function submitLoad(variant: Variant, options: ObservabilityCostOptions): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url: variant.platform.gatewayUrl,
    connections: options.connections,
    duration: options.seconds,
    requests: [
      {
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          const organisation = variant.organisations[next % variant.organisations.length];
          next += 1;
          return {
            ...request,
            body: JSON.stringify({
              query: SUBMIT_RESPONSE,
              variables: { input: submission(variant.survey, organisation) },
            }),
          };
        },
      },
    ],
    verifyBody: (body) => String(body ?? '').includes('"receiptCode"'),
  });
  return {
    requestsPerSecond: (result['2xx'] - result.mismatches) / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.mismatches,
    non2xx: result.non2xx,
  };
}

async function prepare(
  name: string,
  env: Record<string, string>,
  log: ObservabilityCostOptions['log'],
): Promise<Variant> {
  log(`starting the platform with observability ${name}…`);
  const platform = await startProcessPlatform({
    label: `obs_${name}`,
    readyTimeoutMs: 400_000,
    env: { LOG_LEVEL: 'warn', KAFKA_BROKERS: BROKERS, RESPONSE_SUBMIT_RATE_LIMIT: '100000000', ...env },
  });
  const organisations = await registerOrganisations(platform.gatewayUrl, 10);
  const survey = await openCycle(platform.gatewayUrl, new Date().getUTCFullYear());
  await primeOrganisations(platform.gatewayUrl, survey, organisations, 1);
  return { name, platform, survey, organisations, gateway: [], ingestion: [] };
}

/** Both platforms, loaded in alternating rounds: the rows (and the OTLP bytes "on" exported). */
export async function observabilityCost(
  options: ObservabilityCostOptions,
): Promise<BenchSection & { otlpBytes: number }> {
  const { log, rounds, seconds, connections } = options;
  const sink = await startSink();
  const variants: Variant[] = [];
  let stopScraping = () => undefined as void;
  try {
    variants.push(await prepare('off', { METRICS_ENABLED: 'false', OTEL_SDK_DISABLED: 'true' }, log));
    variants.push(
      await prepare('on', { OTEL_EXPORTER_OTLP_ENDPOINT: sink.url, OTEL_BSP_SCHEDULE_DELAY: '1000' }, log),
    );
    stopScraping = scrapeEverySecond(variants[1].platform);
    for (let round = 1; round <= rounds; round += 1) {
      for (const variant of round % 2 === 1 ? variants : [...variants].reverse()) {
        log(`round ${round}: observability ${variant.name}, gateway…`);
        variant.gateway.push(
          await load({
            url: variant.platform.gatewayUrl,
            // What an anonymous learner's app asks first: served by the survey subgraph.
            body: JSON.stringify({ query: '{ openSurveyCycle { year name questionnaire { version } } }' }),
            headers: {},
            connections,
            seconds,
            expect: '"version"',
          }),
        );
        log(`round ${round}: observability ${variant.name}, ingestion…`);
        variant.ingestion.push(await submitLoad(variant, options));
      }
    }
  } finally {
    stopScraping();
    for (const variant of variants) await variant.platform.stop();
    await sink.stop();
  }
  const [off, on] = variants.map((variant) => ({
    gateway: combineRounds(variant.gateway),
    ingestion: combineRounds(variant.ingestion),
  }));
  const rows: BenchRow[] = (['gateway', 'ingestion'] as const).flatMap((part) => [
    row(`observability cost, ${part}: metrics and tracing off`, off[part], undefined),
    row(`observability cost, ${part}: metrics and tracing on`, on[part], off[part]),
  ]);
  return { rows, findings: [], otlpBytes: sink.bytes() };
}

async function main(): Promise<void> {
  const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
  const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);
  const connections = Number(
    process.env['BENCH_OBSERVABILITY_CONNECTIONS'] ?? process.env['BENCH_CONNECTIONS'] ?? 16,
  );
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const { rows, otlpBytes } = await observabilityCost({ seconds, rounds, connections, log });
  const report = [
    `# Cost of metrics and tracing (${new Date().toISOString()})`,
    '',
    `${rounds} alternating rounds of ${seconds} s, ${connections} connections, both platforms on this machine;`,
    `"on" scraped every second and exporting every span by OTLP (${(otlpBytes / 1e6).toFixed(1)} MB sent).`,
    `Load average at the end: ${loadavg()
      .map((value) => value.toFixed(1))
      .join(' / ')} on ${cpus().length} cores (other work shares this machine).`,
    '',
    formatTable(rows),
    '',
  ].join('\n');
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'observability-cost.md'), report);
  log(report);
}

function row(name: string, result: LoadResult, reference: LoadResult | undefined): BenchRow {
  return {
    name,
    value: Math.round(result.requestsPerSecond),
    unit: '/s',
    ...(reference ? { reference: { name: 'off', value: Math.round(reference.requestsPerSecond) } } : {}),
    note: `p50/p99 ${result.p50}/${result.p99} ms, ${result.errors + result.non2xx} errors${
      reference ? `, ${formatRatio(result.requestsPerSecond, reference.requestsPerSecond)} of off` : ''
    }`,
  };
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
