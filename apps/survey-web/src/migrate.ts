import { configOrExit } from '@nets/shared/service-runtime';
import { createLogger } from '@nets/shared/util-logger';
import { surveyWebConfigSchema } from './config';
import { migrateSessionDatabase } from './session/session-database';

// The explicit migration step of survey-web's session database (like each service's), run before its replicas.
const config = configOrExit(surveyWebConfigSchema);
const logger = createLogger('survey-web-migrate', config.LOG_LEVEL);
const url = config.SURVEY_WEB_SESSION_DATABASE_URL;
if (!url) {
  logger.info('sessions are kept in memory (SURVEY_WEB_SESSION_DATABASE_URL unset): nothing to migrate');
} else {
  migrateSessionDatabase(url).then(
    (report) => logger.info(report, 'survey-web session database migrated'),
    (error: unknown) => {
      logger.fatal({ err: error }, 'survey-web session database migration failed');
      process.exit(1);
    },
  );
}
