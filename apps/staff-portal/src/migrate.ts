import { configOrExit } from '@nets/shared/service-runtime';
import { createLogger } from '@nets/shared/util-logger';
import { runSessionMigrationStep } from '@nets/web/sessions';
import { staffPortalConfigSchema } from './config';
import { migrateSessionDatabase } from './auth/session-database';

const config = configOrExit(staffPortalConfigSchema);
runSessionMigrationStep({
  app: 'staff-portal',
  setting: 'STAFF_PORTAL_SESSION_DATABASE_URL',
  url: config.STAFF_PORTAL_SESSION_DATABASE_URL,
  migrate: migrateSessionDatabase,
  logger: createLogger('staff-portal-migrate', config.LOG_LEVEL),
});
