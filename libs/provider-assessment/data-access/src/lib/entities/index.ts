import { OrganisationEntity, OrganisationSiteEntity } from './organisation.entity';
import { SelfAssessmentCycleEntity, SelfAssessmentEntity } from './self-assessment.entity';

export { OrganisationEntity, OrganisationSiteEntity, SelfAssessmentCycleEntity, SelfAssessmentEntity };

/** Every TypeORM entity of the provider-assessment database. */
export const PROVIDER_ASSESSMENT_ENTITIES: Array<new () => object> = [
  OrganisationEntity,
  OrganisationSiteEntity,
  SelfAssessmentCycleEntity,
  SelfAssessmentEntity,
];
