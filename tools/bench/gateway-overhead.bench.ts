import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, DEV_AUTH_SECRET, mintDevToken } from '@nets/shared/auth';
import { dropDatabase } from '@nets/shared/data-access-typeorm';
import { BROKERS, DATABASE_SERVER, load, startApp, stopApp, uniqueName, type BenchRow } from './bench-kit';

const SURVEY_PORT = 4911;
const GATEWAY_PORT = 4910;
const QUERY = JSON.stringify({ query: '{ measures { key title polarity } }' });

/** A query served by one subgraph, through the gateway and straight to the subgraph, each its own process. */
export async function gatewayOverhead(seconds: number): Promise<BenchRow[]> {
  const databaseUrl = `${DATABASE_SERVER}/${uniqueName('nets_bench_survey')}`;
  const secret = randomBytes(16).toString('hex');
  const common = {
    KAFKA_BROKERS: BROKERS,
    KAFKA_TOPIC_PREFIX: `${uniqueName('bench')}.`,
    GATEWAY_SECRET: secret,
  };
  const migrated = spawnSync(process.execPath, ['-r', '@swc-node/register', 'apps/survey/src/migrate.ts'], {
    env: {
      ...process.env,
      SWC_NODE_PROJECT: 'tsconfig.base.json',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
    },
    stdio: 'inherit',
  });
  if (migrated.status !== 0) throw new Error('survey migration failed');
  const survey = await startApp(
    'apps/survey/src/main.ts',
    { ...common, PORT: String(SURVEY_PORT), DATABASE_URL: databaseUrl },
    SURVEY_PORT,
  );
  const gateway = await startApp(
    'apps/gateway/src/main.ts',
    { ...common, PORT: String(GATEWAY_PORT), SUBGRAPH_SURVEY_URL: `http://127.0.0.1:${SURVEY_PORT}/graphql` },
    GATEWAY_PORT,
    // Only the survey subgraph runs here; the gateway is ready for the queries measured.
    '/healthz',
  ).catch(async (error: unknown) => {
    await stopApp(survey);
    throw error;
  });
  try {
    const token = await mintDevToken(
      { role: 'NATIONAL_ANALYST' },
      { devSecret: DEV_AUTH_SECRET, issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE },
    );
    const auth = { authorization: `Bearer ${token}` };
    const direct = {
      url: `http://127.0.0.1:${SURVEY_PORT}/graphql`,
      headers: { ...auth, 'x-nets-gateway-secret': secret },
    };
    const viaGateway = { url: `http://127.0.0.1:${GATEWAY_PORT}/graphql`, headers: auth };
    await load({ ...viaGateway, body: QUERY, connections: 10, seconds: 2 });
    const subgraph = await load({ ...direct, body: QUERY, connections: 20, seconds });
    const throughGateway = await load({ ...viaGateway, body: QUERY, connections: 20, seconds });
    const failures = subgraph.errors + subgraph.non2xx + throughGateway.errors + throughGateway.non2xx;
    return [
      {
        name: 'single-subgraph query through the gateway (20 connections)',
        value: throughGateway.requestsPerSecond,
        unit: 'req/s',
        reference: { name: 'same query straight to the subgraph', value: subgraph.requestsPerSecond },
        target: '≥ 0.5×',
        note: `p50/p99 ${throughGateway.p50}/${throughGateway.p99} ms vs ${subgraph.p50}/${subgraph.p99} ms; ${failures} errors`,
      },
    ];
  } finally {
    await stopApp(gateway);
    await stopApp(survey);
    await dropDatabase(databaseUrl);
  }
}
