import type { ReleaseRepository, RollupRepository } from '@nets/analytics/data-access';
import type { Transaction, UnitOfWork } from '@nets/shared/data-access-typeorm';
import type { ReplicaRepository } from '@nets/replicas/data-access';
import { resultReleases } from '@nets/shared/observability';
import { ForbiddenError } from '@nets/shared/util-errors';
import { ReleaseService } from './release.service';

const YEAR = 2030;
const ADMIN = { kind: 'user', subject: 'admin-1', role: 'ADMIN' } as const;

/** The release's rules with its repositories as plain in-memory stand-ins: what it does around the warming. */
interface Stand {
  cycle?: { year: number; status: string };
  pending?: number;
  respondents?: number;
  failInsert?: boolean;
}

function releaseService(events: string[], stand: Stand = {}) {
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
      if (stand.failInsert) throw new Error('connection terminated');
      released = { ...record, releasedAt: new Date('2031-01-10T09:00:00Z') };
      return released;
    },
    lateCount: async () => 0,
    releasedYears: async () => (released ? [released.year] : []),
  } as unknown as ReleaseRepository;
  const rollups = {
    pendingCount: async () => stand.pending ?? 0,
    totalRespondents: async () => stand.respondents ?? 12,
    forceRepublish: async () => undefined,
  } as unknown as RollupRepository;
  const replicas = {
    cycle: async () => ('cycle' in stand ? stand.cycle : { year: YEAR, status: 'CLOSED' }),
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

describe('releases are counted as release actions: released, or refused by reason', () => {
  const count = async (outcome: string, reason: string) =>
    (await resultReleases.get()).values.find(
      (value) => value.labels.outcome === outcome && value.labels.reason === reason,
    )?.value ?? 0;

  it.each([
    ['forbidden', {}, { kind: 'user', subject: 'analyst-1', role: 'NATIONAL_ANALYST' }, 12],
    ['invalid_input', {}, ADMIN, 0],
    ['unknown_cycle', { cycle: undefined }, ADMIN, 12],
    ['cycle_open', { cycle: { year: YEAR, status: 'OPEN' } }, ADMIN, 12],
    ['responses_waiting', { pending: 4 }, ADMIN, 12],
    ['no_responses', { respondents: 0 }, ADMIN, null],
    ['count_mismatch', { respondents: 11 }, ADMIN, 12],
  ] as const)('refused: %s', async (reason, stand, identity, expected) => {
    const before = await count('refused', reason);
    const releasedBefore = await count('released', '');
    const service = releaseService([], stand as Stand);
    await expect(service.release(identity as never, YEAR, expected)).rejects.toThrow();
    expect(await count('refused', reason)).toBe(before + 1);
    expect(await count('released', '')).toBe(releasedBefore);
  });

  it('released once it commits; a second release of the year is refused as already released', async () => {
    const before = {
      released: await count('released', ''),
      again: await count('refused', 'already_released'),
    };
    const service = releaseService([]);
    await service.release(ADMIN, YEAR, 12);
    await expect(service.release(ADMIN, YEAR, 12)).rejects.toThrow('released results are final');
    expect(await count('released', '')).toBe(before.released + 1);
    expect(await count('refused', 'already_released')).toBe(before.again + 1);
  });

  it('an unexpected error is a failure, not a refusal, and no release', async () => {
    const before = { failed: await count('failed', ''), released: await count('released', '') };
    await expect(releaseService([], { failInsert: true }).release(ADMIN, YEAR, 12)).rejects.toThrow(
      'connection terminated',
    );
    expect(await count('failed', '')).toBe(before.failed + 1);
    expect(await count('released', '')).toBe(before.released);
  });

  it('a non-administrator is refused as forbidden with the role check’s own error', async () => {
    await expect(releaseService([]).release({ kind: 'anonymous' }, YEAR, 12)).rejects.toBeInstanceOf(Error);
    await expect(
      releaseService([]).release({ kind: 'user', subject: 'p', role: 'PROVIDER_USER' } as never, YEAR, 12),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});
