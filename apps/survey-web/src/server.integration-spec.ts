import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { dropDatabase } from '@nets/shared/data-access-typeorm';
import { SESSION_COOKIE } from './journey/journey-context';
import { migrateSessionDatabase } from './session/session-database';

const SERVER_URL = process.env['TEST_DATABASE_SERVER_URL'] ?? 'postgres://postgres@127.0.0.1:5432';
const ROOT = join(__dirname, '..', '..', '..');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** One survey-web process, as `npm start` or a container runs it; no gateway answers. */
async function startReplica(sessionDatabaseUrl: string): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', '@swc-node/register', 'apps/survey-web/src/main.ts'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        SWC_NODE_PROJECT: 'tsconfig.base.json',
        TZ: 'UTC',
        NETS_ENV: 'test',
        LOG_LEVEL: 'warn',
        PORT: String(port),
        SURVEY_WEB_GATEWAY_URL: `http://127.0.0.1:${await freePort()}/graphql`,
        SURVEY_WEB_SESSION_DATABASE_URL: sessionDatabaseUrl,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  for (const started = Date.now(); ; ) {
    if (child.exitCode !== null) throw new Error(`survey-web exited:\n${output}`);
    if ((await fetch(`${url}/healthz`).catch(() => undefined))?.ok) return { url, stop };
    if (Date.now() - started > 90_000) {
      await stop();
      throw new Error(`survey-web did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const sessionCookieOf = (response: Response): string | undefined =>
  response.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`))
    ?.split(';')[0];

describe('two survey-web processes with their sessions in PostgreSQL', () => {
  const url = `${SERVER_URL}/nets_test_web_replicas_${randomBytes(4).toString('hex')}`;
  const replicas: Array<{ url: string; stop(): Promise<void> }> = [];

  beforeAll(async () => {
    await migrateSessionDatabase(url);
    replicas.push(...(await Promise.all([startReplica(url), startReplica(url)])));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await dropDatabase(url);
  });

  const get = (replica: number, path: string, cookie?: string) =>
    fetch(`${replicas[replica].url}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });

  it('serves one learner’s session from either process', async () => {
    const first = await get(0, '/saved');
    expect(first.status).toBe(303);
    const cookie = sessionCookieOf(first);
    expect(cookie).toBeDefined();

    // The other process knows the session: it sends back the same one, not a new one.
    const second = await get(1, '/saved', cookie);
    expect(second.status).toBe(303);
    expect(sessionCookieOf(second)).toBe(cookie);
    const unknown = await get(1, '/saved', `${SESSION_COOKIE}=never-made`);
    expect(sessionCookieOf(unknown)).not.toBe(`${SESSION_COOKIE}=never-made`);
  });

  it('keeps the error, not-found and plain pages around the journey', async () => {
    const noGateway = await get(1, '/');
    expect(noGateway.status).toBe(503);
    expect(await noGateway.text()).toContain('Sorry, there is a problem with the service');
    const statement = await get(0, '/accessibility-statement');
    expect(statement.status).toBe(200);
    expect(sessionCookieOf(statement)).toBeUndefined();
    expect((await get(0, '/no-such-page')).status).toBe(404);
  });
});
