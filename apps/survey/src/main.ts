import 'reflect-metadata';
import { runMain, startService } from '@nets/shared/service-runtime';
import { loadConfig } from '@nets/shared/util-config';
import { createLogger } from '@nets/shared/util-logger';
import { surveyService } from '@nets/survey/feature-subgraph';
import { surveyConfigSchema } from './config';

const config = loadConfig(surveyConfigSchema);
const logger = createLogger('survey', config.LOG_LEVEL);
runMain('survey', logger, () => startService(surveyService, config, logger));
