import type { RequestContext } from '@nets/shared/graphql-server';
import type { HealthService } from './services/health.service';

export interface ProviderAssessmentServices {
  health: HealthService;
}

export interface ProviderAssessmentContext extends RequestContext {
  services: ProviderAssessmentServices;
}

export function createProviderAssessmentContext(
  base: RequestContext,
  services: ProviderAssessmentServices,
): ProviderAssessmentContext {
  return {
    ...base,
    services,
  };
}
