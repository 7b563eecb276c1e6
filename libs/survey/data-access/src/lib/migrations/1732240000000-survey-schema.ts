import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SurveySchema1732240000000 implements MigrationInterface {
  name = 'SurveySchema1732240000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "quality_framework_edition" ("edition" text NOT NULL, "title" text NOT NULL, "published_year" integer NOT NULL, "is_current" boolean NOT NULL, CONSTRAINT "PK_a94678514e7489f5aa4ade76413" PRIMARY KEY ("edition"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "quality_domain" ("edition" text NOT NULL, "number" integer NOT NULL, "title" text NOT NULL, "overview" text NOT NULL, CONSTRAINT "PK_2b1557f986958e2d241db57b17b" PRIMARY KEY ("edition", "number"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "quality_standard" ("edition" text NOT NULL, "code" text NOT NULL, "domain_number" integer NOT NULL, "position" integer NOT NULL, "statement" text NOT NULL, "descriptors" jsonb NOT NULL, CONSTRAINT "PK_0475dcc6db8de5745a92283ea57" PRIMARY KEY ("edition", "code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "measure" ("key" text NOT NULL, "position" integer NOT NULL, "title" text NOT NULL, "description" text NOT NULL, "question_code" text NOT NULL, "positive_option_codes" text array NOT NULL, "polarity" text NOT NULL, "standard_codes" text array NOT NULL, "first_year" integer NOT NULL, "theme" text NOT NULL, CONSTRAINT "PK_0c6ca0e03c289901bb1b802948c" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "learner_group" ("code" text NOT NULL, "position" integer NOT NULL, "name" text NOT NULL, CONSTRAINT "PK_c867b0c70259d9fa48621b49c22" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "profession" ("code" text NOT NULL, "learner_group_code" text NOT NULL, "position" integer NOT NULL, "name" text NOT NULL, CONSTRAINT "PK_5cc9fdf5f859da8f114f0b573e3" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "survey_cycle" ("year" integer NOT NULL, "name" text NOT NULL, "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL, "questionnaire_id" uuid, "opened_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "imported" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_030bc02858792594a0c982c70d2" PRIMARY KEY ("year"))`,
    );
    // The database, not only the service, guarantees one open cycle at a time.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "survey_cycle_one_open_idx" ON "survey_cycle" ("status") WHERE status = 'OPEN'`,
    );
    await queryRunner.query(
      `CREATE TABLE "survey_cycle_override" ("id" BIGSERIAL NOT NULL, "year" integer NOT NULL, "action" text NOT NULL, "reason" text NOT NULL, "actor" text NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_469c012a9ceaeba0d0a01845ce6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "questionnaire" ("id" uuid NOT NULL, "year" integer NOT NULL, "version" integer, "status" text NOT NULL, "content" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, "published_by" text, CONSTRAINT "PK_e8232a11eaabac903636eb7e71e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "questionnaire_one_draft_idx" ON "questionnaire" ("year") WHERE status = 'DRAFT'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "questionnaire_year_version_idx" ON "questionnaire" ("year", "version")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'questionnaire',
      'survey_cycle_override',
      'survey_cycle',
      'profession',
      'learner_group',
      'measure',
      'quality_standard',
      'quality_domain',
      'quality_framework_edition',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
