import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Counter rollups, series versions, pending responses and published unit flags. */
export class AnalyticsReadModel1732260000000 implements MigrationInterface {
  name = 'AnalyticsReadModel1732260000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "analytics_counter" ("year" integer NOT NULL, "series" text NOT NULL, "organisation_id" uuid NOT NULL, "site_id" text NOT NULL, "profession" text NOT NULL, "region" text NOT NULL, "learner_group" text NOT NULL, "respondents" integer NOT NULL, "positive" integer NOT NULL, CONSTRAINT "PK_2429dccf6c7cb20705c8cd98224" PRIMARY KEY ("year", "series", "organisation_id", "site_id", "profession"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "analytics_reason_counter" ("year" integer NOT NULL, "question_code" text NOT NULL, "organisation_id" uuid NOT NULL, "site_id" text NOT NULL, "profession" text NOT NULL, "option_code" text NOT NULL, "region" text NOT NULL, "learner_group" text NOT NULL, "chosen" integer NOT NULL, CONSTRAINT "PK_afa1fac850a9c4f6ecede339fbd" PRIMARY KEY ("year", "question_code", "organisation_id", "site_id", "profession", "option_code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "analytics_series" ("year" integer NOT NULL, "series" text NOT NULL, "version" integer NOT NULL DEFAULT '0', "published_version" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_30335f452ee377e1832887181f6" PRIMARY KEY ("year", "series"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_analytics_series_unpublished" ON "analytics_series"  ("year", "series") WHERE version <> published_version`,
    );
    await queryRunner.query(
      `CREATE TABLE "analytics_pending_response" ("response_id" uuid NOT NULL, "questionnaire_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "payload" jsonb NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e3d9190c5a40cd67a57b46dcf15" PRIMARY KEY ("response_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "analytics_unit_flag" ("year" integer NOT NULL, "measure_key" text NOT NULL, "unit_key" text NOT NULL, "flag" text NOT NULL, "consecutive_red" integer NOT NULL, CONSTRAINT "PK_54306183f266f5e40db8534ddc4" PRIMARY KEY ("year", "measure_key", "unit_key"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "analytics_unit_flag"`);
    await queryRunner.query(`DROP TABLE "analytics_pending_response"`);
    await queryRunner.query(`DROP TABLE "analytics_series"`);
    await queryRunner.query(`DROP TABLE "analytics_reason_counter"`);
    await queryRunner.query(`DROP TABLE "analytics_counter"`);
  }
}
