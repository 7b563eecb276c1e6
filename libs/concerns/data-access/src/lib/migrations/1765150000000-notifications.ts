import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications (issue 22): team mailboxes per organisation and region, users' addresses and opt-outs, the
 * facts told once (`notification_trigger`) and the email outbox, one row per fact and recipient.
 */
export class Notifications1765150000000 implements MigrationInterface {
  name = 'Notifications1765150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification_contact" ("id" uuid NOT NULL, "scope" text NOT NULL, "organisation_id" uuid, "region" text, "email" text NOT NULL, "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "notification_contact_scope_check" CHECK ((organisation_id IS NULL) <> (region IS NULL)), CONSTRAINT "PK_notification_contact" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "notification_contact_scope_idx" ON "notification_contact" ("scope", "email") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_subscriber" ("user_id" text NOT NULL, "email" text NOT NULL, "role" text NOT NULL, "organisation_id" uuid, "region" text, "opted_out" text array NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_notification_subscriber" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_trigger" ("key" text NOT NULL, "kind" text NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_notification_trigger" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_email" ("id" uuid NOT NULL, "trigger_key" text NOT NULL, "kind" text NOT NULL, "recipient" text NOT NULL, "subject" text NOT NULL, "text_body" text NOT NULL, "html_body" text NOT NULL, "status" text NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_notification_email" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "notification_email_trigger_recipient_idx" ON "notification_email" ("trigger_key", "recipient") `,
    );
    await queryRunner.query(
      `CREATE INDEX "notification_email_pending_idx" ON "notification_email" ("next_attempt_at") WHERE status = 'PENDING'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notification_email"`);
    await queryRunner.query(`DROP TABLE "notification_trigger"`);
    await queryRunner.query(`DROP TABLE "notification_subscriber"`);
    await queryRunner.query(`DROP TABLE "notification_contact"`);
  }
}
