import type { ReplicaRepository } from '@nets/replicas/data-access';
import type { UnitOfWork } from '@nets/shared/data-access-typeorm';
import { ConflictError } from '@nets/shared/util-errors';
import type { ResponseRepository } from '@nets/response/data-access';
import { suppressCells, suppressTotal, type Cell } from '@nets/response/domain';

export interface ProgressView {
  year: number;
  total: Omit<Cell, 'key'>;
  byDay: Cell[];
  byRegion: Cell[];
  byLearnerGroup: Cell[];
}

/** Responses so far in the open cycle, for administrators and national analysts, under the n >= 3 rule. */
export class ProgressService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly responses: ResponseRepository,
    private readonly replicas: ReplicaRepository,
  ) {}

  async progress(year: number): Promise<ProgressView> {
    const transaction = this.unitOfWork.reads;
    const cycle = await this.replicas.cycle(transaction, year);
    if (cycle?.status !== 'OPEN') {
      throw new ConflictError(`Progress is shown only while a cycle is open; the ${year} cycle is not open.`);
    }
    const counts = await this.responses.progressCounts(transaction, year);
    const of = (dimension: string) =>
      counts
        .filter((c) => c.dimension === dimension)
        .map(({ key, count }) => ({ key, count }))
        .sort((a, b) => a.key.localeCompare(b.key));
    const total = suppressTotal(of('REGION').reduce((sum, c) => sum + c.count, 0));
    const { key: _key, ...totalCell } = total;
    return {
      year,
      total: totalCell,
      byDay: suppressCells(of('DAY'), !total.suppressed),
      byRegion: suppressCells(of('REGION'), !total.suppressed),
      byLearnerGroup: suppressCells(of('LEARNER_GROUP'), !total.suppressed),
    };
  }
}
