import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Anonymous submissions per client address, counted in this database so every replica shares one budget.
 * The columns are the ones rate-limiter-flexible's PostgreSQL store reads and writes.
 */
export class SubmissionRateLimit1765200000000 implements MigrationInterface {
  name = 'SubmissionRateLimit1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "submission_rate_limit" ("key" varchar(255) PRIMARY KEY, "points" integer NOT NULL DEFAULT 0, "expire" bigint)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "submission_rate_limit"`);
  }
}
