import DataLoader from 'dataloader';
import type { RequestContext } from '@nets/shared/graphql-server';
import type { OrganisationRecord } from '@nets/provider-assessment/domain';
import type { SelfAssessmentView } from './presenters/self-assessment.presenter';
import type { OrganisationService } from './services/organisation.service';
import type { SelfAssessmentService } from './services/self-assessment.service';

export interface ProviderAssessmentServices {
  organisations: OrganisationService;
  selfAssessments: SelfAssessmentService;
}

/** Per-request batching: entity references and nested fields cost one query per batch. */
export interface ProviderAssessmentLoaders {
  organisationById: DataLoader<string, OrganisationRecord | undefined>;
  /** Keyed `organisationId:year`. */
  selfAssessment: DataLoader<string, SelfAssessmentView | undefined>;
}

export interface ProviderAssessmentContext extends RequestContext {
  services: ProviderAssessmentServices;
  loaders: ProviderAssessmentLoaders;
}

export function createProviderAssessmentContext(
  base: RequestContext,
  services: ProviderAssessmentServices,
): ProviderAssessmentContext {
  return {
    ...base,
    services,
    loaders: {
      organisationById: new DataLoader((ids) => services.organisations.byIds(ids)),
      selfAssessment: new DataLoader((keys) => services.selfAssessments.byKeys(keys)),
    },
  };
}
