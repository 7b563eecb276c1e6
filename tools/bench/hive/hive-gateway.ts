// Hive Gateway (@graphql-hive/gateway), the peer gateway the overhead benchmark compares ours with. It lives in
// its own folder outside the main lock file (about 500 MB), installed once by the bench and reused.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const HIVE_DIR = resolve(__dirname, '../../../.data/hive-gateway');
export const HIVE_GATEWAY_VERSION = '2.15.1';
const BIN = join(HIVE_DIR, 'node_modules/@graphql-hive/gateway/dist/bin.js');

/** Its own package.json: the delegate override is needed for the supergraph to plan here. */
const PACKAGE_JSON = {
  name: 'nets-bench-hive-gateway',
  private: true,
  description: 'Installed by tools/bench/hive/hive-gateway.ts; not part of the NETS lock file.',
  dependencies: { '@graphql-hive/gateway': HIVE_GATEWAY_VERSION },
  overrides: { '@graphql-tools/delegate': '12.2.1' },
};

/**
 * Forwards what our gateway forwards: the caller's Authorization and the gateway proof the subgraphs
 * require (read from the environment of the Hive process, never written to disk). Like ours, one subgraph
 * request per client request: Hive's default deduplication of identical in-flight subgraph requests would
 * turn the benchmark's identical concurrent queries into a few subgraph calls and measure that instead.
 */
const CONFIG = `import { defineConfig } from '@graphql-hive/gateway';

export const gatewayConfig = defineConfig({
  supergraph: process.env.HIVE_SUPERGRAPH_PATH,
  logging: 'error',
  transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } },
  propagateHeaders: {
    fromClientToSubgraphs({ request }) {
      const headers = { 'x-nets-gateway-secret': process.env.GATEWAY_SECRET };
      const authorization = request.headers.get('authorization');
      if (authorization) headers.authorization = authorization;
      return headers;
    },
  },
});
`;

/** Installs Hive Gateway into HIVE_DIR unless it is already there. */
export function ensureHiveGateway(log: (line: string) => void = () => undefined): void {
  mkdirSync(HIVE_DIR, { recursive: true });
  writeFileSync(join(HIVE_DIR, 'package.json'), `${JSON.stringify(PACKAGE_JSON, null, 2)}\n`);
  writeFileSync(join(HIVE_DIR, 'gateway.config.mjs'), CONFIG);
  if (existsSync(BIN)) return;
  log(`installing @graphql-hive/gateway ${HIVE_GATEWAY_VERSION} into ${HIVE_DIR} (once, ~500 MB)…`);
  const installed = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: HIVE_DIR,
    stdio: 'inherit',
  });
  if (installed.status !== 0 || !existsSync(BIN)) {
    throw new Error(`installing Hive Gateway into ${HIVE_DIR} failed (npm exit ${installed.status})`);
  }
}

/** Starts Hive Gateway on `port` over the given supergraph file, with subgraph URLs as they are in it. */
export function spawnHiveGateway(options: {
  port: number;
  supergraphPath: string;
  gatewaySecret: string;
}): ChildProcess {
  return spawn(process.execPath, [BIN, 'supergraph', '--port', String(options.port), '--host', '127.0.0.1'], {
    cwd: HIVE_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HIVE_SUPERGRAPH_PATH: options.supergraphPath,
      GATEWAY_SECRET: options.gatewaySecret,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}
