// A Kafka broker of the suite's own (tools/kafka/kafka.sh on free ports and a temporary data folder), so it
// can be killed without touching the shared broker every other test uses.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT, freePorts } from '@nets/shared/testing';

const KAFKA_SH = join(REPO_ROOT, 'tools/kafka/kafka.sh');

export class OwnKafka {
  private constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly dataDir: string,
    readonly port: number,
  ) {}

  static async start(): Promise<OwnKafka> {
    const [port, controllerPort] = await freePorts(2);
    const dataDir = mkdtempSync(join(tmpdir(), 'nets-faults-kafka-'));
    const env = {
      ...process.env,
      KAFKA_PORT: String(port),
      KAFKA_CONTROLLER_PORT: String(controllerPort),
      KAFKA_DATA_DIR: dataDir,
      // The jars `npm start` and `npm test` already fetched.
      KAFKA_CACHE_DIR: process.env['KAFKA_CACHE_DIR'] ?? join(REPO_ROOT, '.data/kafka-dist'),
      KAFKA_HEAP_OPTS: '-Xms128m -Xmx512m',
    };
    const broker = new OwnKafka(env, dataDir, port);
    await broker.run('start');
    return broker;
  }

  get brokers(): string {
    return `127.0.0.1:${this.port}`;
  }

  kill(): void {
    process.kill(Number(readFileSync(join(this.dataDir, 'kafka.pid'), 'utf8').trim()), 'SIGKILL');
  }

  /** Starts the killed broker again on the same data folder (its topics and offsets survive). */
  async restart(): Promise<void> {
    await this.run('start');
  }

  async stop(): Promise<void> {
    try {
      await this.run('stop');
    } finally {
      rmSync(this.dataDir, { recursive: true, force: true });
    }
  }

  /** Without blocking: the load generator keeps submitting meanwhile. */
  private async run(command: string): Promise<void> {
    await promisify(execFile)('bash', [KAFKA_SH, command], { env: this.env, timeout: 240_000 });
  }
}
