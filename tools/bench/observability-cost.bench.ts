// The cost of metrics and tracing (issue 20), measured in one run: two copies of the platform on this machine,
// one with everything on (metrics recorded and scraped every second, every request traced and exported by
// OTLP to a local sink) and one with both off (METRICS_ENABLED=false, OTEL_SDK_DISABLED=true), loaded in
// alternating rounds so a burst of other work hits both alike. Gateway: a single-subgraph query; ingestion:
// learners' submissions through the gateway.
//   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/bench/observability-cost.bench.ts
// BENCH_SECONDS (10) per load, BENCH_ROUNDS (3), BENCH_CONNECTIONS (16). Writes results/observability-cost.md.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startProcessPlatform, type ProcessPlatform } from '@nets/shared/testing';
import { BROKERS, formatTable, load, type BenchRow, type LoadResult } from './bench-kit';
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

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 16);
const log = (line: string) => process.stdout.write(`${line}\n`);

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

async function submitLoad(variant: Variant): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url: variant.platform.gatewayUrl,
    connections: CONNECTIONS,
    duration: SECONDS,
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

async function prepare(name: string, env: Record<string, string>): Promise<Variant> {
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

async function main(): Promise<void> {
  const sink = await startSink();
  const variants: Variant[] = [];
  let stopScraping = () => undefined as void;
  try {
    variants.push(await prepare('off', { METRICS_ENABLED: 'false', OTEL_SDK_DISABLED: 'true' }));
    variants.push(
      await prepare('on', { OTEL_EXPORTER_OTLP_ENDPOINT: sink.url, OTEL_BSP_SCHEDULE_DELAY: '1000' }),
    );
    stopScraping = scrapeEverySecond(variants[1].platform);
    for (let round = 1; round <= ROUNDS; round += 1) {
      for (const variant of round % 2 === 1 ? variants : [...variants].reverse()) {
        log(`round ${round}: observability ${variant.name}, gateway…`);
        variant.gateway.push(
          await load({
            url: variant.platform.gatewayUrl,
            // What an anonymous learner's app asks first: served by the survey subgraph.
            body: JSON.stringify({ query: '{ openSurveyCycle { year name questionnaire { version } } }' }),
            headers: {},
            connections: CONNECTIONS,
            seconds: SECONDS,
            expect: '"version"',
          }),
        );
        log(`round ${round}: observability ${variant.name}, ingestion…`);
        variant.ingestion.push(await submitLoad(variant));
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
    row(`${part}: metrics and tracing off`, off[part], undefined),
    row(`${part}: metrics and tracing on`, on[part], off[part]),
  ]);
  const report = [
    `# Cost of metrics and tracing (${new Date().toISOString()})`,
    '',
    `${ROUNDS} alternating rounds of ${SECONDS} s, ${CONNECTIONS} connections, both platforms on this machine;`,
    `"on" scraped every second and exporting every span by OTLP (${(sink.bytes() / 1e6).toFixed(1)} MB sent).`,
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

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
