import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '../test-database';
import { deleteTestTopics, uniqueTopicPrefix } from '../test-kafka';
import { freePorts } from './free-ports';
import { PlatformProcess, REPO_ROOT, runToCompletion, waitUntilReady } from './platform-process';

interface ServiceEntry {
  name: string;
  port: number;
  database: string;
}

export interface ProcessPlatformOptions {
  /** Names the databases (`nets_test_<label>_<service>_…`). */
  label: string;
  /** Added to every process's environment (log level, schedule interval, rate limits). */
  env?: Record<string, string>;
  /** Extra `node` flags for a process by name (e.g. `--cpu-prof` for the ones being profiled). */
  nodeFlags?: (name: string) => readonly string[];
  readyTimeoutMs?: number;
}

export interface ProcessPlatform {
  gatewayUrl: string;
  gatewaySecret: string;
  /** Every topic of this platform is `${topicPrefix}nets.…`. */
  topicPrefix: string;
  /** Subgraph name → its own GraphQL URL. */
  subgraphUrls: Record<string, string>;
  /** The gateway and every service, by name: the instances running now. */
  processes: ReadonlyMap<string, PlatformProcess>;
  /** Services that crashed while starting and were restarted, for the record. */
  restarts: readonly string[];
  /** What every process (including replaced ones) logged, with the restarts. */
  output(): string;
  /** Stops the gateway, then the services; drops the databases and deletes the platform's topics. */
  stop(): Promise<void>;
}

const START_ATTEMPTS = 3;

/** Every subgraph of tools/platform/services.json: the gateway's readiness needs them all. */
export function platformServices(): ServiceEntry[] {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'tools/platform/services.json'), 'utf8')) as ServiceEntry[];
}

const subgraphEnvName = (service: string) => `SUBGRAPH_${service.toUpperCase().replace(/-/g, '_')}_URL`;

/**
 * The platform as production runs it, privately: a fresh database per service migrated by its own migration
 * process, each subgraph in its own process on a free port, the gateway in front with the committed
 * supergraph, all on a topic prefix of their own. Used by the end-to-end journeys and the benchmarks.
 */
export async function startProcessPlatform(options: ProcessPlatformOptions): Promise<ProcessPlatform> {
  const services = platformServices();
  const topicPrefix = uniqueTopicPrefix();
  const gatewaySecret = `platform-gateway-secret-${randomBytes(12).toString('hex')}`;
  const readyTimeoutMs = options.readyTimeoutMs ?? 120_000;
  const common = {
    NETS_ENV: 'test',
    LOG_LEVEL: 'warn',
    GATEWAY_SECRET: gatewaySecret,
    KAFKA_TOPIC_PREFIX: topicPrefix,
    ...options.env,
  };
  const databases: TestDatabase[] = [];
  const everyProcess: PlatformProcess[] = [];
  const current = new Map<string, PlatformProcess>();
  const restarts: string[] = [];
  const launch = (name: string, script: string, env: Record<string, string>) => {
    const child = new PlatformProcess(name, script, env, options.nodeFlags?.(name) ?? []);
    everyProcess.push(child);
    current.set(name, child);
    return child;
  };
  const killOnExit = () => everyProcess.forEach((child) => child.killNow());
  process.once('exit', killOnExit);

  const stop = async () => {
    // Gateway first, so no request reaches a subgraph that is shutting down.
    await current.get('gateway')?.stop();
    await Promise.all(everyProcess.map((child) => child.stop()));
    await Promise.all(databases.map((database) => database.drop().catch(() => undefined)));
    await deleteTestTopics(topicPrefix).catch(() => undefined);
    process.removeListener('exit', killOnExit);
  };
  const output = () =>
    [...restarts.map((line) => `[harness] ${line}`), ...everyProcess.map((child) => child.output())]
      .filter(Boolean)
      .join('\n');

  try {
    const [gatewayPort, ...ports] = await freePorts(services.length + 1);
    const subgraphUrls = Object.fromEntries(
      services.map((service, index) => [service.name, `http://127.0.0.1:${ports[index]}/graphql`]),
    );
    // The gateway reads the committed supergraph and contacts no subgraph until asked, so it boots while the
    // services migrate and start; its readiness then waits for every subgraph to answer.
    const gateway = launch('gateway', 'apps/gateway/src/main.ts', {
      ...common,
      PORT: String(gatewayPort),
      SUPERGRAPH_PATH: join(REPO_ROOT, 'apps/gateway/supergraph.graphql'),
      ...Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [subgraphEnvName(name), url])),
    });
    await Promise.all(
      services.map(async (service, index) => {
        const database = await createTestDatabase(`${options.label}_${service.name}`);
        databases.push(database);
        const env = { ...common, DATABASE_URL: database.url };
        await runToCompletion(`${service.name}-migrate`, `apps/${service.name}/src/migrate.ts`, env);
        // Like an orchestrator, restart a service that crashes while starting: services starting together
        // on a fresh topic prefix race to create the same topics, and the loser may exit.
        for (let attempt = 1; ; attempt += 1) {
          const child = launch(service.name, `apps/${service.name}/src/main.ts`, {
            ...env,
            PORT: String(ports[index]),
          });
          try {
            await waitUntilReady(child, `http://127.0.0.1:${ports[index]}/readyz`, readyTimeoutMs);
            return;
          } catch (error) {
            if (child.running || attempt >= START_ATTEMPTS) throw error;
            restarts.push(`${service.name} crashed while starting (attempt ${attempt}); restarted`);
          }
        }
      }),
    );
    await waitUntilReady(gateway, `http://127.0.0.1:${gatewayPort}/readyz`, readyTimeoutMs);
    return {
      gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`,
      gatewaySecret,
      topicPrefix,
      subgraphUrls,
      processes: current,
      restarts,
      output,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
