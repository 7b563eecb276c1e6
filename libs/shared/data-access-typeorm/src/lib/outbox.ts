import {
  EventSubscriber,
  type EntityManager,
  type EntitySubscriberInterface,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';
import type { CloudEvent } from '@nets/shared/contract-events';
import {
  DOMAIN_EVENT_COUNTERS,
  metricsRecording,
  outboxEventsWritten,
  traceHeaders,
} from '@nets/shared/observability';

export interface OutboxEntry {
  /** Logical topic name (`nets.survey.v1`); any deployment prefix is added by the relay. */
  topic: string;
  key: string;
  event: CloudEvent;
  /**
   * When the row says it was written, and the Kafka record's timestamp. Defaults to now; events a learner's
   * action sets off give the day, so neither the row nor the record keeps the exact time.
   */
  createdAt?: Date;
  /** False: the relay deletes the row in the transaction that sends it (nothing is kept once published). */
  retainSent?: boolean;
  /**
   * False: the row and its Kafka record carry no trace context. For an event that must not be joinable to the
   * other events of the request that wrote it (a serious concern and the response it came with: one trace id on
   * both records would link them).
   */
  traced?: boolean;
}

type OutboxListener = () => void;
const listeners = new Set<OutboxListener>();

/** The relay in this process subscribes so that it publishes right after a commit instead of at its next poll. */
export function onOutboxWrite(listener: OutboxListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Writes events into the outbox inside the caller's transaction, one round trip for any number of
 * events. The relay is nudged once the transaction commits.
 */
export async function appendToOutbox(manager: EntityManager, entries: readonly OutboxEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const values: unknown[] = [];
  const trace = traceHeaders();
  const traceContext = Object.keys(trace).length > 0 ? JSON.stringify(trace) : null;
  const rows = entries.map((entry, index) => {
    const base = index * 8;
    values.push(
      entry.event.id,
      entry.topic,
      entry.key,
      entry.event.type,
      JSON.stringify(entry.event),
      entry.createdAt ?? null,
      entry.retainSent ?? true,
      entry.traced === false ? null : traceContext,
    );
    return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}::jsonb, COALESCE($${base + 6}::timestamptz, now()), $${base + 7}::boolean, $${base + 8}::jsonb)`;
  });
  await manager.query(
    `INSERT INTO outbox_message (event_id, topic, message_key, event_type, payload, created_at, retain_sent, trace_context)
     VALUES ${rows.join(', ')}`,
    values,
  );
  const queryRunner = manager.queryRunner;
  if (queryRunner?.isTransactionActive) {
    // Wake the relay (and count the events) after the commit, not before: it would find nothing yet.
    const data = queryRunner.data as OutboxRunnerData;
    data.outboxWritten = true;
    data.outboxTypes = [...(data.outboxTypes ?? []), ...entries.map((entry) => entry.event.type)];
  } else {
    countCommitted(entries.map((entry) => entry.event.type));
    notifyOutboxListeners();
  }
}

interface OutboxRunnerData {
  outboxWritten?: boolean;
  outboxTypes?: string[];
}

function countCommitted(types: readonly string[]): void {
  if (!metricsRecording()) return;
  for (const type of types) {
    outboxEventsWritten.labels({ type }).inc();
    DOMAIN_EVENT_COUNTERS[type]?.inc();
  }
}

/** Registered on every service DataSource: tells the relay when a transaction that wrote events commits. */
@EventSubscriber()
export class OutboxCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    const data = event.queryRunner.data as OutboxRunnerData;
    if (data.outboxWritten) {
      data.outboxWritten = false;
      countCommitted(data.outboxTypes ?? []);
      data.outboxTypes = undefined;
      notifyOutboxListeners();
    }
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    (event.queryRunner.data as OutboxRunnerData).outboxWritten = false;
    (event.queryRunner.data as OutboxRunnerData).outboxTypes = undefined;
  }
}

function notifyOutboxListeners(): void {
  for (const listener of listeners) listener();
}
