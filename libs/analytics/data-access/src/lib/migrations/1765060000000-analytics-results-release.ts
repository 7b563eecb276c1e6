import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Results are read only once released, and frozen from then on. Cycles already closed when this runs were
 * being read already, so they count as released with what they hold now.
 */
export class AnalyticsResultsRelease1765060000000 implements MigrationInterface {
  name = 'AnalyticsResultsRelease1765060000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "analytics_release" ("year" integer NOT NULL, "released_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "released_by" text NOT NULL, "respondents" integer NOT NULL, CONSTRAINT "PK_9acb1e6fc8af0a5c232e1f8c1e4" PRIMARY KEY ("year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "analytics_late_response" ("response_id" uuid NOT NULL, "year" integer NOT NULL, "payload" jsonb NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d1987ad6271d30f3e32e4f83eb7" PRIMARY KEY ("response_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_analytics_late_response_year" ON "analytics_late_response"  ("year") `,
    );
    await queryRunner.query(
      `INSERT INTO analytics_release (year, released_by, respondents)
       SELECT r.year, 'migration', coalesce((
         SELECT sum(c.respondents[s.idx]) FROM analytics_slot s JOIN analytics_cell_counter c ON c.year = s.year
         WHERE s.year = r.year AND s.key = 'responses'), 0)
       FROM survey_cycle_replica r WHERE r.status = 'CLOSED'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "analytics_late_response"`);
    await queryRunner.query(`DROP TABLE "analytics_release"`);
  }
}
