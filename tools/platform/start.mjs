// `npm start`: the whole platform on this machine. Installs what is missing, starts Kafka (unless
// KAFKA_BROKERS points elsewhere), starts the development identity provider, creates and migrates each
// service's database, starts every subgraph and the gateway (verifying tokens by the provider's JWKS, as in
// production: no development key), the learner's survey web app, loads the demo data once, and prints how
// to reach them. Ctrl-C stops everything it started.
import { spawn, spawnSync } from 'node:child_process';
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

const GATEWAY_PORT = Number(process.env.PORT ?? 4000);
const SURVEY_WEB_PORT = Number(process.env.SURVEY_WEB_PORT ?? 4200);
const IDP_PORT = Number(process.env.IDP_PORT ?? 4300);
const STAFF_PORTAL_PORT = Number(process.env.STAFF_PORTAL_PORT ?? 4400);
const IDP_KEYS_FILE = process.env.IDP_KEYS_FILE ?? join(ROOT, '.data/identity-provider/signing-keys.json');
const services = JSON.parse(readFileSync(join(ROOT, 'tools/platform/services.json'), 'utf8'));
const children = [];
let startedKafka = false;
let stopping = false;

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

async function prettyStream(name) {
  const { default: pretty } = await import('pino-pretty');
  return pretty({
    colorize: process.stdout.isTTY,
    translateTime: 'HH:MM:ss',
    ignore: 'pid,hostname,service',
    singleLine: true,
    messageFormat: `[${name}] {msg}`,
  });
}

async function startProcess(name, script, env) {
  const [command, args] = tsNode(script);
  // Its own process group: Ctrl-C reaches only this script, which stops the children once, in order.
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...baseEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout.pipe(await prettyStream(name));
  child.stderr.on('data', (chunk) => process.stderr.write(`[${name}] ${chunk}`));
  child.on('exit', (code, signal) => {
    if (!stopping) {
      log(`${name} exited (${signal ?? code}); stopping the platform`);
      void shutdown(1);
    }
  });
  children.push({ name, child });
  return child;
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
  for (const { child } of [...children].reverse()) child.kill('SIGTERM');
  await Promise.all(
    children.map(({ child }) =>
      child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : null,
    ),
  );
  if (startedKafka) stopKafka();
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

/** The identity provider first: every service verifies tokens by its JWKS, found through its discovery document. */
async function startIdentityProvider(gatewayUrl) {
  const idpUrl = `http://127.0.0.1:${IDP_PORT}`;
  const portal = `http://127.0.0.1:${STAFF_PORTAL_PORT}`;
  await startProcess('identity-provider', 'apps/identity-provider/src/main.ts', {
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
  ensureDependencies();
  await ensurePostgres();
  startedKafka = await ensureKafka();
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
    const [command, args] = tsNode(`apps/${service.name}/src/migrate.ts`);
    const result = spawnSync(command, args, {
      cwd: ROOT,
      env: { ...baseEnv, LOG_LEVEL: 'warn', DATABASE_URL: `${server}/${service.database}` },
      stdio: 'inherit',
    });
    if (result.status !== 0) throw new Error(`migration of ${service.name} failed`);
  }
  for (const service of services) {
    await startProcess(service.name, `apps/${service.name}/src/main.ts`, {
      PORT: String(service.port),
      DATABASE_URL: `${server}/${service.database}`,
      ...auth,
    });
  }
  await Promise.all(services.map((service) => waitReady(service.name, service.port)));
  const subgraphUrls = Object.fromEntries(
    services.map((service) => [
      `SUBGRAPH_${service.name.toUpperCase().replace(/-/g, '_')}_URL`,
      `http://127.0.0.1:${service.port}/graphql`,
    ]),
  );
  await startProcess('gateway', 'apps/gateway/src/main.ts', {
    PORT: String(GATEWAY_PORT),
    // The survey web app on this machine forwards each learner's address; the gateway believes it.
    GATEWAY_TRUSTED_PROXIES: process.env.GATEWAY_TRUSTED_PROXIES ?? '127.0.0.1',
    ...subgraphUrls,
    ...auth,
  });
  await waitReady('gateway', GATEWAY_PORT);

  log('building the survey web app’s browser bundle');
  const [buildCommand, buildArgs] = tsNode('apps/survey-web/src/build/build-client.ts');
  const built = spawnSync(buildCommand, buildArgs, { cwd: ROOT, env: baseEnv, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('building the survey web app failed');
  await startProcess('survey-web', 'apps/survey-web/src/main.ts', {
    PORT: String(SURVEY_WEB_PORT),
    SURVEY_WEB_GATEWAY_URL: gatewayUrl,
    SURVEY_WEB_FORWARD_CLIENT_ADDRESS: 'true',
  });
  await waitReady('survey-web', SURVEY_WEB_PORT);
  log('loading the demo data (once)…');
  const [command, args] = tsNode('tools/demo/seed.ts');
  const seeded = spawnSync(command, args, {
    cwd: ROOT,
    // Its tokens are signed with the provider's own key: the services accept nothing else.
    env: {
      ...baseEnv,
      GATEWAY_URL: gatewayUrl,
      AUTH_SIGNING_KEYS_FILE: IDP_KEYS_FILE,
      AUTH_ISSUER: identityProvider.issuer,
    },
    stdio: 'inherit',
  });
  if (seeded.status !== 0) throw new Error('loading the demo data failed');

  log(`the NETS platform is running: ${gatewayUrl}`);
  log(`the learner's survey (web): http://127.0.0.1:${SURVEY_WEB_PORT}/`);
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
