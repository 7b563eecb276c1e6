// Supervision for `npm start`: every process it starts is restarted with backoff when it dies (a crash, a
// kill -9) and the restart is logged; `stopAll()` stops them all, newest first, waiting for each to exit.
import { spawn } from 'node:child_process';

const FIRST_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 30_000;
/** A process that stayed up this long is healthy again: its next crash restarts it after FIRST_BACKOFF_MS. */
const STABLE_AFTER_MS = 60_000;
const STOP_GRACE_MS = 15_000;

const isRunning = (child) => child.exitCode === null && child.signalCode === null;

export class Supervisor {
  #processes = [];
  #stopping = false;

  /** @param {{ log: (line: string) => void, attach: (name: string, child: import('node:child_process').ChildProcess) => void }} options */
  constructor({ log, attach }) {
    this.log = log;
    this.attach = attach;
  }

  get stopping() {
    return this.#stopping;
  }

  /** Starts `command args` and keeps it running until stopAll(); returns its record ({ name, child }). */
  start(name, command, args, options) {
    const record = {
      name,
      command,
      args,
      options,
      child: undefined,
      restarts: 0,
      backoffMs: FIRST_BACKOFF_MS,
    };
    this.#processes.push(record);
    this.#spawn(record);
    return record;
  }

  #spawn(record) {
    const startedAt = Date.now();
    // Its own process group: Ctrl-C reaches only `npm start`, which stops the children once, in order.
    const child = spawn(record.command, record.args, { ...record.options, detached: true });
    record.child = child;
    this.attach(record.name, child);
    child.once('exit', (code, signal) => {
      if (this.#stopping) return;
      if (Date.now() - startedAt > STABLE_AFTER_MS) record.backoffMs = FIRST_BACKOFF_MS;
      record.restarts += 1;
      this.log(
        `${record.name} exited (${signal ?? code}); restarting in ${record.backoffMs / 1000} s (restart ${record.restarts})`,
      );
      setTimeout(() => {
        if (!this.#stopping) this.#spawn(record);
      }, record.backoffMs);
      record.backoffMs = Math.min(record.backoffMs * 2, MAX_BACKOFF_MS);
    });
    child.once('error', (error) => this.log(`${record.name} could not start: ${error.message}`));
  }

  /** SIGTERM to every process, newest first; SIGKILL to any still running after the grace period. */
  async stopAll() {
    this.#stopping = true;
    const running = [...this.#processes]
      .reverse()
      .map((record) => record.child)
      .filter((child) => child && isRunning(child));
    for (const child of running) child.kill('SIGTERM');
    await Promise.all(
      running.map(
        (child) =>
          new Promise((resolve) => {
            if (!isRunning(child)) return resolve();
            const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
          }),
      ),
    );
  }
}
