import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_ISF_LEVELS } from '@nets/concerns/domain';

export class ConcernsSchema1732260000000 implements MigrationInterface {
  name = 'ConcernsSchema1732260000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "concern" ("id" uuid NOT NULL, "reference" text NOT NULL, "source" text NOT NULL, "status" text NOT NULL, "organisation_id" uuid NOT NULL, "original_organisation_id" uuid NOT NULL, "region" text, "site_id" uuid, "programme" text, "learner_groups" text array NOT NULL, "education_provider_id" uuid, "category" text NOT NULL, "standards_at_risk" text array NOT NULL, "description" text NOT NULL, "learner_text" text, "contact_details" jsonb, "follow_up_code_hash" text, "intake_key" text, "likelihood" integer, "consequence" integer, "controls" text, "isf_level" integer, "isf_config_version" integer, "isf_rationale" text, "isf_review_proposed" boolean NOT NULL DEFAULT false, "escalation_step" integer NOT NULL DEFAULT '1', "next_update_due" TIMESTAMP WITH TIME ZONE, "raised_by" text NOT NULL, "raised_by_role" text NOT NULL, "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "resolved_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "UQ_fdb84e91bea23a22c01adb50f13" UNIQUE ("reference"), CONSTRAINT "PK_17272f51582db9d4ed6af9c7007" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "concern_organisation_idx" ON "concern"  ("organisation_id") `);
    await queryRunner.query(`CREATE INDEX "concern_region_status_idx" ON "concern"  ("region", "status") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "concern_follow_up_idx" ON "concern"  ("follow_up_code_hash") WHERE follow_up_code_hash IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "concern_intake_key_idx" ON "concern"  ("intake_key") WHERE intake_key IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "concern_reference_sequence" ("year" integer NOT NULL, "last_value" integer NOT NULL, CONSTRAINT "PK_4a996e28df698fe3fcc0da93b5a" PRIMARY KEY ("year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "concern_timeline_entry" ("id" BIGSERIAL NOT NULL, "concern_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor" text NOT NULL, "actor_role" text NOT NULL, "kind" text NOT NULL, "what" text NOT NULL, "why" text, "restricted_detail" text, "action_id" uuid, CONSTRAINT "PK_b95213436cf6e54e0b02863d4b3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "concern_timeline_concern_idx" ON "concern_timeline_entry"  ("concern_id", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "concern_action" ("id" uuid NOT NULL, "concern_id" uuid NOT NULL, "kind" text NOT NULL, "description" text NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE, "status" text NOT NULL, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_1f55ad1660fcc2c8333bd4b72fd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "concern_action_concern_idx" ON "concern_action"  ("concern_id") `);
    await queryRunner.query(
      `CREATE TABLE "concern_regulator_share" ("id" uuid NOT NULL, "concern_id" uuid NOT NULL, "regulators" text array NOT NULL, "summary" text NOT NULL, "shared_by" text NOT NULL, "shared_by_role" text NOT NULL, "shared_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_d44f49efc3b9a18afafff4ef398" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "concern_regulator_share_concern_idx" ON "concern_regulator_share"  ("concern_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "isf_level_config" ("version" integer NOT NULL, "level" integer NOT NULL, "name" text NOT NULL, "description" text NOT NULL, "review_interval_days" integer NOT NULL, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_445abe4305b608c2291b37a9ba9" PRIMARY KEY ("version", "level"))`,
    );
    // The timeline is evidence: entries are never changed or removed, whatever code runs.
    await queryRunner.query(
      `CREATE FUNCTION concern_timeline_append_only() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'concern timeline entries are immutable'; END; $$ LANGUAGE plpgsql`,
    );
    await queryRunner.query(
      `CREATE TRIGGER concern_timeline_entry_immutable BEFORE UPDATE OR DELETE ON "concern_timeline_entry" FOR EACH ROW EXECUTE FUNCTION concern_timeline_append_only()`,
    );
    for (const level of DEFAULT_ISF_LEVELS) {
      await queryRunner.query(
        `INSERT INTO "isf_level_config" (version, level, name, description, review_interval_days, created_by) VALUES (1, $1, $2, $3, $4, 'seed')`,
        [level.level, level.name, level.description, level.reviewIntervalDays],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER concern_timeline_entry_immutable ON "concern_timeline_entry"`);
    await queryRunner.query(`DROP FUNCTION concern_timeline_append_only()`);
    for (const table of [
      'isf_level_config',
      'concern_regulator_share',
      'concern_action',
      'concern_timeline_entry',
      'concern_reference_sequence',
      'concern',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
