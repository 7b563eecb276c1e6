import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ResponseSchema1732260000000 implements MigrationInterface {
  name = 'ResponseSchema1732260000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "response" ("id" uuid NOT NULL, "cycle_year" integer NOT NULL, "questionnaire_id" uuid NOT NULL, "questionnaire_version" integer NOT NULL, "organisation_id" uuid NOT NULL, "site_id" uuid, "region" text NOT NULL, "learner_group" text NOT NULL, "profession" text NOT NULL, "programme" text, "year_of_training" integer, "specialty" text, "placement_start" date, "placement_end" date, "submitted_on" date NOT NULL, "imported" boolean NOT NULL, CONSTRAINT "PK_f64544baf2b4dc48ba623ce768f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "response_year_day_idx" ON "response"  ("cycle_year", "submitted_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "response_organisation_year_idx" ON "response"  ("organisation_id", "cycle_year") `,
    );
    await queryRunner.query(
      `CREATE TABLE "response_answer" ("response_id" uuid NOT NULL, "question_code" text NOT NULL, "option_codes" text array NOT NULL, CONSTRAINT "PK_2c7927b4b20317e980f712990af" PRIMARY KEY ("response_id", "question_code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "response_comment" ("id" uuid NOT NULL, "response_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "region" text NOT NULL, "cycle_year" integer NOT NULL, "question_code" text NOT NULL, "original_text" text NOT NULL, "redacted_text" text NOT NULL, "status" text NOT NULL, "review_reasons" jsonb NOT NULL, "reviewed_by" text, "reviewed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_2a9f215a614e5df40fa076c08e7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "response_comment_review_idx" ON "response_comment"  ("status", "region") `,
    );
    await queryRunner.query(
      `CREATE INDEX "response_comment_organisation_year_idx" ON "response_comment"  ("organisation_id", "cycle_year") `,
    );
    await queryRunner.query(
      `CREATE TABLE "response_submission" ("idempotency_key" text NOT NULL, "request_hash" text NOT NULL, "response_id" uuid NOT NULL, "receipt_code" text NOT NULL, "follow_up_code" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f00ac67c5baacffb1f62d39ec1f" PRIMARY KEY ("idempotency_key"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "response_submission_receipt_idx" ON "response_submission"  ("receipt_code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "response_draft" ("id" uuid NOT NULL, "resume_token_hash" text NOT NULL, "cycle_year" integer NOT NULL, "questionnaire_id" uuid NOT NULL, "content" jsonb, "status" text NOT NULL, "saved_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_83725349113a12284423cc70a09" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "response_draft_token_idx" ON "response_draft"  ("resume_token_hash") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "response_draft"`);
    await queryRunner.query(`DROP TABLE "response_submission"`);
    await queryRunner.query(`DROP TABLE "response_comment"`);
    await queryRunner.query(`DROP TABLE "response_answer"`);
    await queryRunner.query(`DROP TABLE "response"`);
  }
}
