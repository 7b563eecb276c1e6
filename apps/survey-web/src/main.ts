import { configOrExit, runMain } from '@nets/shared/service-runtime';
import { createLogger } from '@nets/shared/util-logger';
import { surveyWebConfigSchema } from './config';
import { startSurveyWeb } from './server';

const config = configOrExit(surveyWebConfigSchema);
const logger = createLogger('survey-web', config.LOG_LEVEL);
runMain('survey-web', logger, () => startSurveyWeb(config, logger));
