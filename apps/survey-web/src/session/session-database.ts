import { sessionDatabase } from '@nets/web/sessions';

export const LEARNER_SESSION_TABLE = 'learner_session';

/** survey-web's own database: learners' sessions only, shared by every replica; a row goes when it expires. */
const database = sessionDatabase({
  applicationName: 'survey-web',
  table: LEARNER_SESSION_TABLE,
  migrationName: 'LearnerSessions1767000000000',
});

export const createSessionDataSource = database.dataSource;

/** The explicit migration step (`apps/survey-web/src/migrate.ts`), never run by the web server at boot. */
export const migrateSessionDatabase = database.migrate;
