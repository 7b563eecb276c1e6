import { submitAs } from '../support/survey-setup';

const GIVE_UP_AFTER_MS = 300_000;

/**
 * A steady submission load through the gateway, as learners' browsers would send it: each submission is
 * retried with the same idempotency key until it is acknowledged, and every acknowledged receipt is recorded.
 */
export class LoadGenerator {
  /** Idempotency key → receipt code, of every acknowledged submission. */
  readonly acknowledged = new Map<string, string>();
  /** Submissions still unacknowledged when they were given up (each may or may not have been stored). */
  readonly abandoned: string[] = [];
  /** Refusals and failed attempts that were retried, by error code. */
  readonly retriedErrors = new Map<string, number>();
  private running = false;
  private workers: Promise<void>[] = [];

  constructor(
    private readonly gatewayUrl: string,
    private readonly nextSubmission: () => Record<string, unknown>,
    private readonly options: { workers: number; pauseMs: number },
  ) {}

  start(): void {
    this.running = true;
    this.workers = Array.from({ length: this.options.workers }, () => this.work());
  }

  /** Stops sending new submissions and waits until every one already sent is acknowledged (or given up). */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.workers);
  }

  /** Sends one submission until acknowledged; resolves with the time of the acknowledgement. */
  async submitUntilAcknowledged(input: Record<string, unknown>): Promise<number | undefined> {
    const key = String(input['idempotencyKey']);
    const deadline = Date.now() + GIVE_UP_AFTER_MS;
    for (let delay = 100; Date.now() < deadline; delay = Math.min(delay * 2, 2_000)) {
      const outcome = await submitAs(this.gatewayUrl, input, '127.0.0.1');
      if (outcome.receiptCode) {
        this.acknowledged.set(key, outcome.receiptCode);
        return Date.now();
      }
      const code = (outcome.error ?? 'UNKNOWN').slice(0, 60);
      this.retriedErrors.set(code, (this.retriedErrors.get(code) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
    this.abandoned.push(key);
    return undefined;
  }

  private async work(): Promise<void> {
    while (this.running) {
      await this.submitUntilAcknowledged(this.nextSubmission());
      await new Promise((resolve) => setTimeout(resolve, this.options.pauseMs));
    }
  }
}
