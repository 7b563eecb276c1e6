import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-row outbox options: rows that must not outlive their sending (`retain_sent = false`). */
export class OutboxRetention1765000000000 implements MigrationInterface {
  name = 'OutboxRetention1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_message" ADD "retain_sent" boolean NOT NULL DEFAULT true`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP COLUMN "retain_sent"`);
  }
}
