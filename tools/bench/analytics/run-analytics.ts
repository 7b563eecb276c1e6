// The analytics benchmarks on their own:
//   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/bench/analytics/run-analytics.ts
// Sizes from BENCH_RESPONSES (default 100,000), BENCH_CYCLES (default 6), BENCH_SECONDS (default 10).
// Needs PostgreSQL and the Kafka broker running (npm run kafka -- start).
import { cpus, loadavg, totalmem } from 'node:os';
import { formatTable } from '../bench-kit';
import { analyticsBenchmarks } from './analytics.bench';

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

async function main(): Promise<void> {
  const options = {
    responses: positiveInteger('BENCH_RESPONSES', 100_000),
    cycles: positiveInteger('BENCH_CYCLES', 6),
    seconds: positiveInteger('BENCH_SECONDS', 10),
  };
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  const started = Date.now();
  process.stdout.write(`analytics benchmarks: ${JSON.stringify(options)}; load average ${load()}\n`);
  const rows = await analyticsBenchmarks(options);
  const wall = ((Date.now() - started) / 1000).toFixed(0);
  process.stdout.write(
    `\nRun ${new Date().toISOString()} on ${machine}; load average ${load()} at the end; ${wall} s wall.\n\n` +
      `${formatTable(rows)}\n`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
