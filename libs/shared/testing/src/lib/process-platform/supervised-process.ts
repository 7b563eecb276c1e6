import type { PlatformProcess } from './platform-process';

const FIRST_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 5_000;
const STABLE_AFTER_MS = 30_000;

/**
 * One process of the platform kept running as an orchestrator would (the test-sized counterpart of
 * tools/platform/supervisor.mjs): when it dies unexpectedly it is started again after a backoff that doubles
 * with each crash in a row, until `halt()`.
 */
export class SupervisedProcess {
  private instance: PlatformProcess;
  private stopped = false;
  private backoffMs = FIRST_BACKOFF_MS;
  /** When each restart happened (ms since the epoch). */
  readonly restartedAt: number[] = [];

  constructor(
    readonly name: string,
    running: PlatformProcess,
    private readonly launch: () => PlatformProcess,
    private readonly onRestart: (line: string) => void,
  ) {
    this.instance = this.watch(running);
  }

  get current(): PlatformProcess {
    return this.instance;
  }

  private watch(instance: PlatformProcess): PlatformProcess {
    const startedAt = Date.now();
    void instance.exited.then((code) => {
      if (this.stopped || instance !== this.instance) return;
      // A process that stayed up a while crashed anew: its restart waits the first backoff again.
      if (Date.now() - startedAt > STABLE_AFTER_MS) this.backoffMs = FIRST_BACKOFF_MS;
      this.onRestart(`${this.name} exited (${code ?? 'signal'}); restarting in ${this.backoffMs} ms`);
      setTimeout(() => {
        if (this.stopped) return;
        this.restartedAt.push(Date.now());
        this.instance = this.watch(this.launch());
      }, this.backoffMs);
      this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
    });
    return instance;
  }

  /** No more restarts: the platform is stopping its processes. */
  halt(): void {
    this.stopped = true;
  }
}
