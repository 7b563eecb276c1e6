import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProviderAssessmentSchema1732260000000 implements MigrationInterface {
  name = 'ProviderAssessmentSchema1732260000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "organisation" ("id" uuid NOT NULL, "ods_code" text NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "roles" text array NOT NULL, "region" text NOT NULL, "status" text NOT NULL, "successor_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c725ae234ef1b74cce43d2d00c1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "organisation_name_id_idx" ON "organisation"  ("name", "id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "organisation_ods_code_idx" ON "organisation"  ("ods_code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "organisation_site" ("id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "code" text NOT NULL, "name" text NOT NULL, CONSTRAINT "PK_68d3145b9dd889715d148cdb11a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "organisation_site_organisation_idx" ON "organisation_site"  ("organisation_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "organisation_site_code_idx" ON "organisation_site"  ("code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "self_assessment_cycle" ("year" integer NOT NULL, "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_27b21badf944b6cdf1d15539b07" PRIMARY KEY ("year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "self_assessment" ("id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "region" text NOT NULL, "year" integer NOT NULL, "status" text NOT NULL, "standards" jsonb NOT NULL, "indicators" jsonb NOT NULL, "sign_off" jsonb, "first_submitted_at" TIMESTAMP WITH TIME ZONE, "submitted_at" TIMESTAMP WITH TIME ZONE, "late" boolean NOT NULL DEFAULT false, "submission_count" integer NOT NULL DEFAULT '0', "reviews" jsonb NOT NULL DEFAULT '[]', "imported" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_959d1493830e871c37291fa8f55" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "self_assessment_year_region_idx" ON "self_assessment"  ("year", "region") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "self_assessment_organisation_year_idx" ON "self_assessment"  ("organisation_id", "year") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "self_assessment"`);
    await queryRunner.query(`DROP TABLE "self_assessment_cycle"`);
    await queryRunner.query(`DROP TABLE "organisation_site"`);
    await queryRunner.query(`DROP TABLE "organisation"`);
  }
}
