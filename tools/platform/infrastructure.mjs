// Shared by `npm start`, `npm test` and `npm run bench`: makes sure dependencies are installed,
// PostgreSQL answers and a Kafka broker runs (starting the local one when KAFKA_BROKERS is not set).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function log(message) {
  process.stdout.write(`[nets] ${message}\n`);
}

export function ensureDependencies() {
  if (existsSync(join(ROOT, 'node_modules', '.package-lock.json'))) return;
  log('installing dependencies (npm ci)…');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' });
}

export function canConnect(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export function databaseServer() {
  const url = new URL(process.env.DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432');
  return { url: url.toString().replace(/\/$/, ''), host: url.hostname, port: Number(url.port || 5432) };
}

export async function ensurePostgres() {
  const { host, port, url } = databaseServer();
  if (await canConnect(host, port)) return;
  // The machines this project runs on start PostgreSQL before the session; try once to start it if not.
  spawnSync(
    'sh',
    ['-c', 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql | head -1) main start'],
    {
      stdio: 'ignore',
    },
  );
  for (let attempt = 0; attempt < 20; attempt += 1) {
    if (await canConnect(host, port)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`PostgreSQL does not answer at ${url}: start it, or set DATABASE_SERVER_URL.`);
}

/** Starts the local broker unless KAFKA_BROKERS names another; returns whether this call started it. */
export async function ensureKafka() {
  if (process.env.KAFKA_BROKERS) {
    log(`using the Kafka brokers in KAFKA_BROKERS (${process.env.KAFKA_BROKERS})`);
    return false;
  }
  const running =
    spawnSync('bash', [join(ROOT, 'tools/kafka/kafka.sh'), 'status'], { stdio: 'ignore' }).status === 0;
  if (running) return false;
  log('starting the local Kafka broker (tools/kafka)…');
  execFileSync('bash', [join(ROOT, 'tools/kafka/kafka.sh'), 'start'], { cwd: ROOT, stdio: 'inherit' });
  return true;
}

export function stopKafka() {
  log('stopping the local Kafka broker');
  spawnSync('bash', [join(ROOT, 'tools/kafka/kafka.sh'), 'stop'], { cwd: ROOT, stdio: 'inherit' });
}
