// `npm run bench`: the benchmark suite (tools/bench), with PostgreSQL and Kafka made ready first.
import { spawnSync } from 'node:child_process';
import { ROOT, ensureDependencies, ensureKafka, ensurePostgres, stopKafka } from './infrastructure.mjs';

ensureDependencies();
await ensurePostgres();
const startedKafka = await ensureKafka();
const run = spawnSync(process.execPath, ['-r', '@swc-node/register', 'tools/bench/run.ts'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json', TZ: 'UTC' },
});
if (startedKafka) stopKafka();
process.exit(run.status ?? 1);
