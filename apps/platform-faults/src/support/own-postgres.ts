// A PostgreSQL server of the suite's own, so its postmaster can be killed without touching the shared server:
// `initdb` into a temporary folder with the machine's binaries, on a free port, run as the `postgres` user when
// the suite runs as root (PostgreSQL refuses to run as root).
import { execFile, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePorts } from '@nets/shared/testing';

function postgresBin(): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  if (!versions.length) throw new Error('no PostgreSQL binaries under /usr/lib/postgresql');
  return join('/usr/lib/postgresql', versions[0], 'bin');
}

export class OwnPostgres {
  private constructor(
    private readonly dir: string,
    readonly port: number,
    private readonly asPostgres: boolean,
  ) {}

  static async start(): Promise<OwnPostgres> {
    const [port] = await freePorts(1);
    const dir = mkdtempSync(join(tmpdir(), 'nets-faults-pg-'));
    const asPostgres = userInfo().uid === 0;
    if (asPostgres) {
      const { uid, gid } = postgresUser();
      chownSync(dir, uid, gid);
    }
    const server = new OwnPostgres(dir, port, asPostgres);
    await server.run('initdb', ['-D', server.dataDir, '-U', 'postgres', '--auth=trust', '--no-sync']);
    await server.startPostmaster();
    return server;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}`;
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  /** The postmaster's process id (first line of postmaster.pid). */
  postmasterPid(): number {
    return Number(readFileSync(join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  }

  killPostmaster(): void {
    process.kill(this.postmasterPid(), 'SIGKILL');
  }

  /** Starts the postmaster again; retried while the killed one's backends still hold its shared memory. */
  async restart(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        await this.startPostmaster();
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  stop(): void {
    spawnSync(...this.command('pg_ctl', ['stop', '-D', this.dataDir, '-m', 'immediate']), {
      stdio: 'ignore',
    });
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async startPostmaster(): Promise<void> {
    await this.run('pg_ctl', [
      'start',
      '-w',
      '-D',
      this.dataDir,
      '-l',
      join(this.dir, 'postgres.log'),
      '-o',
      `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off`,
    ]);
  }

  /** Without blocking: the load generator keeps submitting meanwhile. */
  private async run(tool: string, args: string[]): Promise<void> {
    await promisify(execFile)(...this.command(tool, args));
  }

  private command(tool: string, args: string[]): [string, string[]] {
    const binary = join(postgresBin(), tool);
    return this.asPostgres ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
  }
}

function postgresUser(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  if (!line) throw new Error('running as root and there is no postgres user to run PostgreSQL as');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}
