// The whole platform for the benchmarks, as production runs it and as the end-to-end harness starts it: a fresh
// database per service migrated by its own process, each subgraph its own process on a free port, the gateway
// in front with the committed supergraph, all on a topic prefix of their own. Never on 4000/4101–4105, where
// `npm start` runs. BENCH_CPU_PROF=gateway,response (names, or `all`) writes V8 CPU profiles of those
// processes to .data/bench-profiles when they stop.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { join, resolve } from 'node:path';
import { createKafkaClient, kafkaConfigSchema } from '@nets/shared/data-access-kafka';
import { dropDatabase, ensureDatabase } from '@nets/shared/data-access-typeorm';
import { createLogger } from '@nets/shared/util-logger';
import { BROKERS, DATABASE_SERVER } from './bench-kit';
import { cpuTicksFromStat, peakRssFromStatus } from './stats';

export const REPO_ROOT = resolve(__dirname, '../..');
// Under .data/ (ignored by git): a profile is megabytes.
export const PROFILE_DIR = join(REPO_ROOT, '.data/bench-profiles');
const RESERVED_PORTS = new Set([4000, 4101, 4102, 4103, 4104, 4105]);
const CLOCK_TICKS_PER_SECOND = 100;
const READY_TIMEOUT_MS = 120_000;
const START_ATTEMPTS = 3;
const KEPT_LINES = 200;

interface ServiceEntry {
  name: string;
  port: number;
  database: string;
}

function profiled(name: string): boolean {
  const wanted = (process.env['BENCH_CPU_PROF'] ?? '').split(',').map((entry) => entry.trim());
  return wanted.includes('all') || wanted.includes(name);
}

/** One platform process (`node -r @swc-node/register <script>`); its output is kept for when it fails. */
export class BenchProcess {
  private readonly lines: string[] = [];
  private readonly child: ChildProcess;
  readonly exited: Promise<number | null>;

  constructor(
    readonly name: string,
    script: string,
    env: Record<string, string>,
  ) {
    const profile = profiled(name);
    if (profile) mkdirSync(PROFILE_DIR, { recursive: true });
    const flags = profile
      ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, `--cpu-prof-name=${name}.cpuprofile`]
      : [];
    this.child = spawn(process.execPath, [...flags, '-r', '@swc-node/register', script], {
      cwd: REPO_ROOT,
      env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json', TZ: 'UTC', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) this.lines.push(line);
      if (this.lines.length > KEPT_LINES) this.lines.splice(0, this.lines.length - KEPT_LINES);
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error(`${this.name} has no process id`);
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  output(): string {
    return this.lines.map((line) => `[${this.name}] ${line}`).join('\n');
  }

  /** CPU time (user + system) used so far, in seconds. */
  cpuSeconds(): number {
    return cpuTicksFromStat(readFileSync(`/proc/${this.pid}/stat`, 'utf8')) / CLOCK_TICKS_PER_SECOND;
  }

  /** Peak resident memory since the process started (VmHWM), in bytes. */
  peakRssBytes(): number {
    return peakRssFromStatus(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
  }

  /** Resident memory now (VmRSS), in bytes. */
  rssBytes(): number {
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : Number.NaN;
  }

  /** Last resort when the bench itself is exiting. */
  killNow(): void {
    if (this.running) this.child.kill('SIGKILL');
  }

  /** SIGTERM (graceful shutdown, which also writes a CPU profile), then SIGKILL after the grace period. */
  async stop(graceMs = 15_000): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Free loopback ports, all held open at once so none is handed out twice, never the `npm start` ones. */
export async function freePorts(count: number): Promise<number[]> {
  const servers: net.Server[] = [];
  const ports: number[] = [];
  while (ports.length < count) {
    const server = await new Promise<net.Server>((resolve, reject) => {
      const candidate = net.createServer();
      candidate.once('error', reject);
      candidate.listen(0, '127.0.0.1', () => resolve(candidate));
    });
    servers.push(server);
    const port = (server.address() as net.AddressInfo).port;
    if (!RESERVED_PORTS.has(port)) ports.push(port);
  }
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

async function run(name: string, script: string, env: Record<string, string>): Promise<void> {
  const step = new BenchProcess(name, script, env);
  const code = await step.exited;
  if (code !== 0) throw new Error(`${name} failed (exit ${code}):\n${step.output()}`);
}

export async function waitUntilReady(
  child: BenchProcess,
  url: string,
  timeoutMs = READY_TIMEOUT_MS,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!child.running) throw new Error(`${child.name} exited before it was ready:\n${child.output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${child.name} was not ready at ${url} within ${timeoutMs} ms:\n${child.output()}`);
}

/** The bench's topics go with it: the broker is shared with everyone's runs. */
async function deleteTopics(prefix: string): Promise<void> {
  const kafka = createKafkaClient(
    kafkaConfigSchema.parse({ KAFKA_BROKERS: BROKERS }),
    'bench-cleanup',
    createLogger('bench', 'warn'),
  );
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}

export interface BenchPlatform {
  gatewayUrl: string;
  gatewaySecret: string;
  /** Subgraph name → its own GraphQL URL. */
  subgraphUrls: Record<string, string>;
  /** The gateway and every service, by name (the ones running now). */
  processes: Map<string, BenchProcess>;
  stop(): Promise<void>;
}

const subgraphEnvName = (service: string) => `SUBGRAPH_${service.toUpperCase().replace(/-/g, '_')}_URL`;

/** Starts every service of tools/platform/services.json and the gateway; `stop()` undoes all of it. */
export async function startBenchPlatform(log: (line: string) => void): Promise<BenchPlatform> {
  const services = JSON.parse(
    readFileSync(join(REPO_ROOT, 'tools/platform/services.json'), 'utf8'),
  ) as ServiceEntry[];
  const suffix = randomBytes(3).toString('hex');
  const gatewaySecret = randomBytes(24).toString('hex');
  const common = {
    NETS_ENV: 'test',
    LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'warn',
    GATEWAY_SECRET: gatewaySecret,
    KAFKA_BROKERS: BROKERS,
    KAFKA_TOPIC_PREFIX: `bench_${suffix}.`,
    // Every benchmark client is 127.0.0.1: the per-address limit is for the internet, not this load.
    RESPONSE_SUBMIT_RATE_LIMIT: '100000000',
  };
  const databases: string[] = [];
  const processes = new Map<string, BenchProcess>();
  const stop = async () => {
    const gateway = processes.get('gateway');
    if (gateway) await gateway.stop();
    await Promise.all([...processes.values()].map((child) => child.stop()));
    await Promise.all(databases.map((url) => dropDatabase(url).catch(() => undefined)));
    await deleteTopics(common.KAFKA_TOPIC_PREFIX).catch(() => undefined);
  };
  const killOnExit = () => processes.forEach((child) => child.killNow());
  process.once('exit', killOnExit);

  try {
    const [gatewayPort, ...ports] = await freePorts(services.length + 1);
    const subgraphUrls = Object.fromEntries(
      services.map((service, index) => [service.name, `http://127.0.0.1:${ports[index]}/graphql`]),
    );
    await Promise.all(
      services.map(async (service, index) => {
        const url = `${DATABASE_SERVER}/nets_bench_${service.name.replace(/-/g, '_')}_${suffix}`;
        await ensureDatabase(url);
        databases.push(url);
        const env = { ...common, DATABASE_URL: url };
        await run(`${service.name}-migrate`, `apps/${service.name}/src/migrate.ts`, env);
        // Services starting together on a fresh topic prefix race to create the same topics; like an
        // orchestrator, restart one that crashes while starting.
        for (let attempt = 1; ; attempt += 1) {
          const child = new BenchProcess(service.name, `apps/${service.name}/src/main.ts`, {
            ...env,
            PORT: String(ports[index]),
          });
          processes.set(service.name, child);
          try {
            await waitUntilReady(child, `http://127.0.0.1:${ports[index]}/readyz`);
            return;
          } catch (error) {
            if (child.running || attempt >= START_ATTEMPTS) throw error;
            log(`${service.name} crashed while starting (attempt ${attempt}); restarted`);
          }
        }
      }),
    );
    const gateway = new BenchProcess('gateway', 'apps/gateway/src/main.ts', {
      ...common,
      PORT: String(gatewayPort),
      SUPERGRAPH_PATH: join(REPO_ROOT, 'apps/gateway/supergraph.graphql'),
      ...Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [subgraphEnvName(name), url])),
    });
    processes.set('gateway', gateway);
    await waitUntilReady(gateway, `http://127.0.0.1:${gatewayPort}/readyz`);
    return {
      gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`,
      gatewaySecret,
      subgraphUrls,
      processes,
      stop: async () => {
        await stop();
        process.removeListener('exit', killOnExit);
      },
    };
  } catch (error) {
    await stop();
    process.removeListener('exit', killOnExit);
    throw error;
  }
}
