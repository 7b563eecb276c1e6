import { configOrExit } from '@nets/shared/service-runtime';
import { createLogger } from '@nets/shared/util-logger';
import { staffPortalConfigSchema } from './config';
import { migrateSessionDatabase } from './auth/session-database';

// The explicit migration step of the portal's session database (like each service's), run before its replicas.
const config = configOrExit(staffPortalConfigSchema);
const logger = createLogger('staff-portal-migrate', config.LOG_LEVEL);
const url = config.STAFF_PORTAL_SESSION_DATABASE_URL;
if (!url) {
  logger.info('sessions are kept in memory (STAFF_PORTAL_SESSION_DATABASE_URL unset): nothing to migrate');
} else {
  migrateSessionDatabase(url).then(
    (report) => logger.info(report, 'staff portal session database migrated'),
    (error: unknown) => {
      logger.fatal({ err: error }, 'staff portal session database migration failed');
      process.exit(1);
    },
  );
}
