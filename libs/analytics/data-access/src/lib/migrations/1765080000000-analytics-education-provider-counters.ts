import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counters by education provider (issue 21): the learner's education provider joins the fine cell's key.
 * Counters folded before it keep '' (no education provider named), as their responses carried none.
 */
export class AnalyticsEducationProviderCounters1765080000000 implements MigrationInterface {
  name = 'AnalyticsEducationProviderCounters1765080000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "analytics_cell_counter" ADD "education_provider_id" text NOT NULL DEFAULT ''`,
    );
    await queryRunner.query(
      `ALTER TABLE "analytics_cell_counter" ALTER COLUMN "education_provider_id" DROP DEFAULT`,
    );
    await queryRunner.query(
      `ALTER TABLE "analytics_cell_counter" DROP CONSTRAINT "PK_306d84b1f7e49cb05719151937e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "analytics_cell_counter" ADD CONSTRAINT "PK_e8b0076e3ef92c66b6ee34c1cc0" PRIMARY KEY ("year", "organisation_id", "site_id", "education_provider_id", "profession")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "analytics_cell_counter" DROP CONSTRAINT "PK_e8b0076e3ef92c66b6ee34c1cc0"`,
    );
    await queryRunner.query(`DELETE FROM "analytics_cell_counter" WHERE "education_provider_id" <> ''`);
    await queryRunner.query(`ALTER TABLE "analytics_cell_counter" DROP COLUMN "education_provider_id"`);
    await queryRunner.query(
      `ALTER TABLE "analytics_cell_counter" ADD CONSTRAINT "PK_306d84b1f7e49cb05719151937e" PRIMARY KEY ("year", "organisation_id", "site_id", "profession")`,
    );
  }
}
