import type { Identity } from '@nets/shared/auth';
import {
  RESPONSES_SERIES,
  reasonRankingOf,
  reasonSeries,
  type NationalSummaryView,
  type ReasonRankingView,
} from '@nets/analytics/domain';
import type { MeasureResultsService } from './measure-results.service';
import type { MeasureViewsService } from './measure-views.service';

/** A released cycle at a glance: national respondents, every measure nationally, each reason's top five. */
export class NationalSummaryService {
  constructor(
    private readonly views: MeasureViewsService,
    private readonly measureResults: MeasureResultsService,
  ) {}

  async nationalSummary(identity: Identity, year: number): Promise<NationalSummaryView> {
    const definitions = await this.views.yearDefinitions(year);
    if (!(await this.views.releases.isReleased(year))) {
      return { year, released: false, respondents: null, measures: [], reasons: [] };
    }
    const responses = await this.views.view(year, RESPONSES_SERIES, definitions);
    const national = responses?.view.published.get('national');
    const measures = await this.measureResults.measureResults(identity, year, null, null, []);
    const reasons: ReasonRankingView[] = [];
    for (const reason of definitions.reasons.values()) {
      const cached = await this.views.view(year, reasonSeries(reason.questionCode), definitions);
      if (cached) reasons.push(reasonRankingOf(cached.view, cached.reasonCounts, reason, year, 'national'));
    }
    return {
      year,
      released: true,
      respondents: national && !national.suppressed && !national.noData ? national.respondents : null,
      measures,
      reasons: reasons.map((r) => ({ ...r, reasons: r.reasons.slice(0, 5) })),
    };
  }
}
