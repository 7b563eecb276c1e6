import type { ReleaseRepository, RollupRepository } from '@nets/analytics/data-access';
import { requireRole, type Identity } from '@nets/shared/auth';
import type { UnitOfWork } from '@nets/shared/data-access-typeorm';
import type { ReplicaRepository } from '@nets/replicas/data-access';
import { BadUserInputError, ConflictError, NotFoundError } from '@nets/shared/util-errors';
import { RESPONSES_SERIES, type ResultsReleaseView } from '@nets/analytics/domain';
import { metricsRecording, resultReleases } from '@nets/shared/observability';

/** Why a release was refused: the `reason` label of `nets_result_releases_total` (a short, fixed list). */
export type ReleaseRefusal =
  | 'forbidden'
  | 'invalid_input'
  | 'already_released'
  | 'unknown_cycle'
  | 'cycle_open'
  | 'responses_waiting'
  | 'no_responses'
  | 'count_mismatch';

const refusals = new WeakMap<object, ReleaseRefusal>();

/** Marks a refusal with its reason for the release counter, and returns it to be thrown. */
function refused<E extends Error>(reason: ReleaseRefusal, error: E): E {
  refusals.set(error, reason);
  return error;
}

function countRelease(outcome: 'released' | 'refused' | 'failed', reason: ReleaseRefusal | ''): void {
  if (metricsRecording()) resultReleases.labels({ outcome, reason }).inc();
}

/** How long a release waits for its cycle's views to be built before it answers anyway. */
export const RELEASE_WARM_WAIT_MS = 30_000;

/**
 * A cycle's results are read and published only once released, after the cycle closes, and never change
 * after: readings of a cell at two moments of an open cycle would differ by the learners who answered in
 * between, whatever suppression each reading had on its own (DESIGN §5: "no combination of queries").
 * Until then the only live figure is the national number of respondents, which says nothing of answers.
 */
export class ReleaseService {
  /** Releases are permanent, so a year seen released is never looked up again. */
  private readonly released = new Set<number>();
  private releasedYearsReadAt = 0;
  private warm: (year: number) => Promise<unknown> = async () => undefined;
  private warmWaitMs = RELEASE_WARM_WAIT_MS;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly releases: ReleaseRepository,
    private readonly rollups: RollupRepository,
    private readonly replicas: ReplicaRepository,
    private readonly minCellSize: number,
  ) {}

  /**
   * What the release does before it answers: builds the released cycle's views on this replica (set by the
   * service module; the views depend on this service, so it is wired after both exist).
   */
  warmWith(warm: (year: number) => Promise<unknown>, maxWaitMs = RELEASE_WARM_WAIT_MS): void {
    this.warm = warm;
    this.warmWaitMs = maxWaitMs;
  }

  async isReleased(year: number): Promise<boolean> {
    if (this.released.has(year)) return true;
    const found = await this.releases.find(this.unitOfWork.reads, year);
    if (found) this.released.add(year);
    return found !== undefined;
  }

  /** The released cycles, as of at most a second ago (a release by another replica shows within it). */
  async releasedYears(): Promise<ReadonlySet<number>> {
    if (Date.now() - this.releasedYearsReadAt > 1000) {
      for (const year of await this.releases.releasedYears(this.unitOfWork.reads)) this.released.add(year);
      this.releasedYearsReadAt = Date.now();
    }
    return this.released;
  }

  async status(year: number): Promise<ResultsReleaseView> {
    const reads = this.unitOfWork.reads;
    const release = await this.releases.find(reads, year);
    const respondents =
      release?.respondents ?? (await this.rollups.totalRespondents(reads, RESPONSES_SERIES, year));
    return {
      year,
      status: release ? 'RELEASED' : 'NOT_RELEASED',
      releasedAt: release?.releasedAt ?? null,
      respondents: respondents >= this.minCellSize ? respondents : null,
      lateResponses: release ? await this.releases.lateCount(reads, year) : 0,
    };
  }

  /**
   * Releases a closed cycle's results as they stand. `expectedRespondents`, when given, must equal the
   * responses counted, so a caller who knows how many were accepted never releases part of a cycle.
   */
  async release(
    identity: Identity,
    year: number,
    expectedRespondents: number | null | undefined,
  ): Promise<ResultsReleaseView> {
    try {
      await this.commitRelease(identity, year, expectedRespondents);
    } catch (error) {
      // Counted once the transaction has rolled back: a refusal by its reason, anything else as failed.
      const reason = typeof error === 'object' && error !== null ? refusals.get(error) : undefined;
      countRelease(reason ? 'refused' : 'failed', reason ?? '');
      throw error;
    }
    countRelease('released', '');
    this.released.add(year);
    // The first reads after a release meet built views instead of waiting for them (a 1,000,000-response
    // cycle's took 18.7 s). The release has committed whatever happens here: a build that fails is the
    // warm-views job's to retry (and log), and one that takes longer than RELEASE_WARM_WAIT_MS (a national
    // cycle on a loaded machine: minutes) goes on after the answer rather than outlast the caller's HTTP
    // timeout. Other replicas build theirs on their warm-views schedule.
    const building = this.warm(year).catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      building,
      new Promise((resolve) => {
        timer = setTimeout(resolve, this.warmWaitMs);
      }),
    ]);
    clearTimeout(timer);
    return this.status(year);
  }

  /** The release itself, one transaction: refused, with its reason, unless the cycle is closed and all counted. */
  private async commitRelease(
    identity: Identity,
    year: number,
    expectedRespondents: number | null | undefined,
  ): Promise<void> {
    let admin: ReturnType<typeof requireRole>;
    try {
      admin = requireRole(identity, 'ADMIN');
    } catch (error) {
      throw error instanceof Error ? refused('forbidden', error) : error;
    }
    if (expectedRespondents !== null && expectedRespondents !== undefined && expectedRespondents < 1) {
      throw refused(
        'invalid_input',
        new BadUserInputError('expectedRespondents must be at least 1.', [
          { path: 'expectedRespondents', message: 'must be at least 1' },
        ]),
      );
    }
    await this.unitOfWork.run(async (transaction) => {
      await this.releases.lockForRelease(transaction, year);
      const existing = await this.releases.find(transaction, year);
      if (existing) {
        throw refused(
          'already_released',
          new ConflictError(
            `The ${year} results were released at ${existing.releasedAt.toISOString()}; released results are final.`,
          ),
        );
      }
      const cycle = await this.replicas.cycle(transaction, year);
      if (!cycle) {
        throw refused('unknown_cycle', new NotFoundError(`No ${year} survey cycle is known to analytics.`));
      }
      if (cycle.status !== 'CLOSED') {
        throw refused(
          'cycle_open',
          new ConflictError(`The ${year} cycle is still open: its results are released after it closes.`),
        );
      }
      const waiting = await this.rollups.pendingCount(transaction, year);
      if (waiting > 0) {
        throw refused(
          'responses_waiting',
          new ConflictError(
            `${waiting} responses of ${year} are still waiting for their questionnaire or organisation to reach analytics; release once they are counted.`,
          ),
        );
      }
      const respondents = await this.rollups.totalRespondents(transaction, RESPONSES_SERIES, year);
      if (respondents === 0) {
        throw refused('no_responses', new ConflictError(`No ${year} responses have been counted yet.`));
      }
      if (
        expectedRespondents !== null &&
        expectedRespondents !== undefined &&
        respondents !== expectedRespondents
      ) {
        throw refused(
          'count_mismatch',
          new ConflictError(
            `${respondents} of the ${expectedRespondents} expected ${year} responses are counted; release once all have arrived.`,
          ),
        );
      }
      await this.releases.insert(transaction, { year, releasedBy: admin.subject, respondents });
      await this.rollups.forceRepublish(transaction, year);
    });
  }
}
