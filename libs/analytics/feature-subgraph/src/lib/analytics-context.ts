import type { RequestContext } from '@nets/shared/graphql-server';
import type { ReleaseService } from './services/release.service';
import type { ResultsService } from './services/results.service';

export interface AnalyticsServices {
  results: ResultsService;
  releases: ReleaseService;
}

export interface AnalyticsContext extends RequestContext {
  services: AnalyticsServices;
}

export function createAnalyticsContext(base: RequestContext, services: AnalyticsServices): AnalyticsContext {
  return { ...base, services };
}
