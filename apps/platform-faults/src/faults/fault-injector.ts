import type { ProcessPlatform } from '@nets/shared/testing';
import type { OwnKafka } from '../support/own-kafka';
import type { OwnPostgres } from '../support/own-postgres';

export type FaultKind =
  | 'response replica'
  | 'analytics replica'
  | 'gateway replica'
  | 'kafka broker'
  | 'postgres postmaster';

export const FAULT_KINDS: readonly FaultKind[] = [
  'response replica',
  'analytics replica',
  'gateway replica',
  'kafka broker',
  'postgres postmaster',
];

export interface InjectedFault {
  kind: FaultKind;
  /** The process killed (a replica's name, or the broker or postmaster). */
  target: string;
  at: number;
  /** ms from the kill until the target served again and a submission sent after the kill was acknowledged. */
  recoveryMs: number;
}

const REPLICA_OF: Record<string, string> = {
  'response replica': 'response',
  'analytics replica': 'analytics',
  'gateway replica': 'gateway',
};

async function until(
  check: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs = 240_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not recover within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const ready = async (url: string) => {
  try {
    return (await fetch(`${url}/readyz`)).ok;
  } catch {
    return false;
  }
};

/** kill -9 of one part of the platform, and what it takes for it to come back. */
export class FaultInjector {
  constructor(
    private readonly platform: ProcessPlatform,
    private readonly kafka: OwnKafka,
    private readonly postgres: OwnPostgres,
    /** Sends a fresh submission until acknowledged; resolves with when it was. */
    private readonly probe: () => Promise<number | undefined>,
  ) {}

  async inject(kind: FaultKind): Promise<InjectedFault> {
    const at = Date.now();
    let target: string;
    let serving: Promise<void>;
    const replicaOf = REPLICA_OF[kind];
    if (replicaOf) {
      const names = Object.keys(this.platform.replicaUrls).filter((name) => name.startsWith(`${replicaOf}-`));
      target = names[Math.floor(Math.random() * names.length)];
      const killed = this.platform.processes.get(target);
      if (!killed) throw new Error(`no process ${target}`);
      process.kill(killed.pid, 'SIGKILL');
      // The supervisor starts a new instance; it serves once its readiness answers.
      serving = until(
        async () =>
          this.platform.processes.get(target) !== killed && (await ready(this.platform.replicaUrls[target])),
        target,
      );
    } else if (kind === 'kafka broker') {
      target = `kafka :${this.kafka.port}`;
      this.kafka.kill();
      await new Promise((resolve) => setTimeout(resolve, 1_000 + Math.random() * 2_000));
      await this.kafka.restart();
      serving = Promise.resolve();
    } else {
      target = `postmaster :${this.postgres.port}`;
      this.postgres.killPostmaster();
      await new Promise((resolve) => setTimeout(resolve, 500 + Math.random() * 1_500));
      await this.postgres.restart();
      serving = Promise.resolve();
    }
    const [acknowledgedAt] = await Promise.all([this.probe(), serving]);
    if (acknowledgedAt === undefined)
      throw new Error(`no submission was acknowledged after the ${kind} fault`);
    return { kind, target, at, recoveryMs: Math.max(acknowledgedAt, Date.now()) - at };
  }
}
