import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, uniqueTopicPrefix, type TestDatabase } from '@nets/shared/testing';
import { anyTestFailed } from './failure-flag';
import { freePorts } from './free-ports';
import { ManagedProcess, REPO_ROOT, runToCompletion, waitUntilReady } from './managed-process';

interface ServiceEntry {
  name: string;
  port: number;
  database: string;
}

export interface E2ePlatform {
  gatewayUrl: string;
  /** Every topic of this platform is `${topicPrefix}nets.…`. */
  topicPrefix: string;
  /** Subgraph name → its own URL (for the record: journeys go through the gateway only). */
  subgraphUrls: Record<string, string>;
  /** Services that crashed while starting and were restarted, for the record. */
  restarts: string[];
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 90_000;
const START_ATTEMPTS = 3;

/** Every subgraph of tools/platform/services.json: the gateway's readiness needs them all. */
export function platformServices(): ServiceEntry[] {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'tools/platform/services.json'), 'utf8')) as ServiceEntry[];
}

const envName = (service: string) => `SUBGRAPH_${service.toUpperCase().replace(/-/g, '_')}_URL`;

/**
 * The platform as production runs it, for one spec file: a fresh database per service migrated by its own
 * migration process, each subgraph in its own process on a free port, the gateway in front with the
 * committed supergraph, all on a topic prefix of their own. `stop()` shuts everything down and drops the
 * databases; when a test of the file failed it first prints what the processes logged.
 */
export async function startPlatform(label: string): Promise<E2ePlatform> {
  const services = platformServices();
  const topicPrefix = uniqueTopicPrefix();
  const gatewaySecret = `e2e-gateway-secret-${randomBytes(12).toString('hex')}`;
  const databases: TestDatabase[] = [];
  const processes: ManagedProcess[] = [];
  const restarts: string[] = [];
  const common = {
    NETS_ENV: 'test',
    LOG_LEVEL: process.env['E2E_LOG_LEVEL'] ?? 'warn',
    GATEWAY_SECRET: gatewaySecret,
    KAFKA_TOPIC_PREFIX: topicPrefix,
    SCHEDULE_INTERVAL_MS: '300',
    // Every journey submits from 127.0.0.1: the per-address limit is for the internet, not this test.
    RESPONSE_SUBMIT_RATE_LIMIT: '10000',
  };
  const killOnExit = () => processes.forEach((child) => child.killNow());
  process.once('exit', killOnExit);

  const printLogs = () => {
    const output = [
      ...restarts.map((line) => `[harness] ${line}`),
      ...processes.map((child) => child.output()),
    ];
    process.stderr.write(
      `\n--- ${label}: a test failed; what the platform's processes logged (LOG_LEVEL ${common.LOG_LEVEL}) ---\n` +
        `${output.filter(Boolean).join('\n') || '(nothing)'}\n`,
    );
  };
  const stop = async () => {
    if (anyTestFailed()) printLogs();
    // Gateway first, so no request reaches a subgraph that is shutting down.
    await Promise.all(processes.filter((child) => child.name === 'gateway').map((child) => child.stop()));
    await Promise.all(processes.map((child) => child.stop()));
    await Promise.all(databases.map((database) => database.drop()));
    process.removeListener('exit', killOnExit);
  };

  try {
    const [gatewayPort, ...ports] = await freePorts(services.length + 1);
    const subgraphUrls = Object.fromEntries(
      services.map((service, index) => [service.name, `http://127.0.0.1:${ports[index]}/graphql`]),
    );
    // The gateway reads the committed supergraph and contacts no subgraph until asked, so it boots while the
    // services migrate and start; its readiness then waits for every subgraph to answer.
    const gateway = new ManagedProcess('gateway', 'apps/gateway/src/main.ts', {
      ...common,
      PORT: String(gatewayPort),
      SUPERGRAPH_PATH: join(REPO_ROOT, 'apps/gateway/supergraph.graphql'),
      ...Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [envName(name), url])),
    });
    processes.push(gateway);
    // Each service on its own track: database, migration process, service process, readiness.
    await Promise.all(
      services.map(async (service, index) => {
        const database = await createTestDatabase(`e2e_${service.name.replace(/-/g, '_')}`);
        databases.push(database);
        const env = { ...common, DATABASE_URL: database.url };
        await runToCompletion(`${service.name}-migrate`, `apps/${service.name}/src/migrate.ts`, env);
        // Like an orchestrator, restart a service that crashes while starting: services starting together
        // on a fresh topic prefix race to create the same topics, and the loser may exit (see README).
        for (let attempt = 1; ; attempt += 1) {
          const child = new ManagedProcess(service.name, `apps/${service.name}/src/main.ts`, {
            ...env,
            PORT: String(ports[index]),
          });
          processes.push(child);
          try {
            await waitUntilReady(child, `http://127.0.0.1:${ports[index]}/readyz`, READY_TIMEOUT_MS);
            return;
          } catch (error) {
            if (child.running || attempt >= START_ATTEMPTS) throw error;
            restarts.push(`${service.name} crashed while starting (attempt ${attempt}); restarted`);
          }
        }
      }),
    );
    await waitUntilReady(gateway, `http://127.0.0.1:${gatewayPort}/readyz`, READY_TIMEOUT_MS);
    return {
      gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`,
      topicPrefix,
      subgraphUrls,
      restarts,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
