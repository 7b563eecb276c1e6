import { configOrExit } from '@nets/shared/service-runtime';
import { createLogger } from '@nets/shared/util-logger';
import { runSessionMigrationStep } from '@nets/web/sessions';
import { surveyWebConfigSchema } from './config';
import { migrateSessionDatabase } from './session/session-database';

const config = configOrExit(surveyWebConfigSchema);
runSessionMigrationStep({
  app: 'survey-web',
  setting: 'SURVEY_WEB_SESSION_DATABASE_URL',
  url: config.SURVEY_WEB_SESSION_DATABASE_URL,
  migrate: migrateSessionDatabase,
  logger: createLogger('survey-web-migrate', config.LOG_LEVEL),
});
