// `npm run bench`: measures the platform on this machine and writes tools/bench/results/latest.md.
// Every figure is printed beside a reference measured in the same run. Never part of the tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { analyticsBenchmarks } from './analytics/analytics.bench';
import { formatTable, type BenchRow } from './bench-kit';
import { gatewayOverhead } from './gateway-overhead.bench';
import { outboxThroughput } from './outbox.bench';

async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
  process.stdout.write('outbox and consumer throughput…\n');
  rows.push(...(await outboxThroughput(Number(process.env['BENCH_EVENTS'] ?? 20000))));
  process.stdout.write('gateway overhead…\n');
  rows.push(...(await gatewayOverhead(seconds)));
  process.stdout.write('analytics projector and reporting queries…\n');
  rows.push(
    ...(await analyticsBenchmarks({
      responses: Number(process.env['BENCH_RESPONSES'] ?? 20000),
      cycles: Number(process.env['BENCH_CYCLES'] ?? 6),
      seconds,
    })),
  );
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const report = `# Benchmark results\n\nRun ${new Date().toISOString()} on ${machine}.\n\n${formatTable(rows)}\n`;
  mkdirSync('tools/bench/results', { recursive: true });
  writeFileSync('tools/bench/results/latest.md', report);
  process.stdout.write(`\n${report}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
