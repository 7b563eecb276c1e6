import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import type { MigrationReport } from '@nets/shared/data-access-typeorm';
import {
  createSessionDataSource as createWebSessionDataSource,
  migrateSessionDatabase as migrateWebSessionDatabase,
  sessionTableStatements,
} from '@nets/web/sessions';

export const STAFF_SESSION_TABLE = 'staff_session';
const statements = sessionTableStatements(STAFF_SESSION_TABLE);

/** Staff sessions (their tokens included), shared by every portal replica; a row goes when it expires. */
export class StaffSessions1767100000000 implements MigrationInterface {
  name = 'StaffSessions1767100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of statements.up) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of statements.down) await queryRunner.query(statement);
  }
}

const database = (url: string, poolSize?: number) => ({
  url,
  applicationName: 'staff-portal',
  migrations: [StaffSessions1767100000000],
  poolSize,
});

/** The portal's own database: sessions only, never a service's data. */
export const createSessionDataSource = (url: string, poolSize = 5): DataSource =>
  createWebSessionDataSource(database(url, poolSize));

/** The explicit migration step (`apps/staff-portal/src/migrate.ts`), never run by the web server at boot. */
export const migrateSessionDatabase = (url: string): Promise<MigrationReport> =>
  migrateWebSessionDatabase(database(url));
