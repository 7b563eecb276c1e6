// A worker of ./worker-pool: solves the component units it is sent, one at a time.
import { parentPort } from 'node:worker_threads';
import { solveUnit, type ComponentUnit } from './component-solver';

parentPort?.on('message', (unit: ComponentUnit) => {
  solveUnit(unit).then(
    (result) => parentPort?.postMessage(result),
    (error: unknown) => {
      throw error;
    },
  );
});
