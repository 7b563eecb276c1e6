import type { MigrationInterface } from 'typeorm';
import { ProviderAssessmentSchema1732260000000 } from './1732260000000-provider-assessment-schema';
import { SelfAssessmentVersion1765130000000 } from './1765130000000-self-assessment-version';

/** In order. Each runs once, in its own transaction, in the explicit migrate step (never at boot). */
export const PROVIDER_ASSESSMENT_MIGRATIONS: Array<new () => MigrationInterface> = [
  ProviderAssessmentSchema1732260000000,
  SelfAssessmentVersion1765130000000,
];
