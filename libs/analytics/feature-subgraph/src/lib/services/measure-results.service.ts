import { canReadOrganisation, type Identity, type Region } from '@nets/shared/auth';
import type { UnitOfWork } from '@nets/shared/data-access-typeorm';
import type { ReplicaRepository } from '@nets/replicas/data-access';
import {
  requireTableForGrouping,
  toCellFilter,
  type GroupByDimension,
  type MeasureResultView,
  type ResultsFilterInput,
} from '@nets/analytics/domain';
import { ForbiddenError } from '@nets/shared/util-errors';
import type { MeasureViewsService } from './measure-views.service';
import type { ReaderScopeService } from './reader-scope.service';

/**
 * A released cycle's results on its measures, grouped as one canonical table and scoped to the reader: every
 * answer is a selection of published cells. An unreleased cycle answers with no rows.
 */
export class MeasureResultsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly views: MeasureViewsService,
    private readonly replicas: ReplicaRepository,
    private readonly readers: ReaderScopeService,
  ) {}

  async measureResults(
    identity: Identity,
    year: number,
    measureKeys: readonly string[] | null | undefined,
    filter: ResultsFilterInput | null | undefined,
    groupBy: readonly GroupByDimension[] | null | undefined,
  ): Promise<MeasureResultView[]> {
    const table = requireTableForGrouping(groupBy);
    const where = await this.readers.scope(identity, table, toCellFilter(filter));
    const released = await this.views.releasedMeasureViews(year, measureKeys);
    if (!released) return [];
    const { measures, views } = released;
    const rows: MeasureResultView[] = [];
    for (const measure of measures) {
      const cached = views.get(measure.key);
      if (cached) rows.push(...this.views.rowsOf(cached, measure, table, where));
    }
    return rows;
  }

  /** An organisation's results on every measure of the year, for readers scoped to it. */
  async organisationResults(
    identity: Identity,
    organisationId: string,
    year: number,
    measureKeys?: readonly string[] | null,
  ): Promise<MeasureResultView[]> {
    const organisation = await this.replicas.organisation(this.unitOfWork.reads, organisationId);
    const scoped = { id: organisationId, region: (organisation?.region ?? '') as Region };
    if (!canReadOrganisation(identity, scoped)) {
      throw new ForbiddenError('You may only see organisations within your scope.');
    }
    return this.measureResults(identity, year, measureKeys, { organisationIds: [organisationId] }, [
      'ORGANISATION',
    ]);
  }
}
