import type { EntityManager } from 'typeorm';
import type { CloudEvent } from '@nets/shared/contract-events';
import {
  DOMAIN_EVENT_COUNTERS,
  metricsRecording,
  outboxEventsWritten,
  traceHeaders,
} from '@nets/shared/observability';
import { afterCommitOf } from './unit-of-work';

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

/** The trace context of the current request as an outbox row stores it (null outside a trace). */
function currentTraceContext(): Record<string, string> | null {
  const trace = traceHeaders();
  return Object.keys(trace).length > 0 ? trace : null;
}

/**
 * An outbox row's columns for an entry, for a writer that inserts rows its own way (one statement doing a whole
 * transaction's work); `appendToOutbox` writes the same values.
 */
export function outboxRowOf(entry: OutboxEntry, traceContext = currentTraceContext()) {
  return {
    event_id: entry.event.id,
    topic: entry.topic,
    message_key: entry.key,
    event_type: entry.event.type,
    payload: entry.event,
    created_at: entry.createdAt?.toISOString() ?? null,
    retain_sent: entry.retainSent ?? true,
    trace_context: entry.traced === false ? null : traceContext,
  };
}

/**
 * Writes events into the outbox inside the caller's transaction, one round trip for any number of
 * events. The relay is nudged once the transaction commits.
 */
export async function appendToOutbox(manager: EntityManager, entries: readonly OutboxEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const values: unknown[] = [];
  const traceContext = currentTraceContext();
  const rows = entries.map((entry, index) => {
    const base = index * 8;
    const row = outboxRowOf(entry, traceContext);
    values.push(
      row.event_id,
      row.topic,
      row.message_key,
      row.event_type,
      JSON.stringify(row.payload),
      row.created_at,
      row.retain_sent,
      row.trace_context === null ? null : JSON.stringify(row.trace_context),
    );
    return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}::jsonb, COALESCE($${base + 6}::timestamptz, now()), $${base + 7}::boolean, $${base + 8}::jsonb)`;
  });
  await manager.query(
    `INSERT INTO outbox_message (event_id, topic, message_key, event_type, payload, created_at, retain_sent, trace_context)
     VALUES ${rows.join(', ')}`,
    values,
  );
  afterOutboxWrite(manager, entries, { wakeRelay: true });
}

/**
 * What follows a write of outbox rows, once its transaction commits (at once outside one; never on rollback):
 * the events are counted (`nets_outbox_events_written_total` and the domain counters) and, unless the writer
 * leaves the rows to the relay's next poll (a hot path that would otherwise wake it per row), the relay is woken
 * (before the commit it would find nothing).
 */
export function afterOutboxWrite(
  manager: EntityManager,
  entries: readonly OutboxEntry[],
  options: { wakeRelay: boolean },
): void {
  const types = entries.map((entry) => entry.event.type);
  afterCommitOf(manager, () => {
    countCommitted(types);
    if (options.wakeRelay) notifyOutboxListeners();
  });
}

function countCommitted(types: readonly string[]): void {
  if (!metricsRecording()) return;
  for (const type of types) {
    outboxEventsWritten.labels({ type }).inc();
    DOMAIN_EVENT_COUNTERS[type]?.inc();
  }
}

function notifyOutboxListeners(): void {
  for (const listener of listeners) listener();
}
