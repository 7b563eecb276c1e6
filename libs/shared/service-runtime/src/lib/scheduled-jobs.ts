import type { DataSource, QueryRunner } from 'typeorm';
import type { Logger } from '@nets/shared/util-logger';

/** Work a service repeats on a timer (closing cycles at their time, housekeeping, publication). */
export interface ScheduledJob {
  /** Unique within the service's database: replicas agree on who runs it by this name. */
  name: string;
  run(): Promise<void>;
  /** Run once as soon as the service starts, then every interval (otherwise the first run waits one interval). */
  runAtStart?: boolean;
  /** Work on this process's own state (warming its caches): every replica runs it, with no lock. */
  everyReplica?: boolean;
}

export interface ScheduleOptions {
  dataSource: DataSource;
  intervalMs: number;
  logger: Logger;
}

/**
 * Runs each job every interval on one replica at a time. The runner of a job holds a PostgreSQL session
 * advisory lock on a connection of its own for as long as it lives: every other replica tries the lock at
 * each tick and skips, so a job runs once per tick however many replicas there are, and when its runner
 * stops or dies (its connection closes, the lock goes with it) the next replica to tick takes over. A run
 * never overlaps the previous one. Returns how to stop: waits for runs in progress, then lets go of the locks.
 */
export function scheduleJobs(jobs: readonly ScheduledJob[], options: ScheduleOptions): () => Promise<void> {
  const runners = jobs.map((job) => new JobRunner(job, options));
  for (const runner of runners) runner.start();
  return async () => {
    await Promise.all(runners.map((runner) => runner.stop()));
  };
}

const JOB_LOCK_SPACE = 'nets.scheduled-job';

class JobRunner {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  /** The connection holding the job's lock while this replica is its runner. */
  private lockHolder: QueryRunner | undefined;

  constructor(
    private readonly job: ScheduledJob,
    private readonly options: ScheduleOptions,
  ) {}

  start(): void {
    if (this.job.runAtStart) this.tick();
    this.timer = setInterval(() => this.tick(), this.options.intervalMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
    await this.letGo();
  }

  private tick(): void {
    if (this.stopped) return;
    this.running ??= this.runIfHolder().finally(() => {
      this.running = undefined;
    });
  }

  private async runIfHolder(): Promise<void> {
    const { logger } = this.options;
    try {
      if (!this.job.everyReplica && !(await this.holdLock())) return;
    } catch (error) {
      logger.warn(
        { err: error, job: this.job.name },
        'scheduled job lock unavailable; trying again next tick',
      );
      await this.letGo();
      return;
    }
    try {
      await this.job.run();
    } catch (error) {
      logger.error({ err: error, job: this.job.name }, 'scheduled job failed');
    }
  }

  /** True when this replica holds the job's lock: kept from an earlier tick (its connection still answers) or taken now. */
  private async holdLock(): Promise<boolean> {
    if (this.lockHolder) {
      await this.lockHolder.query('SELECT 1');
      return true;
    }
    const connection = this.options.dataSource.createQueryRunner();
    try {
      const [{ locked }] = (await connection.query(
        'SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS locked',
        [JOB_LOCK_SPACE, this.job.name],
      )) as Array<{ locked: boolean }>;
      if (locked) {
        this.lockHolder = connection;
        return true;
      }
    } catch (error) {
      await connection.release();
      throw error;
    }
    await connection.release();
    return false;
  }

  private async letGo(): Promise<void> {
    const holder = this.lockHolder;
    this.lockHolder = undefined;
    if (!holder) return;
    try {
      await holder.query('SELECT pg_advisory_unlock(hashtext($1), hashtext($2))', [
        JOB_LOCK_SPACE,
        this.job.name,
      ]);
    } catch {
      // A broken connection has lost the lock already.
    } finally {
      await holder.release();
    }
  }
}
