import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_AUTH_SECRET } from '@nets/shared/auth';
import { createTestDatabase, type TestDatabase } from '../test-database';
import { deleteTestTopics, uniqueTopicPrefix } from '../test-kafka';
import { freePorts } from './free-ports';
import { PlatformProcess, REPO_ROOT, runToCompletion, waitUntilReady } from './platform-process';
import { SupervisedProcess } from './supervised-process';

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
  /**
   * Also run the development identity provider (apps/identity-provider) as its own process, with a temporary
   * key file: the gateway and subgraphs then verify its tokens by its JWKS and keep accepting the HS256 test
   * tokens (`tokens`), as @nets/shared/auth does when both are configured.
   */
  identityProvider?: boolean | IdentityProviderOptions;
  /**
   * Processes per service (subgraph name, or `gateway`), 1 when not named. Several replicas of one service share
   * its database and run behind a load balancer (tools/platform/balancer.mjs, as `npm start` runs them), whose
   * URL is the service's URL; they are named `<service>-1`, `<service>-2`… in `processes`.
   */
  replicas?: Record<string, number>;
  /**
   * Restart any process that dies after the platform is ready (with backoff, like `npm start`'s supervisor):
   * for fault tests that kill processes. Without it an unexpected exit is only recorded in `output()`.
   */
  supervise?: boolean;
  /** The PostgreSQL server of the services' databases (default: the shared test server). */
  databaseServerUrl?: string;
}

export interface IdentityProviderOptions {
  /** The staff portal client's redirect URIs (default http://127.0.0.1:4400/auth/callback). */
  staffPortalRedirectUris?: string[];
  staffPortalPostLogoutRedirectUris?: string[];
  staffPortalClientSecret?: string;
  /** IDP_STAFF_PORTAL_TOKEN_AUTH_METHOD (default client_secret_basic). */
  staffPortalTokenAuthMethod?: 'client_secret_basic' | 'client_secret_post';
  accessTokenTtlSeconds?: number;
}

/** The running identity provider and the staff portal client it knows. */
export interface PlatformIdentityProvider {
  /** Its base URL: the issuer of its tokens, with discovery at /.well-known/openid-configuration. */
  url: string;
  keysFile: string;
  staffPortal: {
    clientId: string;
    clientSecret: string;
    redirectUris: string[];
    postLogoutRedirectUris: string[];
  };
}

export interface ProcessPlatform {
  gatewayUrl: string;
  gatewaySecret: string;
  /** Set when started with `identityProvider`. */
  identityProviderUrl?: string;
  identityProvider?: PlatformIdentityProvider;
  /** Every topic of this platform is `${topicPrefix}nets.…`. */
  topicPrefix: string;
  /** Subgraph name → its own GraphQL URL (its load balancer's when it has several replicas). */
  subgraphUrls: Record<string, string>;
  /** Every replica of every service and of the gateway, by process name → its base URL (GET /readyz). */
  replicaUrls: Record<string, string>;
  /** Service name → its database's URL. */
  databaseUrls: Record<string, string>;
  /** Every replica of every service and of the gateway, by process name → its Prometheus metrics URL. */
  metricsUrls: Record<string, string>;
  /** Service (or `gateway`) with several replicas → its load balancer's base URL (GET /balancer/stats). */
  balancerUrls: Record<string, string>;
  /** The gateway, every service replica and balancer, by name: the instances running now. */
  processes: ReadonlyMap<string, PlatformProcess>;
  /** When `supervise` is set: by process name, the times (ms since the epoch) it was restarted. */
  restartTimes(name: string): readonly number[];
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

const BALANCER_SCRIPT = 'tools/platform/balancer.mjs';

const subgraphEnvName = (service: string) => `SUBGRAPH_${service.toUpperCase().replace(/-/g, '_')}_URL`;

/**
 * The platform as production runs it, privately: a fresh database per service migrated by its own migration
 * process, each subgraph in its own process on a free port, the gateway in front with the committed
 * supergraph, all on a topic prefix of their own. Used by the end-to-end journeys and the benchmarks.
 */
export async function startProcessPlatform(options: ProcessPlatformOptions): Promise<ProcessPlatform> {
  const services = platformServices();
  const layout = await portLayout([...services.map((service) => service.name), 'gateway'], options.replicas);
  const replicaNames = Object.values(layout).flatMap((entry) => entry.names);
  const metricsPorts = await freePorts(replicaNames.length);
  const metricsPortOf = new Map(replicaNames.map((name, index) => [name, metricsPorts[index]]));
  const topicPrefix = uniqueTopicPrefix();
  const gatewaySecret = `platform-gateway-secret-${randomBytes(12).toString('hex')}`;
  // Each process compiles its TypeScript on start (swc) and loads the OpenTelemetry SDK: on two cores shared by
  // a whole test run that can take minutes, and only readiness is asserted here, never its speed.
  const readyTimeoutMs = options.readyTimeoutMs ?? 300_000;
  const common = {
    NETS_ENV: 'test',
    LOG_LEVEL: 'warn',
    GATEWAY_SECRET: gatewaySecret,
    KAFKA_TOPIC_PREFIX: topicPrefix,
    ...options.env,
  };
  const idpOptions: IdentityProviderOptions | undefined =
    options.identityProvider === true ? {} : options.identityProvider || undefined;
  const databases: TestDatabase[] = [];
  const databaseUrls: Record<string, string> = {};
  const everyProcess: PlatformProcess[] = [];
  const current = new Map<string, PlatformProcess>();
  const relaunchers = new Map<string, () => PlatformProcess>();
  const supervised = new Map<string, SupervisedProcess>();
  const restarts: string[] = [];
  const launch = (name: string, script: string, env: Record<string, string>): PlatformProcess => {
    const child = new PlatformProcess(name, script, env, options.nodeFlags?.(name) ?? []);
    everyProcess.push(child);
    current.set(name, child);
    relaunchers.set(name, () => launch(name, script, env));
    return child;
  };
  const killOnExit = () => everyProcess.forEach((child) => child.killNow());
  process.once('exit', killOnExit);

  let keysDir: string | undefined;
  const stop = async () => {
    supervised.forEach((supervisor) => supervisor.halt());
    // Gateway first, so no request reaches a subgraph that is shutting down.
    await Promise.all(layout.gateway.names.map((name) => current.get(name)?.stop() ?? Promise.resolve()));
    await Promise.all(everyProcess.map((child) => child.stop()));
    await Promise.all(databases.map((database) => database.drop().catch(() => undefined)));
    await deleteTestTopics(topicPrefix).catch(() => undefined);
    if (keysDir) rmSync(keysDir, { recursive: true, force: true });
    process.removeListener('exit', killOnExit);
  };
  const output = () =>
    [...restarts.map((line) => `[harness] ${line}`), ...everyProcess.map((child) => child.output())]
      .filter(Boolean)
      .join('\n');
  /** Every replica of `name` (restarted while starting, like an orchestrator would), then its balancer. */
  const startReplicas = async (name: string, script: string, env: Record<string, string>) => {
    const { names, replicaPorts } = layout[name];
    await Promise.all(
      names.map(async (replica, index) => {
        const replicaEnv = {
          ...env,
          PORT: String(replicaPorts[index]),
          METRICS_PORT: String(metricsPortOf.get(replica)),
        };
        const readyUrl = `http://127.0.0.1:${replicaPorts[index]}/readyz`;
        // Services starting together on a fresh topic prefix race to create the same topics; the loser may exit.
        for (let attempt = 1; ; attempt += 1) {
          const child = launch(replica, script, replicaEnv);
          try {
            await waitUntilReady(child, readyUrl, readyTimeoutMs);
            return;
          } catch (error) {
            if (child.running || attempt >= START_ATTEMPTS) throw error;
            restarts.push(`${replica} crashed while starting (attempt ${attempt}); restarted`);
          }
        }
      }),
    );
    if (names.length > 1) {
      const balancer = launch(`${name}-balancer`, BALANCER_SCRIPT, {
        BALANCER_PORT: String(layout[name].port),
        BALANCER_UPSTREAMS: replicaPorts.map((port) => `http://127.0.0.1:${port}`).join(','),
      });
      await waitUntilReady(balancer, `${layout[name].url}/balancer/stats`, readyTimeoutMs);
    }
  };

  try {
    const [idpPort] = await freePorts(1);
    const subgraphUrls = Object.fromEntries(
      services.map((service) => [service.name, `${layout[service.name].url}/graphql`]),
    );
    const gatewayUrl = `${layout.gateway.url}/graphql`;
    let identityProvider: PlatformIdentityProvider | undefined;
    let idpReady: Promise<void> = Promise.resolve();
    if (idpOptions) {
      keysDir = mkdtempSync(join(tmpdir(), 'nets-idp-'));
      identityProvider = identityProviderSettings(idpOptions, `http://127.0.0.1:${idpPort}`, keysDir);
      const idp = launch('identity-provider', 'apps/identity-provider/src/main.ts', {
        ...common,
        ...identityProviderEnv(identityProvider, idpOptions, idpPort, gatewayUrl),
      });
      idpReady = waitUntilReady(idp, `${identityProvider.url}/readyz`, readyTimeoutMs);
      // Production-style verification of the provider's tokens, and the HS256 test tokens too.
      Object.assign(common, {
        AUTH_JWKS_URL: `${identityProvider.url}/jwks`,
        AUTH_ISSUER: identityProvider.url,
        AUTH_DEV_SECRET: DEV_AUTH_SECRET,
      });
    }
    // The gateway reads the committed supergraph and contacts no subgraph until asked, so it boots while the
    // services migrate and start; its readiness then waits for every subgraph to answer.
    const gatewayReady = startReplicas('gateway', 'apps/gateway/src/main.ts', {
      ...common,
      SUPERGRAPH_PATH: join(REPO_ROOT, 'apps/gateway/supergraph.graphql'),
      ...Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [subgraphEnvName(name), url])),
    });
    await Promise.all(
      services.map(async (service) => {
        const database = await createTestDatabase(
          `${options.label}_${service.name}`,
          options.databaseServerUrl,
        );
        databases.push(database);
        databaseUrls[service.name] = database.url;
        const env = { ...common, DATABASE_URL: database.url };
        await runToCompletion(`${service.name}-migrate`, `apps/${service.name}/src/migrate.ts`, env);
        await startReplicas(service.name, `apps/${service.name}/src/main.ts`, env);
      }),
    );
    await gatewayReady;
    await idpReady;
    if (options.supervise) {
      for (const [name, child] of current) {
        const relaunch = relaunchers.get(name);
        if (relaunch) {
          supervised.set(name, new SupervisedProcess(name, child, relaunch, (line) => restarts.push(line)));
        }
      }
    }
    return {
      gatewayUrl,
      gatewaySecret,
      identityProviderUrl: identityProvider?.url,
      identityProvider,
      topicPrefix,
      subgraphUrls,
      databaseUrls,
      replicaUrls: Object.fromEntries(
        Object.values(layout).flatMap((entry) =>
          entry.names.map((name, index) => [name, `http://127.0.0.1:${entry.replicaPorts[index]}`]),
        ),
      ),
      metricsUrls: Object.fromEntries(
        replicaNames.map((name) => [name, `http://127.0.0.1:${metricsPortOf.get(name)}/metrics`]),
      ),
      balancerUrls: Object.fromEntries(
        Object.entries(layout)
          .filter(([, entry]) => entry.names.length > 1)
          .map(([name, entry]) => [name, entry.url]),
      ),
      processes: current,
      restartTimes: (name) => supervised.get(name)?.restartedAt ?? [],
      restarts,
      output,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

interface ServiceLayout {
  /** Where the service is reached: its only replica, or its load balancer. */
  port: number;
  url: string;
  /** Its replicas' process names and ports. */
  names: string[];
  replicaPorts: number[];
}

/** Free ports for every replica of each service, and for a load balancer in front of those with several. */
async function portLayout(
  names: readonly string[],
  replicas: Record<string, number> = {},
): Promise<Record<string, ServiceLayout>> {
  for (const [name, count] of Object.entries(replicas)) {
    if (!names.includes(name))
      throw new Error(`replicas: unknown service "${name}" (one of ${names.join(', ')})`);
    if (!Number.isInteger(count) || count < 1)
      throw new Error(`replicas of ${name}: a whole number ≥ 1, not ${count}`);
  }
  const counts = names.map((name) => replicas[name] ?? 1);
  const ports = await freePorts(counts.reduce((sum, count) => sum + count + (count > 1 ? 1 : 0), 0));
  return Object.fromEntries(
    names.map((name, index) => {
      const count = counts[index];
      const replicaPorts = ports.splice(0, count);
      const port = count > 1 ? (ports.shift() as number) : replicaPorts[0];
      const replicaNames = count > 1 ? replicaPorts.map((_, replica) => `${name}-${replica + 1}`) : [name];
      return [name, { port, url: `http://127.0.0.1:${port}`, names: replicaNames, replicaPorts }];
    }),
  );
}

function identityProviderSettings(
  options: IdentityProviderOptions,
  url: string,
  keysDir: string,
): PlatformIdentityProvider {
  return {
    url,
    keysFile: join(keysDir, 'signing-keys.json'),
    staffPortal: {
      clientId: 'staff-portal',
      clientSecret:
        options.staffPortalClientSecret ?? `staff-portal-test-secret-${randomBytes(8).toString('hex')}`,
      redirectUris: options.staffPortalRedirectUris ?? ['http://127.0.0.1:4400/auth/callback'],
      postLogoutRedirectUris: options.staffPortalPostLogoutRedirectUris ?? [
        'http://127.0.0.1:4400/signed-out',
      ],
    },
  };
}

function identityProviderEnv(
  provider: PlatformIdentityProvider,
  options: IdentityProviderOptions,
  port: number,
  gatewayUrl: string,
): Record<string, string> {
  return {
    IDP_PORT: String(port),
    IDP_ISSUER: provider.url,
    IDP_KEYS_FILE: provider.keysFile,
    IDP_GATEWAY_URL: gatewayUrl,
    IDP_STAFF_PORTAL_CLIENT_SECRET: provider.staffPortal.clientSecret,
    IDP_STAFF_PORTAL_REDIRECT_URIS: provider.staffPortal.redirectUris.join(','),
    IDP_STAFF_PORTAL_POST_LOGOUT_REDIRECT_URIS: provider.staffPortal.postLogoutRedirectUris.join(','),
    ...(options.staffPortalTokenAuthMethod
      ? { IDP_STAFF_PORTAL_TOKEN_AUTH_METHOD: options.staffPortalTokenAuthMethod }
      : {}),
    ...(options.accessTokenTtlSeconds
      ? { IDP_ACCESS_TOKEN_TTL_SECONDS: String(options.accessTokenTtlSeconds) }
      : {}),
  };
}
