import 'reflect-metadata';
import { runServiceProcess } from '@nets/shared/service-runtime';
import { providerAssessmentService } from '@nets/provider-assessment/feature-subgraph';
import { PROVIDER_ASSESSMENT_DEFAULTS } from './defaults';

runServiceProcess(providerAssessmentService, PROVIDER_ASSESSMENT_DEFAULTS);
