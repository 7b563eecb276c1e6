// Times every hostile shape through a real gateway in this process:
// SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register libs/shared/gateway/src/lib/hostile-shapes.bench.ts [--runs 9]
// CPU is this process's user+system time per request (client and gateway share the process; the client's
// part is a fetch of at most 64 KiB), the median of the runs; wall time is printed beside it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createTokenVerifier, toAuthConfig } from '@nets/shared/auth';
import { createLogger } from '@nets/shared/util-logger';
import { gatewayConfigSchema } from './gateway-config';
import { HOSTILE_SHAPES } from './hostile-shapes';
import { startGateway } from './start-gateway';

const REPO_ROOT = join(__dirname, '../../../../..');

interface Timing {
  name: string;
  status: number;
  code: string;
  cpuMs: number;
  wallMs: number;
}

async function timeShapes(runs: number): Promise<Timing[]> {
  const config = gatewayConfigSchema.parse({ NETS_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent' });
  const gateway = await startGateway({
    config,
    supergraphSdl: readFileSync(join(REPO_ROOT, 'apps/gateway/supergraph.graphql'), 'utf8'),
    tokenVerifier: createTokenVerifier(toAuthConfig(config, 'test')),
    logger: createLogger('hostile-shapes-bench', 'silent'),
  });
  const timings: Timing[] = [];
  const send = (body: string) =>
    fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body,
    });
  try {
    // One pass first, so no shape pays for the JIT warming up on the ones before it.
    for (const shape of HOSTILE_SHAPES) await (await send(JSON.stringify(shape.build()))).text();
    for (const shape of HOSTILE_SHAPES) {
      const body = JSON.stringify(shape.build());
      const cpu: number[] = [];
      const wall: number[] = [];
      let status = 0;
      let code = '';
      for (let run = 0; run < runs; run += 1) {
        const startCpu = process.cpuUsage();
        const start = performance.now();
        const response = await send(body);
        const answer = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
        wall.push(performance.now() - start);
        const used = process.cpuUsage(startCpu);
        cpu.push((used.user + used.system) / 1000);
        status = response.status;
        code = answer.errors?.[0]?.extensions?.code ?? 'none';
      }
      timings.push({ name: shape.name, status, code, cpuMs: median(cpu), wallMs: median(wall) });
    }
  } finally {
    await gateway.stop();
  }
  return timings;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function report(title: string, timings: Timing[]): void {
  process.stdout.write(`\n${title}\n`);
  for (const timing of [...timings].sort((a, b) => b.cpuMs - a.cpuMs)) {
    process.stdout.write(
      `${timing.cpuMs.toFixed(1).padStart(8)} ms CPU ${timing.wallMs.toFixed(1).padStart(8)} ms wall  ` +
        `${timing.status} ${timing.code.padEnd(26)} ${timing.name}\n`,
    );
  }
  const slowest = timings.reduce((a, b) => (b.cpuMs > a.cpuMs ? b : a));
  process.stdout.write(`slowest: ${slowest.name}: ${slowest.cpuMs.toFixed(1)} ms CPU (median)\n`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' } } });
  const runs = Number(values.runs);
  report(
    `Hostile shapes through the gateway (median of ${runs} runs after a warm-up pass):`,
    await timeShapes(runs),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
