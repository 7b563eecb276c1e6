// `npm test`: every unit and integration test of every project, against the real PostgreSQL and Kafka
// (started if needed and stopped again), ending with one plain `N passed, N failed` line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ensureDependencies, ensureKafka, ensurePostgres, log, stopKafka } from './infrastructure.mjs';

ensureDependencies();
await ensurePostgres();
const startedKafka = await ensureKafka();
let exitCode = 1;
try {
  mkdirSync(join(ROOT, 'tmp'), { recursive: true });
  const resultsFile = join(ROOT, 'tmp', 'jest-results.json');
  const jest = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/jest/bin/jest.js'),
      '-c',
      'tools/jest/all-projects.jest.config.js',
      '--ci',
      '--maxWorkers=2',
      '--json',
      `--outputFile=${resultsFile}`,
      ...process.argv.slice(2),
    ],
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, TZ: 'UTC', NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    },
  );
  exitCode = jest.status ?? 1;
  try {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    const skipped = results.numPendingTests + results.numTodoTests;
    const suitesFailed = results.numFailedTestSuites;
    log(`test files: ${results.numTotalTestSuites}, failed to run or failed: ${suitesFailed}`);
    process.stdout.write(
      `${results.numPassedTests} passed, ${results.numFailedTests + (results.numRuntimeErrorTestSuites ?? 0)} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
    );
  } catch {
    process.stdout.write('0 passed, 1 failed\n');
    exitCode = exitCode || 1;
  }
} finally {
  if (startedKafka) stopKafka();
}
process.exit(exitCode);
