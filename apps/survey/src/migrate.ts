import 'reflect-metadata';
import { createServiceDataSource, migrateDatabase } from '@nets/shared/data-access-typeorm';
import { loadConfig } from '@nets/shared/util-config';
import { createLogger } from '@nets/shared/util-logger';
import { surveyService } from '@nets/survey/feature-subgraph';
import { surveyConfigSchema } from './config';

const config = loadConfig(surveyConfigSchema);
const logger = createLogger('survey-migrate', config.LOG_LEVEL);
migrateDatabase(
  createServiceDataSource({
    service: 'survey-migrate',
    config,
    entities: surveyService.entities,
    migrations: surveyService.migrations,
  }),
).then(
  (report) => logger.info(report, 'survey database migrated'),
  (error: unknown) => {
    logger.fatal({ err: error }, 'survey migration failed');
    process.exit(1);
  },
);
