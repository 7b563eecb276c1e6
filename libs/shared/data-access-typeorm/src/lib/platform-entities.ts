import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The transactional outbox: a service writes its events here in the same transaction as the state
 * change; the relay publishes them in `id` order and stamps `published_at` (or deletes rows that ask not to be
 * retained). `created_at` is also the Kafka record timestamp.
 */
@Entity({ name: 'outbox_message' })
@Index('outbox_message_unpublished_idx', ['id'], { where: 'published_at IS NULL' })
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ name: 'event_id', type: 'uuid', unique: true })
  eventId!: string;

  @Column({ type: 'text' })
  topic!: string;

  @Column({ name: 'message_key', type: 'text' })
  messageKey!: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  /** The whole CloudEvents envelope as it goes on the wire. */
  @Column({ type: 'jsonb' })
  payload!: unknown;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  /** False for events that must not outlive their sending: the relay deletes the row once sent. */
  @Column({ name: 'retain_sent', type: 'boolean', default: true })
  retainSent!: boolean;

  /** The W3C trace context of the request that wrote the row (see `OutboxTraceContext1767000000000`). */
  @Column({ name: 'trace_context', type: 'jsonb', nullable: true })
  traceContext!: Record<string, string> | null;
}

/** Events a consumer has applied, written in the same transaction as their effect. */
@Entity({ name: 'processed_event' })
export class ProcessedEventEntity {
  @PrimaryColumn({ type: 'text' })
  consumer!: string;

  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  /** The day only (see `ProcessedEventDay1766000000000`). */
  @Column({ name: 'processed_at', type: 'timestamptz', default: () => "date_trunc('day', now())" })
  processedAt!: Date;
}

export const PLATFORM_ENTITIES = [OutboxMessageEntity, ProcessedEventEntity];
