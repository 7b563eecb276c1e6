import type { Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { onOutboxWrite } from '@nets/shared/data-access-typeorm';
import {
  SpanKind,
  contextFromHeaders,
  eventsProduced,
  metricsRecording,
  trace,
  traceHeaders,
  tracer,
  type Span,
} from '@nets/shared/observability';
import type { Logger } from '@nets/shared/util-logger';
import { physicalTopic } from './topics';

export interface OutboxRelayOptions {
  dataSource: DataSource;
  /** An idempotent producer (see createIdempotentProducer). */
  producer: Producer;
  topicPrefix: string;
  logger: Logger;
  batchSize?: number;
  /** How often an idle relay looks for rows written by another process. */
  pollIntervalMs?: number;
  /** Published rows are deleted after this long. */
  retentionHours?: number;
}

interface OutboxRow {
  id: string;
  topic: string;
  message_key: string;
  event_type: string;
  payload: { id: string; source: string };
  created_at: Date;
  retain_sent: boolean;
  trace_context: Record<string, string> | null;
}

// One relay at a time per database publishes, so per-key order holds with any number of replicas.
const RELAY_LOCK_ID = 0x6e657473;

/**
 * Publishes outbox rows in id order, in batches, and marks them sent (or deletes those written with
 * `retainSent: false`) in the same transaction that locked them. Each record's timestamp is its row's
 * `created_at`. A crash between publish and commit republishes the batch: consumers are idempotent.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly retentionHours: number;
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private pendingWake = false;
  private unsubscribe: (() => void) | undefined;
  private lastCleanup = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.retentionHours = options.retentionHours ?? 72;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = onOutboxWrite(() => this.wake());
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.wake();
    await this.loop;
  }

  /** Coalesces any number of calls into one extra pass. */
  wake(): void {
    this.pendingWake = true;
    this.wakeUp?.();
  }

  /** Publishes everything pending now; returns how many messages went out. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const published = await this.publishBatch();
      total += published;
      if (published < this.batchSize) return total;
    }
  }

  async publishBatch(): Promise<number> {
    const { dataSource, producer, topicPrefix } = this.options;
    return dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query<Array<{ locked: boolean }>>(
        'SELECT pg_try_advisory_xact_lock($1) AS locked',
        [RELAY_LOCK_ID],
      );
      if (!locked) return 0;
      const rows = await manager.query<OutboxRow[]>(
        `SELECT id, topic, message_key, event_type, payload, created_at, retain_sent, trace_context FROM outbox_message
         WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      );
      if (rows.length === 0) return 0;
      // One producer span per event, in the trace of the request that wrote it; its context goes on the record.
      const spans = new Map<OutboxRow, Span>();
      for (const row of rows) {
        if (!row.trace_context) continue;
        spans.set(
          row,
          tracer().startSpan(
            `${row.topic} publish`,
            {
              kind: SpanKind.PRODUCER,
              attributes: {
                'messaging.system': 'kafka',
                'messaging.operation.type': 'send',
                'messaging.destination.name': physicalTopic(topicPrefix, row.topic),
                'messaging.message.id': row.payload.id,
                'cloudevents.event_type': row.event_type,
              },
            },
            contextFromHeaders(row.trace_context),
          ),
        );
      }
      const recordTrace = (row: OutboxRow): Record<string, string> => {
        const span = spans.get(row);
        return span ? traceHeaders(trace.setSpan(contextFromHeaders(row.trace_context), span)) : {};
      };
      const byTopic = new Map<string, OutboxRow[]>();
      for (const row of rows) {
        const list = byTopic.get(row.topic) ?? [];
        list.push(row);
        byTopic.set(row.topic, list);
      }
      try {
        await producer.sendBatch({
          acks: -1,
          topicMessages: [...byTopic.entries()].map(([topic, topicRows]) => ({
            topic: physicalTopic(topicPrefix, topic),
            messages: topicRows.map((row) => ({
              key: row.message_key,
              value: JSON.stringify(row.payload),
              // The row's time, not the send time: an entry that gives only the day keeps the record at the day.
              timestamp: String(new Date(row.created_at).getTime()),
              headers: {
                'content-type': 'application/cloudevents+json',
                ce_id: row.payload.id,
                ce_type: row.event_type,
                ce_source: row.payload.source,
                ...recordTrace(row),
              },
            })),
          })),
        });
      } finally {
        for (const span of spans.values()) span.end();
      }
      if (metricsRecording()) {
        for (const [topic, topicRows] of byTopic) eventsProduced.labels({ topic }).inc(topicRows.length);
      }
      const retained = rows.filter((row) => row.retain_sent).map((row) => row.id);
      const discarded = rows.filter((row) => !row.retain_sent).map((row) => row.id);
      if (retained.length > 0) {
        await manager.query('UPDATE outbox_message SET published_at = now() WHERE id = ANY($1::bigint[])', [
          retained,
        ]);
      }
      if (discarded.length > 0) {
        await manager.query('DELETE FROM outbox_message WHERE id = ANY($1::bigint[])', [discarded]);
      }
      return rows.length;
    });
  }

  private async run(): Promise<void> {
    let backoffMs = 500;
    while (this.running) {
      try {
        this.pendingWake = false;
        const published = await this.publishBatch();
        backoffMs = 500;
        await this.cleanupIfDue();
        if (published >= this.batchSize || this.pendingWake) continue;
        await this.sleep(this.pollIntervalMs);
      } catch (error) {
        this.options.logger.error({ err: error, retryInMs: backoffMs }, 'outbox relay failed; retrying');
        await this.sleep(backoffMs);
        backoffMs = Math.min(backoffMs * 2, 30000);
      }
    }
  }

  private async cleanupIfDue(): Promise<void> {
    const now = Date.now();
    if (now - this.lastCleanup < 10 * 60 * 1000) return;
    this.lastCleanup = now;
    await this.options.dataSource.query(
      `DELETE FROM outbox_message WHERE published_at < now() - make_interval(hours => $1)`,
      [this.retentionHours],
    );
  }

  private sleep(ms: number): Promise<void> {
    if (this.pendingWake || !this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = undefined;
        done();
      };
    });
  }
}
