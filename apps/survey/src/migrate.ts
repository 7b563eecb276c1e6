import 'reflect-metadata';
import { runMigrationProcess } from '@nets/shared/service-runtime';
import { surveyService } from '@nets/survey/feature-subgraph';
import { SURVEY_DEFAULTS } from './defaults';

runMigrationProcess(surveyService, SURVEY_DEFAULTS);
