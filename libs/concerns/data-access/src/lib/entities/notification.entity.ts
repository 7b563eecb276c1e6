import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A team mailbox kept by administrators: one organisation's, or one region's quality team's. */
@Entity({ name: 'notification_contact' })
@Check('notification_contact_scope_check', `(organisation_id IS NULL) <> (region IS NULL)`)
@Index('notification_contact_scope_idx', ['scope', 'email'], { unique: true })
export class NotificationContactEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** `ORGANISATION:<id>` or `REGION:<code>`: one address once per scope. */
  @Column({ type: 'text' })
  scope!: string;

  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId!: string | null;

  @Column({ type: 'text', nullable: true })
  region!: string | null;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** A signed-in user's address and the kinds they opted out of; their scope as their token last said. */
@Entity({ name: 'notification_subscriber' })
export class NotificationSubscriberEntity {
  @PrimaryColumn({ name: 'user_id', type: 'text' })
  userId!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  role!: string;

  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId!: string | null;

  @Column({ type: 'text', nullable: true })
  region!: string | null;

  @Column({ name: 'opted_out', type: 'text', array: true })
  optedOut!: string[];

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** One fact worth telling (an action overdue, a concern escalated…), recorded once by its business key. */
@Entity({ name: 'notification_trigger' })
export class NotificationTriggerEntity {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}

/** The email outbox: one row per trigger and recipient, sent by the sender loop with retries. */
@Entity({ name: 'notification_email' })
@Index('notification_email_trigger_recipient_idx', ['triggerKey', 'recipient'], { unique: true })
@Index('notification_email_pending_idx', ['nextAttemptAt'], { where: `status = 'PENDING'` })
export class NotificationEmailEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'trigger_key', type: 'text' })
  triggerKey!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  recipient!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ name: 'text_body', type: 'text' })
  textBody!: string;

  @Column({ name: 'html_body', type: 'text' })
  htmlBody!: string;

  /** PENDING until delivered (SENT) or given up after the last attempt (FAILED). */
  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt!: Date;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
