import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Optimistic locking of a self-assessment: every change moves `version` on, and a save that names the version
 * it read is refused (CONFLICT) when someone else saved in between, so two users editing one draft never
 * overwrite each other silently.
 */
export class SelfAssessmentVersion1765130000000 implements MigrationInterface {
  name = 'SelfAssessmentVersion1765130000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "self_assessment" ADD "version" integer NOT NULL DEFAULT '1'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "self_assessment" DROP COLUMN "version"`);
  }
}
