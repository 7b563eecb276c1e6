import { sessionDatabase } from '@nets/web/sessions';

export const STAFF_SESSION_TABLE = 'staff_session';

/** The portal's own database: staff sessions (tokens included) only, shared by every replica. */
const database = sessionDatabase({
  applicationName: 'staff-portal',
  table: STAFF_SESSION_TABLE,
  migrationName: 'StaffSessions1767100000000',
});

export const createSessionDataSource = database.dataSource;

/** The explicit migration step (`apps/staff-portal/src/migrate.ts`), never run by the web server at boot. */
export const migrateSessionDatabase = database.migrate;
