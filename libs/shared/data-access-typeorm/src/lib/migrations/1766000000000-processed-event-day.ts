import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A consumer's record of an applied event keeps the day only. With the exact time, the processed rows of two
 * services joined with the topics' event ids timed a learner's serious concern against their response.
 */
export class ProcessedEventDay1766000000000 implements MigrationInterface {
  name = 'ProcessedEventDay1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "processed_event" ALTER COLUMN "processed_at" SET DEFAULT date_trunc('day', now())`,
    );
    await queryRunner.query(
      `UPDATE "processed_event" SET "processed_at" = date_trunc('day', "processed_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "processed_event" ALTER COLUMN "processed_at" SET DEFAULT now()`);
  }
}
