import type { RequestContext } from '@nets/shared/graphql-server';
import type { HealthService } from './services/health.service';

export interface AnalyticsServices {
  health: HealthService;
}

export interface AnalyticsContext extends RequestContext {
  services: AnalyticsServices;
}

export function createAnalyticsContext(base: RequestContext, services: AnalyticsServices): AnalyticsContext {
  return {
    ...base,
    services,
  };
}
