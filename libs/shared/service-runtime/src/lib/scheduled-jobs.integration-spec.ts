import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  createServiceDataSource,
  databaseConfigSchema,
  dropDatabase,
  ensureDatabase,
} from '@nets/shared/data-access-typeorm';
import { createLogger } from '@nets/shared/util-logger';
import { scheduleJobs, type ScheduledJob } from './scheduled-jobs';

// The testing lib builds on this one, so this spec makes its own database.
const SERVER_URL = process.env['TEST_DATABASE_SERVER_URL'] ?? 'postgres://postgres@127.0.0.1:5432';
const INTERVAL_MS = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('scheduled jobs across replicas', () => {
  const url = `${SERVER_URL}/nets_test_schedule_${randomBytes(4).toString('hex')}`;
  const logger = createLogger('schedule-test', 'silent');
  const replicas: DataSource[] = [];

  beforeAll(async () => {
    await ensureDatabase(url);
    for (let i = 0; i < 2; i += 1) {
      const dataSource = createServiceDataSource({
        service: `schedule-test-${i}`,
        config: databaseConfigSchema('unused').parse({ DATABASE_URL: url }),
        entities: [],
        migrations: [],
      });
      replicas.push(await dataSource.initialize());
    }
  });

  afterAll(async () => {
    for (const dataSource of replicas) await dataSource.destroy();
    await dropDatabase(url);
  });

  /** Starts the same jobs on both replicas, as two processes of one service would. */
  function startReplicas(jobsOf: (replica: number) => ScheduledJob[]) {
    return replicas.map((dataSource, replica) =>
      scheduleJobs(jobsOf(replica), { dataSource, intervalMs: INTERVAL_MS, logger }),
    );
  }

  it('runs a job on one replica once per tick, never overlapping, and the other takes over when it stops', async () => {
    const runs: Array<{ replica: number; at: number }> = [];
    let inFlight = 0;
    let overlapped = false;
    const stops = startReplicas((replica) => [
      {
        name: 'close-due-cycles',
        runAtStart: true,
        run: async () => {
          inFlight += 1;
          overlapped ||= inFlight > 1;
          runs.push({ replica, at: Date.now() });
          await sleep(30);
          inFlight -= 1;
        },
      },
    ]);
    const started = Date.now();
    await sleep(1000);
    const elapsed = Date.now() - started;
    const runner = runs[0].replica;
    expect(runs.every((run) => run.replica === runner)).toBe(true);
    // One run per tick of one scheduler, not one per tick of each.
    expect(runs.length).toBeGreaterThanOrEqual(5);
    expect(runs.length).toBeLessThanOrEqual(Math.floor(elapsed / INTERVAL_MS) + 1);
    expect(overlapped).toBe(false);

    await stops[runner]();
    const handedOver = runs.length;
    await sleep(500);
    const later = runs.slice(handedOver);
    expect(later.length).toBeGreaterThanOrEqual(2);
    expect(later.every((run) => run.replica === 1 - runner)).toBe(true);
    await stops[1 - runner]();
  });

  it('carries on once per tick, on either replica, when the runner’s connection dies (a killed process)', async () => {
    const runs: Array<{ replica: number; at: number }> = [];
    const stops = startReplicas((replica) => [
      {
        name: 'housekeeping',
        runAtStart: true,
        run: async () => void runs.push({ replica, at: Date.now() }),
      },
    ]);
    await sleep(350);
    const runner = runs[0].replica;
    // What PostgreSQL sees when a process is killed: the session holding the lock ends, and the lock with it.
    const [{ terminated }] = await replicas[0].query<Array<{ terminated: number }>>(
      `SELECT count(pg_terminate_backend(pid))::int AS terminated FROM pg_locks WHERE locktype = 'advisory'
       AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    expect(terminated).toBe(1);
    const killedAt = Date.now();
    await sleep(1000);
    const after = runs.filter((run) => run.at > killedAt);
    expect(after.length).toBeGreaterThanOrEqual(5);
    expect(after.length).toBeLessThanOrEqual(Math.floor((Date.now() - killedAt) / INTERVAL_MS) + 1);
    expect(runs.slice(0, runs.length - after.length).every((run) => run.replica === runner)).toBe(true);
    await Promise.all(stops.map((stop) => stop()));
  });

  it('runs a job that works on its own process on every replica, and keeps a failing job scheduled', async () => {
    const warmed = [0, 0];
    let failures = 0;
    const stops = startReplicas((replica) => [
      { name: 'warm-views', everyReplica: true, run: async () => void (warmed[replica] += 1) },
      {
        name: 'flaky',
        run: async () => {
          failures += 1;
          throw new Error('the database said no');
        },
      },
    ]);
    await sleep(450);
    await Promise.all(stops.map((stop) => stop()));
    expect(warmed[0]).toBeGreaterThanOrEqual(3);
    expect(warmed[1]).toBeGreaterThanOrEqual(3);
    expect(failures).toBeGreaterThanOrEqual(3);
    expect(failures).toBeLessThanOrEqual(5);
    // Stopped schedulers hold no lock: nobody is left holding a connection.
    const [{ held }] = await replicas[0].query<Array<{ held: number }>>(
      `SELECT count(*)::int AS held FROM pg_locks WHERE locktype = 'advisory'
       AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    expect(held).toBe(0);
  });
});
