import type { RequestContext } from '@nets/shared/graphql-server';
import type { HealthService } from './services/health.service';

export interface ResponseServices {
  health: HealthService;
}

export interface ResponseContext extends RequestContext {
  services: ResponseServices;
}

export function createResponseContext(base: RequestContext, services: ResponseServices): ResponseContext {
  return {
    ...base,
    services,
  };
}
