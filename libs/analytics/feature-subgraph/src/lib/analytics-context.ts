import type { RequestContext } from '@nets/shared/graphql-server';
import type { MeasureResultsService } from './services/measure-results.service';
import type { NationalSummaryService } from './services/national-summary.service';
import type { QualityFlagsService } from './services/quality-flags.service';
import type { ReleaseService } from './services/release.service';
import type { TrendsAndRankingsService } from './services/trends-and-rankings.service';

export interface AnalyticsServices {
  measureResults: MeasureResultsService;
  trendsAndRankings: TrendsAndRankingsService;
  qualityFlags: QualityFlagsService;
  nationalSummary: NationalSummaryService;
  releases: ReleaseService;
}

export interface AnalyticsContext extends RequestContext {
  services: AnalyticsServices;
}

export function createAnalyticsContext(base: RequestContext, services: AnalyticsServices): AnalyticsContext {
  return { ...base, services };
}
