// `npm start` keeps the Kafka broker it launched running: the broker is a daemon of tools/kafka/kafka.sh, not a
// child the supervisor could restart, so this checks it every few seconds and starts it again when it has died
// (a crash, a kill -9). `stop()` waits for a restart under way, so whatever ends `npm start` can then stop the
// broker and leave nothing of its own running.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const CHECK_EVERY_MS = 5_000;

export class KafkaWatch {
  #timer;
  #checking;
  #stopped = false;

  /**
   * @param {{ log: (line: string) => void, isRunning: () => Promise<boolean>, start: () => Promise<boolean>,
   *   intervalMs?: number }} options
   */
  constructor({ log, isRunning, start, intervalMs = CHECK_EVERY_MS }) {
    this.log = log;
    this.isRunning = isRunning;
    this.startBroker = start;
    this.intervalMs = intervalMs;
    this.restarts = 0;
  }

  start() {
    this.#timer = setInterval(() => {
      this.#checking ??= this.#check().finally(() => {
        this.#checking = undefined;
      });
    }, this.intervalMs);
  }

  async #check() {
    if (this.#stopped || (await this.isRunning()) || this.#stopped) return;
    this.restarts += 1;
    this.log(`the Kafka broker is not running; starting it again (restart ${this.restarts})`);
    const started = await this.startBroker();
    this.log(started ? 'the Kafka broker is running again' : 'the Kafka broker did not start; trying again');
  }

  async stop() {
    this.#stopped = true;
    clearInterval(this.#timer);
    await this.#checking;
  }
}

/** `tools/kafka/kafka.sh <command>` without blocking the event loop (the supervisor keeps working meanwhile). */
export function kafkaScript(root, command) {
  return new Promise((resolve) => {
    const child = spawn('bash', [join(root, 'tools/kafka/kafka.sh'), command], {
      cwd: root,
      stdio: command === 'status' ? 'ignore' : 'inherit',
    });
    child.once('error', () => resolve(false));
    child.once('exit', (code) => resolve(code === 0));
  });
}
