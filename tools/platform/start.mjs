// `npm start`: the whole platform on this machine. Installs what is missing, starts Kafka (unless
// KAFKA_BROKERS points elsewhere), starts the development identity provider, creates and migrates each
// service's database, starts every subgraph and the gateway (verifying tokens by the provider's JWKS, as in
// production: no development key), the learner's survey web app, loads the demo data once, and prints how
// to reach them. Every process is supervised (supervisor.mjs): one that dies is restarted with backoff.
// REPLICAS_<SERVICE> or NETS_REPLICAS runs several replicas of a service or the gateway behind a load balancer
// (replicas.mjs, balancer.mjs). The Kafka broker it started is started again if it dies (kafka-watch.mjs).
// Whatever ends it (Ctrl-C, SIGTERM, a failed start) stops everything it started, the Kafka broker included.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT,
  databaseServer,
  ensureDependencies,
  ensureKafka,
  ensurePostgres,
  log,
  stopKafka,
} from './infrastructure.mjs';
import { KafkaWatch, kafkaScript } from './kafka-watch.mjs';
import { replicaCounts, replicaPorts } from './replicas.mjs';
import { Supervisor } from './supervisor.mjs';

const GATEWAY_PORT = Number(process.env.PORT ?? 4000);
const SURVEY_WEB_PORT = Number(process.env.SURVEY_WEB_PORT ?? 4200);
const IDP_PORT = Number(process.env.IDP_PORT ?? 4300);
const STAFF_PORTAL_PORT = Number(process.env.STAFF_PORTAL_PORT ?? 4400);
const IDP_KEYS_FILE = process.env.IDP_KEYS_FILE ?? join(ROOT, '.data/identity-provider/signing-keys.json');
const services = JSON.parse(readFileSync(join(ROOT, 'tools/platform/services.json'), 'utf8'));
let startedKafka = false;
let stopping = false;
/** Restarts the broker this run started if it dies (kafka-watch.mjs). */
const kafkaWatch = new KafkaWatch({
  log,
  isRunning: () => kafkaScript(ROOT, 'status'),
  start: () => kafkaScript(ROOT, 'start'),
});

const tsNode = (script) => [process.execPath, ['-r', '@swc-node/register', script]];
const baseEnv = {
  ...process.env,
  SWC_NODE_PROJECT: 'tsconfig.base.json',
  NETS_ENV: process.env.NETS_ENV ?? 'development',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  // Even locally the subgraphs answer only the gateway: a fresh shared secret per run.
  GATEWAY_SECRET: process.env.GATEWAY_SECRET ?? randomBytes(24).toString('hex'),
  TZ: 'UTC',
};

const { default: pretty } = await import('pino-pretty');
const prettyStream = (name) =>
  pretty({
    colorize: process.stdout.isTTY,
    translateTime: 'HH:MM:ss',
    ignore: 'pid,hostname,service',
    singleLine: true,
    messageFormat: `[${name}] {msg}`,
  });

const supervisor = new Supervisor({
  log,
  attach(name, child) {
    child.stdout.pipe(prettyStream(name));
    child.stderr.on('data', (chunk) => process.stderr.write(`[${name}] ${chunk}`));
  },
});

function startProcess(name, script, env) {
  const [command, args] = tsNode(script);
  supervisor.start(name, command, args, {
    cwd: ROOT,
    env: { ...baseEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * `count` replicas of `script`, each on its own port; several go behind a load balancer on `port`.
 * Returns the ports to wait for.
 */
function startReplicas(name, script, port, count, env) {
  const ports = replicaPorts(port, count);
  ports.forEach((replicaPort, index) =>
    startProcess(count === 1 ? name : `${name}-${index + 1}`, script, { ...env, PORT: String(replicaPort) }),
  );
  if (count > 1) {
    supervisor.start(`${name}-balancer`, process.execPath, [join(ROOT, 'tools/platform/balancer.mjs')], {
      cwd: ROOT,
      env: {
        ...process.env,
        BALANCER_PORT: String(port),
        BALANCER_UPSTREAMS: ports.map((replicaPort) => `http://127.0.0.1:${replicaPort}`).join(','),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }
  return count === 1 ? ports : [...ports, port];
}

let currentStep;
/**
 * A one-shot step (migration, bundle, demo data) run without blocking: the supervisor keeps restarting what
 * dies meanwhile. Rejects when it fails.
 */
function runStep(description, script, env) {
  const [command, args] = tsNode(script);
  return new Promise((resolve, reject) => {
    currentStep = spawn(command, args, { cwd: ROOT, env: { ...baseEnv, ...env }, stdio: 'inherit' });
    currentStep.once('error', reject);
    currentStep.once('exit', (code, signal) => {
      currentStep = undefined;
      if (code === 0) resolve();
      else reject(new Error(`${description} failed (${signal ?? code})`));
    });
  });
}

async function waitReady(name, port, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${name} was not ready within ${timeoutMs / 1000} s`);
}

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  try {
    currentStep?.kill('SIGTERM');
    await kafkaWatch.stop();
    await supervisor.stopAll();
  } finally {
    if (startedKafka) stopKafka();
    process.exit(code);
  }
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGHUP', () => void shutdown(0));
process.on('uncaughtException', (error) => {
  log(`unexpected error: ${error.stack ?? error.message}`);
  void shutdown(1);
});

/** The identity provider first: every service verifies tokens by its JWKS, found through its discovery document. */
async function startIdentityProvider(gatewayUrl) {
  const idpUrl = `http://127.0.0.1:${IDP_PORT}`;
  const portal = `http://127.0.0.1:${STAFF_PORTAL_PORT}`;
  startProcess('identity-provider', 'apps/identity-provider/src/main.ts', {
    IDP_PORT: String(IDP_PORT),
    IDP_ISSUER: idpUrl,
    IDP_KEYS_FILE,
    IDP_GATEWAY_URL: gatewayUrl,
    IDP_STAFF_PORTAL_REDIRECT_URIS: process.env.IDP_STAFF_PORTAL_REDIRECT_URIS ?? `${portal}/auth/callback`,
    IDP_STAFF_PORTAL_POST_LOGOUT_REDIRECT_URIS:
      process.env.IDP_STAFF_PORTAL_POST_LOGOUT_REDIRECT_URIS ?? `${portal}/signed-out`,
  });
  await waitReady('identity-provider', IDP_PORT);
  const discovery = await (await fetch(`${idpUrl}/.well-known/openid-configuration`)).json();
  return { issuer: discovery.issuer, jwksUri: discovery.jwks_uri };
}

try {
  const replicas = replicaCounts([...services.map((service) => service.name), 'gateway']);
  ensureDependencies();
  await ensurePostgres();
  startedKafka = await ensureKafka();
  if (startedKafka) kafkaWatch.start();
  const gatewayUrl = `http://127.0.0.1:${GATEWAY_PORT}/graphql`;
  const identityProvider = await startIdentityProvider(gatewayUrl);
  // Production-style verification: the provider's keys only, never the development key.
  const auth = {
    AUTH_JWKS_URL: identityProvider.jwksUri,
    AUTH_ISSUER: identityProvider.issuer,
    AUTH_DEV_SECRET: '',
  };
  const server = databaseServer().url;
  for (const service of services) {
    log(`migrating ${service.name} (${service.database})`);
    await runStep(`migration of ${service.name}`, `apps/${service.name}/src/migrate.ts`, {
      LOG_LEVEL: 'warn',
      DATABASE_URL: `${server}/${service.database}`,
    });
  }
  const waits = services.map((service) =>
    startReplicas(service.name, `apps/${service.name}/src/main.ts`, service.port, replicas[service.name], {
      DATABASE_URL: `${server}/${service.database}`,
      ...auth,
    }).map((port) => waitReady(service.name, port)),
  );
  await Promise.all(waits.flat());
  const subgraphUrls = Object.fromEntries(
    services.map((service) => [
      `SUBGRAPH_${service.name.toUpperCase().replace(/-/g, '_')}_URL`,
      `http://127.0.0.1:${service.port}/graphql`,
    ]),
  );
  const gatewayPorts = startReplicas('gateway', 'apps/gateway/src/main.ts', GATEWAY_PORT, replicas.gateway, {
    // The survey web app on this machine forwards each learner's address; the gateway believes it.
    GATEWAY_TRUSTED_PROXIES: process.env.GATEWAY_TRUSTED_PROXIES ?? '127.0.0.1',
    ...subgraphUrls,
    ...auth,
  });
  await Promise.all(gatewayPorts.map((port) => waitReady('gateway', port)));
  const scaled = Object.entries(replicas).filter(([, count]) => count > 1);
  if (scaled.length) log(`replicas: ${scaled.map(([name, count]) => `${name} ×${count}`).join(', ')}`);

  // The web apps keep their sessions in PostgreSQL as production does, so a replica of either can serve any user.
  const webSessions = {
    'survey-web': { SURVEY_WEB_SESSION_DATABASE_URL: `${server}/nets_survey_web_sessions` },
    'staff-portal': { STAFF_PORTAL_SESSION_DATABASE_URL: `${server}/nets_staff_portal_sessions` },
  };
  for (const [app, env] of Object.entries(webSessions)) {
    log(`migrating ${app}'s sessions`);
    await runStep(`migration of ${app}'s sessions`, `apps/${app}/src/migrate.ts`, { LOG_LEVEL: 'warn', ...env });
  }

  log('building the survey web app’s browser bundle');
  await runStep('building the survey web app', 'apps/survey-web/src/build/build-client.ts', {});
  startProcess('survey-web', 'apps/survey-web/src/main.ts', {
    PORT: String(SURVEY_WEB_PORT),
    SURVEY_WEB_GATEWAY_URL: gatewayUrl,
    SURVEY_WEB_FORWARD_CLIENT_ADDRESS: 'true',
    ...webSessions['survey-web'],
  });
  await waitReady('survey-web', SURVEY_WEB_PORT);
  startProcess('staff-portal', 'apps/staff-portal/src/main.ts', {
    STAFF_PORTAL_PORT: String(STAFF_PORTAL_PORT),
    STAFF_PORTAL_PUBLIC_URL: `http://127.0.0.1:${STAFF_PORTAL_PORT}`,
    STAFF_PORTAL_GATEWAY_URL: gatewayUrl,
    STAFF_PORTAL_OIDC_ISSUER: identityProvider.issuer,
    ...webSessions['staff-portal'],
  });
  await waitReady('staff-portal', STAFF_PORTAL_PORT);
  log('loading the demo data (once)…');
  // Its tokens are signed with the provider's own key: the services accept nothing else.
  await runStep('loading the demo data', 'tools/demo/seed.ts', {
    GATEWAY_URL: gatewayUrl,
    AUTH_SIGNING_KEYS_FILE: IDP_KEYS_FILE,
    AUTH_ISSUER: identityProvider.issuer,
  });

  log(`the NETS platform is running: ${gatewayUrl}`);
  log(`the learner's survey (web): http://127.0.0.1:${SURVEY_WEB_PORT}/`);
  log(`the NETS Reporting Tool (staff; sign in as a demo user): http://127.0.0.1:${STAFF_PORTAL_PORT}/`);
  log(
    `try: curl -s ${gatewayUrl} -H 'content-type: application/json' -d '{"query":"{ openSurveyCycle { year name questionnaire { version title } } }"}'`,
  );
  log(
    `sign in (development identity provider): ${identityProvider.issuer}/ — demo users admin, national.analyst, ` +
      'quality.<region> (quality.london…), provider.r2s, provider.r4d, provider.r2t, provider.a81001, ' +
      'education.10001006; password demo (apps/identity-provider/README.md)',
  );
  log(
    'tokens for scripts: npm run -s dev-token -- --role NATIONAL_ANALYST (signed by the identity provider; see README). Ctrl-C stops everything.',
  );
} catch (error) {
  log(`start failed: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
}
