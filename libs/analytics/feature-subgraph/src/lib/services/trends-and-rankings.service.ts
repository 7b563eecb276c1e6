import type { Identity } from '@nets/shared/auth';
import {
  reasonRankingOf,
  reasonSeries,
  requireTableForGrouping,
  selectPublished,
  toCellFilter,
  type GroupByDimension,
  type MeasureResultView,
  type ReasonRankingView,
  type ResultsFilterInput,
} from '@nets/analytics/domain';
import { BadUserInputError } from '@nets/shared/util-errors';
import type { MeasureViewsService } from './measure-views.service';
import type { ReaderScopeService } from './reader-scope.service';

const MAX_TREND_YEARS = 20;

/** A measure across released cycles (each under its own pattern), and a reason question's ranked options. */
export class TrendsAndRankingsService {
  constructor(
    private readonly views: MeasureViewsService,
    private readonly readers: ReaderScopeService,
  ) {}

  async measureTrend(
    identity: Identity,
    measureKey: string,
    fromYear: number,
    toYear: number,
    filter: ResultsFilterInput | null | undefined,
    groupBy: readonly GroupByDimension[] | null | undefined,
  ): Promise<MeasureResultView[]> {
    if (toYear < fromYear || toYear - fromYear > MAX_TREND_YEARS) {
      throw new BadUserInputError(
        `fromYear..toYear must be an ascending span of at most ${MAX_TREND_YEARS} years.`,
        [{ path: 'toYear', message: 'out of range' }],
      );
    }
    const table = requireTableForGrouping(groupBy);
    const where = await this.readers.scope(identity, table, toCellFilter(filter));
    const years = await this.views.releasedYearsOf(measureKey);
    const rows: MeasureResultView[] = [];
    // Each year is published under its own pattern: nothing is pooled across cycles.
    for (const year of years.filter((y) => y >= fromYear && y <= toYear)) {
      const definitions = await this.views.yearDefinitions(year);
      const measure = definitions.measures.get(measureKey);
      const cached = measure ? await this.views.view(year, measureKey, definitions) : undefined;
      if (measure && cached) rows.push(...this.views.rowsOf(cached, measure, table, where));
    }
    return rows;
  }

  async reasonRanking(
    identity: Identity,
    year: number,
    questionCode: string,
    filter: ResultsFilterInput | null | undefined,
    groupBy: readonly GroupByDimension[] | null | undefined,
  ): Promise<ReasonRankingView[]> {
    const table = requireTableForGrouping(groupBy);
    const where = await this.readers.scope(identity, table, toCellFilter(filter));
    const definitions = await this.views.yearDefinitions(year);
    const reason = definitions.reasons.get(questionCode);
    if (!reason) {
      throw new BadUserInputError(`${questionCode} is not a reason question of the ${year} questionnaire.`, [
        { path: 'questionCode', message: 'unknown reason question' },
      ]);
    }
    if (!(await this.views.releases.isReleased(year))) return [];
    const cached = await this.views.view(year, reasonSeries(questionCode), definitions);
    if (!cached) return [];
    return selectPublished(cached.view, table, where).map((key) =>
      reasonRankingOf(cached.view, cached.reasonCounts, reason, year, key),
    );
  }
}
