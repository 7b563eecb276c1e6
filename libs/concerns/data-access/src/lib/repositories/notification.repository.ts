import { randomUUID } from 'node:crypto';
import { managerOf, type Transaction } from '@nets/shared/data-access-typeorm';
import type {
  NotificationContactRecord,
  NotificationKind,
  NotificationSubscriberRecord,
  RenderedEmail,
} from '@nets/concerns/domain';
import { NotificationContactEntity, NotificationSubscriberEntity } from '../entities/notification.entity';

/** An email taken for delivery (locked until its transaction ends). */
export interface QueuedEmail {
  id: string;
  recipient: string;
  subject: string;
  text: string;
  html: string;
  attempts: number;
}

/** An open action with a due time, on a concern still open, and what an email about it names. */
export interface DueActionRow {
  actionId: string;
  actionKind: string;
  dueAt: Date;
  concernId: string;
  reference: string;
  organisationId: string;
  region: string | null;
}

function toContact(row: NotificationContactEntity): NotificationContactRecord {
  return {
    id: row.id,
    organisationId: row.organisationId,
    region: row.region,
    email: row.email,
    name: row.name,
    createdAt: row.createdAt,
  };
}

function toSubscriber(row: NotificationSubscriberEntity): NotificationSubscriberRecord {
  return {
    userId: row.userId,
    email: row.email,
    role: row.role,
    organisationId: row.organisationId,
    region: row.region,
    optedOut: row.optedOut as NotificationKind[],
    updatedAt: row.updatedAt,
  };
}

/** Contacts, subscribers, the facts told once and the email outbox. */
export class NotificationRepository {
  async contacts(
    transaction: Transaction,
    filter: { organisationIds?: readonly string[]; regions?: readonly string[] } = {},
  ): Promise<NotificationContactRecord[]> {
    const query = managerOf(transaction)
      .getRepository(NotificationContactEntity)
      .createQueryBuilder('c')
      .orderBy('c.scope')
      .addOrderBy('c.email');
    if (filter.organisationIds || filter.regions)
      query.where('(c.organisation_id = ANY(:orgs) OR c.region = ANY(:regions))', {
        orgs: filter.organisationIds ?? [],
        regions: filter.regions ?? [],
      });
    return (await query.getMany()).map(toContact);
  }

  /** Adds a contact; false when the scope already has that address. */
  async addContact(
    transaction: Transaction,
    contact: Omit<NotificationContactRecord, 'id'>,
  ): Promise<NotificationContactRecord | undefined> {
    const id = randomUUID();
    const scope = contact.organisationId
      ? `ORGANISATION:${contact.organisationId}`
      : `REGION:${contact.region}`;
    const inserted = await managerOf(transaction).query<unknown[]>(
      `INSERT INTO notification_contact (id, scope, organisation_id, region, email, name, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (scope, email) DO NOTHING RETURNING id`,
      [id, scope, contact.organisationId, contact.region, contact.email, contact.name, contact.createdAt],
    );
    return inserted.length === 1 ? { id, ...contact } : undefined;
  }

  async removeContact(transaction: Transaction, id: string): Promise<boolean> {
    const result = await managerOf(transaction).getRepository(NotificationContactEntity).delete({ id });
    return (result.affected ?? 0) > 0;
  }

  /** Subscribers whose scope is one of these organisations or regions. */
  async subscribers(
    transaction: Transaction,
    scope: { organisationIds: readonly string[]; regions: readonly string[] },
  ): Promise<NotificationSubscriberRecord[]> {
    const rows = await managerOf(transaction)
      .getRepository(NotificationSubscriberEntity)
      .createQueryBuilder('s')
      .where('(s.organisation_id = ANY(:orgs) OR s.region = ANY(:regions))', {
        orgs: scope.organisationIds,
        regions: scope.regions,
      })
      .getMany();
    return rows.map(toSubscriber);
  }

  async subscriber(
    transaction: Transaction,
    userId: string,
  ): Promise<NotificationSubscriberRecord | undefined> {
    const row = await managerOf(transaction)
      .getRepository(NotificationSubscriberEntity)
      .findOne({ where: { userId } });
    return row ? toSubscriber(row) : undefined;
  }

  async saveSubscriber(transaction: Transaction, subscriber: NotificationSubscriberRecord): Promise<void> {
    await managerOf(transaction).getRepository(NotificationSubscriberEntity).upsert(subscriber, ['userId']);
  }

  async removeSubscriber(transaction: Transaction, userId: string): Promise<boolean> {
    const result = await managerOf(transaction)
      .getRepository(NotificationSubscriberEntity)
      .delete({ userId });
    return (result.affected ?? 0) > 0;
  }

  /** Which of these trigger keys were recorded already. */
  async recordedTriggers(transaction: Transaction, keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await managerOf(transaction).query<Array<{ key: string }>>(
      `SELECT key FROM notification_trigger WHERE key = ANY($1)`,
      [keys],
    );
    return new Set(rows.map((row) => row.key));
  }

  /**
   * Records a fact and queues its emails, once: a fact already recorded (a redelivered event, a second scan,
   * another replica) queues nothing. Returns how many emails were queued.
   */
  async recordTrigger(
    transaction: Transaction,
    trigger: { key: string; kind: NotificationKind; at: Date },
    emails: ReadonlyArray<{ recipient: string; email: RenderedEmail }>,
  ): Promise<number> {
    const manager = managerOf(transaction);
    const recorded = await manager.query<unknown[]>(
      `INSERT INTO notification_trigger (key, kind, recorded_at) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO NOTHING RETURNING key`,
      [trigger.key, trigger.kind, trigger.at],
    );
    if (recorded.length === 0 || emails.length === 0) return 0;
    const inserted = await manager.query<unknown[]>(
      `INSERT INTO notification_email (id, trigger_key, kind, recipient, subject, text_body, html_body, status,
         attempts, next_attempt_at, created_at)
       SELECT e.id, $2, $3, e.recipient, e.subject, e.text_body, e.html_body, 'PENDING', 0, $4, $4
       FROM jsonb_to_recordset($1::jsonb) AS e(id uuid, recipient text, subject text, text_body text, html_body text)
       ON CONFLICT (trigger_key, recipient) DO NOTHING RETURNING id`,
      [
        JSON.stringify(
          emails.map(({ recipient, email }) => ({
            id: randomUUID(),
            recipient,
            subject: email.subject,
            text_body: email.text,
            html_body: email.html,
          })),
        ),
        trigger.key,
        trigger.kind,
        trigger.at,
      ],
    );
    return inserted.length;
  }

  /** Locks up to `limit` emails due for an attempt; replicas sending at once take different rows. */
  async lockDue(transaction: Transaction, now: Date, limit: number): Promise<QueuedEmail[]> {
    const rows = await managerOf(transaction).query<
      Array<{
        id: string;
        recipient: string;
        subject: string;
        text_body: string;
        html_body: string;
        attempts: number;
      }>
    >(
      `SELECT id, recipient, subject, text_body, html_body, attempts FROM notification_email
       WHERE status = 'PENDING' AND next_attempt_at <= $1
       ORDER BY next_attempt_at, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      recipient: row.recipient,
      subject: row.subject,
      text: row.text_body,
      html: row.html_body,
      attempts: row.attempts,
    }));
  }

  async markSent(transaction: Transaction, id: string, at: Date): Promise<void> {
    await managerOf(transaction).query(
      `UPDATE notification_email SET status = 'SENT', sent_at = $2, attempts = attempts + 1, last_error = NULL
       WHERE id = $1`,
      [id, at],
    );
  }

  /** A failed attempt: tried again at `retryAt`, or FAILED for good when that is null. */
  async markFailed(transaction: Transaction, id: string, error: string, retryAt: Date | null): Promise<void> {
    await managerOf(transaction).query(
      `UPDATE notification_email SET attempts = attempts + 1, last_error = $2,
         status = CASE WHEN $3::timestamptz IS NULL THEN 'FAILED' ELSE status END,
         next_attempt_at = coalesce($3::timestamptz, next_attempt_at)
       WHERE id = $1`,
      [id, error.slice(0, 1000), retryAt],
    );
  }

  /**
   * Open actions due by `horizon` on concerns still open, oldest due first, less those already told: overdue
   * ones whose overdue key is recorded, and not yet due ones whose due-soon key is. A key is its prefix and the
   * action id.
   */
  async actionsToRemind(
    transaction: Transaction,
    window: { now: Date; horizon: Date; overdueKeyPrefix: string; dueSoonKeyPrefix: string },
    limit: number,
  ): Promise<DueActionRow[]> {
    const rows = await managerOf(transaction).query<
      Array<{
        action_id: string;
        action_kind: string;
        due_at: Date;
        concern_id: string;
        reference: string;
        organisation_id: string;
        region: string | null;
      }>
    >(
      `SELECT a.id AS action_id, a.kind AS action_kind, a.due_at, c.id AS concern_id, c.reference,
         c.organisation_id, c.region
       FROM concern_action a JOIN concern c ON c.id = a.concern_id
       WHERE a.status = 'OPEN' AND a.due_at IS NOT NULL AND a.due_at <= $1
         AND c.status NOT IN ('RESOLVED', 'CLOSED', 'WITHDRAWN')
         AND NOT EXISTS (SELECT 1 FROM notification_trigger t WHERE t.key = $4 || a.id::text)
         AND NOT (a.due_at > $3 AND EXISTS (SELECT 1 FROM notification_trigger t WHERE t.key = $5 || a.id::text))
       ORDER BY a.due_at, a.id LIMIT $2`,
      [window.horizon, limit, window.now, window.overdueKeyPrefix, window.dueSoonKeyPrefix],
    );
    return rows.map((row) => ({
      actionId: row.action_id,
      actionKind: row.action_kind,
      dueAt: row.due_at,
      concernId: row.concern_id,
      reference: row.reference,
      organisationId: row.organisation_id,
      region: row.region,
    }));
  }
}
