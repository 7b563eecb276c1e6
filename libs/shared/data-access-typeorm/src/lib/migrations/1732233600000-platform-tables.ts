import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PlatformTables1732233600000 implements MigrationInterface {
  name = 'PlatformTables1732233600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "outbox_message" (
        "id" BIGSERIAL NOT NULL,
        "event_id" uuid NOT NULL,
        "topic" text NOT NULL,
        "message_key" text NOT NULL,
        "event_type" text NOT NULL,
        "payload" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "published_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "UQ_outbox_message_event_id" UNIQUE ("event_id"),
        CONSTRAINT "PK_outbox_message" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "outbox_message_unpublished_idx" ON "outbox_message" ("id") WHERE published_at IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE "processed_event" (
        "consumer" text NOT NULL,
        "event_id" uuid NOT NULL,
        "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_processed_event" PRIMARY KEY ("consumer", "event_id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "processed_event"`);
    await queryRunner.query(`DROP TABLE "outbox_message"`);
  }
}
