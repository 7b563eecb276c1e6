import 'reflect-metadata';
import { runServiceProcess } from '@nets/shared/service-runtime';
import { surveyService } from '@nets/survey/feature-subgraph';
import { SURVEY_DEFAULTS } from './defaults';

runServiceProcess(surveyService, SURVEY_DEFAULTS);
