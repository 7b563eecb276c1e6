import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Nothing links a learner to their answers: follow-up codes and exact submission times go; submitted drafts
 * keep the day only. Feedback follows the released results: the replica of released organisation cells and
 * the set of responses frozen at release.
 */
export class UnlinkableResponses1765000100000 implements MigrationInterface {
  name = 'UnlinkableResponses1765000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "response_submission" DROP COLUMN "follow_up_code"`);
    await queryRunner.query(`ALTER TABLE "response_submission" DROP COLUMN "created_at"`);
    await queryRunner.query(
      `UPDATE "response_draft" SET "saved_at" = date_trunc('day', "saved_at" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
       WHERE "status" <> 'OPEN'`,
    );
    await queryRunner.query(
      `DELETE FROM "outbox_message" WHERE "topic" IN ('nets.responses.v1', 'nets.serious-concerns.v1')
       AND "published_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `UPDATE "outbox_message" SET "created_at" = date_trunc('day', "created_at" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC',
       "retain_sent" = false WHERE "topic" IN ('nets.responses.v1', 'nets.serious-concerns.v1')`,
    );
    await queryRunner.query(`ALTER TABLE "response_comment" ADD "late" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `CREATE TABLE "released_result_cell" ("year" integer NOT NULL, "organisation_id" uuid NOT NULL, "respondents" integer NOT NULL, CONSTRAINT "PK_released_result_cell" PRIMARY KEY ("year", "organisation_id", "respondents"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "feedback_release" ("year" integer NOT NULL, "released_on" date NOT NULL, CONSTRAINT "PK_feedback_release" PRIMARY KEY ("year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "feedback_release_count" ("year" integer NOT NULL, "organisation_id" uuid NOT NULL, "response_count" integer NOT NULL, CONSTRAINT "PK_feedback_release_count" PRIMARY KEY ("year", "organisation_id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "feedback_release_count"`);
    await queryRunner.query(`DROP TABLE "feedback_release"`);
    await queryRunner.query(`DROP TABLE "released_result_cell"`);
    await queryRunner.query(`ALTER TABLE "response_comment" DROP COLUMN "late"`);
    await queryRunner.query(
      `ALTER TABLE "response_submission" ADD "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    await queryRunner.query(`ALTER TABLE "response_submission" ADD "follow_up_code" text`);
  }
}
