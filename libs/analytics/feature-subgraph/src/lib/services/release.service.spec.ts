import type { ReleaseRepository, RollupRepository } from '@nets/analytics/data-access';
import type { Transaction, UnitOfWork } from '@nets/shared/data-access-typeorm';
import type { ReplicaRepository } from '@nets/replicas/data-access';
import { ReleaseService } from './release.service';

const YEAR = 2030;
const ADMIN = { kind: 'user', subject: 'admin-1', role: 'ADMIN' } as const;

/** The release's rules with its repositories as plain in-memory stand-ins: what it does around the warming. */
function releaseService(events: string[]) {
  let released: { year: number; releasedAt: Date; respondents: number } | undefined;
  const transaction = {} as Transaction;
  const unitOfWork = {
    reads: transaction,
    run: async <T>(work: (t: Transaction) => Promise<T>) => {
      const result = await work(transaction);
      events.push('committed');
      return result;
    },
  } as UnitOfWork;
  const releases = {
    lockForRelease: async () => undefined,
    find: async () => released,
    insert: async (_t: Transaction, record: { year: number; respondents: number }) => {
      released = { ...record, releasedAt: new Date('2031-01-10T09:00:00Z') };
      return released;
    },
    lateCount: async () => 0,
    releasedYears: async () => (released ? [released.year] : []),
  } as unknown as ReleaseRepository;
  const rollups = {
    pendingCount: async () => 0,
    totalRespondents: async () => 12,
    forceRepublish: async () => undefined,
  } as unknown as RollupRepository;
  const replicas = {
    cycle: async () => ({ year: YEAR, status: 'CLOSED' }),
  } as unknown as ReplicaRepository;
  return new ReleaseService(unitOfWork, releases, rollups, replicas, 3);
}

describe('releasing a cycle builds its views before it answers', () => {
  it('warms the released year after the release commits and before the answer', async () => {
    const events: string[] = [];
    const service = releaseService(events);
    service.warmWith(async (year) => {
      events.push(`warming ${year}`);
      await new Promise((resolve) => setImmediate(resolve));
      events.push(`warm ${year}`);
    });
    const answer = await service.release(ADMIN, YEAR, 12);
    events.push('answered');
    expect(answer).toMatchObject({ year: YEAR, status: 'RELEASED', respondents: 12 });
    expect(events).toEqual(['committed', `warming ${YEAR}`, `warm ${YEAR}`, 'answered']);
  });

  it('answers once its wait is up when building the views takes longer (the build goes on after the answer)', async () => {
    const service = releaseService([]);
    service.warmWith(() => new Promise(() => undefined), 20);
    await expect(service.release(ADMIN, YEAR, 12)).resolves.toMatchObject({ status: 'RELEASED' });
  });

  it('answers with the committed release even when building the views fails (the warm-views job retries)', async () => {
    const service = releaseService([]);
    service.warmWith(async () => {
      throw new Error('out of memory');
    });
    await expect(service.release(ADMIN, YEAR, null)).resolves.toMatchObject({ status: 'RELEASED' });
  });
});
