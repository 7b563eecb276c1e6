import 'reflect-metadata';
import { runMigrationProcess } from '@nets/shared/service-runtime';
import { providerAssessmentService } from '@nets/provider-assessment/feature-subgraph';
import { PROVIDER_ASSESSMENT_DEFAULTS } from './defaults';

runMigrationProcess(providerAssessmentService, PROVIDER_ASSESSMENT_DEFAULTS);
