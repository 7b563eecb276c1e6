import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import type { MigrationReport } from '@nets/shared/data-access-typeorm';
import {
  createSessionDataSource as createWebSessionDataSource,
  migrateSessionDatabase as migrateWebSessionDatabase,
  sessionTableStatements,
} from '@nets/web/sessions';

export const LEARNER_SESSION_TABLE = 'learner_session';
const statements = sessionTableStatements(LEARNER_SESSION_TABLE);

/** Learners' sessions, shared by every survey-web replica; a row goes when its session expires. */
export class LearnerSessions1767000000000 implements MigrationInterface {
  name = 'LearnerSessions1767000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of statements.up) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of statements.down) await queryRunner.query(statement);
  }
}

const database = (url: string, poolSize?: number) => ({
  url,
  applicationName: 'survey-web',
  migrations: [LearnerSessions1767000000000],
  poolSize,
});

/** survey-web's own database: sessions only, never a service's data. */
export const createSessionDataSource = (url: string, poolSize = 5): DataSource =>
  createWebSessionDataSource(database(url, poolSize));

/** The explicit migration step (`apps/survey-web/src/migrate.ts`), never run by the web server at boot. */
export const migrateSessionDatabase = (url: string): Promise<MigrationReport> =>
  migrateWebSessionDatabase(database(url));
