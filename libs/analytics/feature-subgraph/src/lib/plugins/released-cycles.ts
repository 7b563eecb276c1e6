import type { ReleaseRepository } from '@nets/analytics/data-access';
import type { UnitOfWork } from '@nets/shared/data-access-typeorm';

/** Which cycles are released, as the answer cache keys its answers. */
export interface ReleasedCycles {
  releasedYears(): Promise<Iterable<number>>;
}

/**
 * The released cycles as committed now, read for every cacheable request: one indexed read of a table of a
 * few rows. It is what makes the cache right with replicas: once a release has answered, every replica's
 * next request keys by it, with no message to miss (a LISTEN/NOTIFY channel or a release event consumed by
 * each replica would leave a window, and a gap whenever a listener reconnects).
 */
export const releasedCyclesIn = (releases: ReleaseRepository, unitOfWork: UnitOfWork): ReleasedCycles => ({
  releasedYears: () => releases.releasedYears(unitOfWork.reads),
});
