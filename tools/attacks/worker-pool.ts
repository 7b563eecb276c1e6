// Runs component units on a pool of worker threads (each loads HiGHS once and takes the next unit when it
// is done), largest units first. The workers run TypeScript through @swc-node/register, like the tools.
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ComponentUnit, UnitResult } from './component-solver';

const WORKER = resolve(__dirname, 'attack-worker.ts');
const TSCONFIG = resolve(__dirname, '../../tsconfig.base.json');

export async function runOnPool(units: readonly ComponentUnit[], size: number): Promise<UnitResult[]> {
  const order = units.map((_, i) => i).sort((a, b) => weight(units[b]) - weight(units[a]));
  const results: UnitResult[] = [];
  let next = 0;
  const workers = Array.from(
    { length: Math.min(size, units.length) },
    () =>
      new Worker(WORKER, {
        execArgv: ['-r', '@swc-node/register'],
        env: { ...process.env, SWC_NODE_PROJECT: process.env.SWC_NODE_PROJECT ?? TSCONFIG },
      }),
  );
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((done, fail) => {
            const give = () => {
              if (next >= order.length) return done();
              const index = order[next++];
              worker.once('message', (result: UnitResult) => {
                results[index] = result;
                give();
              });
              worker.postMessage(units[index]);
            };
            worker.once('error', fail);
            give();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

function weight(unit: ComponentUnit): number {
  return unit.numCols * unit.cells.length;
}
