import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { migrateDatabase, type MigrationReport } from '@nets/shared/data-access-typeorm';

export const LEARNER_SESSION_TABLE = 'learner_session';

/** Learners' sessions, shared by every survey-web replica; a row goes when its session expires. */
export class LearnerSessions1767000000000 implements MigrationInterface {
  name = 'LearnerSessions1767000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "${LEARNER_SESSION_TABLE}" ("id" text PRIMARY KEY, "data" jsonb NOT NULL, "expires_at" timestamptz NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_learner_session_expires_at" ON "${LEARNER_SESSION_TABLE}" ("expires_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${LEARNER_SESSION_TABLE}"`);
  }
}

/** survey-web's own database: sessions only, never a service's data. */
export function createSessionDataSource(url: string, poolSize = 5): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    applicationName: 'survey-web',
    entities: [],
    migrations: [LearnerSessions1767000000000],
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    migrationsRun: false,
    poolSize,
  });
}

/** The explicit migration step (`apps/survey-web/src/migrate.ts`), never run by the web server at boot. */
export const migrateSessionDatabase = (url: string): Promise<MigrationReport> =>
  migrateDatabase(createSessionDataSource(url, 1));
