import type { RequestContext } from '@nets/shared/graphql-server';
import type { HealthService } from './services/health.service';

export interface ConcernsServices {
  health: HealthService;
}

export interface ConcernsContext extends RequestContext {
  services: ConcernsServices;
}

export function createConcernsContext(base: RequestContext, services: ConcernsServices): ConcernsContext {
  return {
    ...base,
    services,
  };
}
