import type { Admin, Consumer, EachBatchPayload, IHeaders, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import {
  EventContractError,
  decodeEventJson,
  type TopicDefinition,
  type TopicEvent,
} from '@nets/shared/contract-events';
import { isTransientDatabaseError } from '@nets/shared/data-access-typeorm';
import {
  SpanKind,
  SpanStatusCode,
  addScrapeCollector,
  consumerLag,
  deadLetterMessages,
  consumerRetries,
  contextFromHeaders,
  deadLetters,
  eventsConsumed,
  metricsRecording,
  tracer,
  type Span,
} from '@nets/shared/observability';
import type { Logger } from '@nets/shared/util-logger';
import { deadLetterTopic, physicalTopic } from './topics';

/**
 * Applies new events of one topic inside the transaction that also records them as processed.
 * Events arrive in partition order; ones already processed by this consumer are filtered out first.
 */
export interface EventHandler<T extends TopicDefinition = TopicDefinition> {
  topic: T;
  handle(events: ReadonlyArray<TopicEvent<T>>, manager: EntityManager): Promise<void>;
}

export function eventHandler<T extends TopicDefinition>(
  topic: T,
  handle: EventHandler<T>['handle'],
): EventHandler<TopicDefinition> {
  return { topic, handle } as unknown as EventHandler<TopicDefinition>;
}

export interface ConsumerRunnerOptions {
  kafka: Kafka;
  dataSource: DataSource;
  /** Consumer group id; also the name under which processed events are recorded. */
  groupId: string;
  handlers: readonly EventHandler[];
  /** Producer used to park poison messages on `<topic>.dlq`. */
  deadLetterProducer: Producer;
  topicPrefix: string;
  logger: Logger;
  fromBeginning?: boolean;
  /** Attempts for a failure that is not a passing database problem, before dead-lettering. */
  maxAttempts?: number;
  retryDelayMs?: number;
  /** Events applied per database transaction. */
  transactionBatchSize?: number;
  partitionsConsumedConcurrently?: number;
}

interface Delivery {
  message: KafkaMessage;
  event: TopicEvent<TopicDefinition>;
}

class ConsumerStoppingError extends Error {}

/** Subscribe attempts on a retriable broker error (about 20 s in all) before the service gives up. */
const SUBSCRIBE_ATTEMPTS = 8;

/**
 * Runs a consumer group: idempotent handling recorded in the same transaction as the effect, retries
 * with backoff, poison messages parked on the dead-letter topic with the error in headers. Offsets are
 * committed only after the effect has committed, so a crash redelivers rather than loses.
 */
export class ConsumerRunner {
  private consumer: Consumer | undefined;
  private running = false;
  private readonly handlersByTopic = new Map<string, EventHandler>();
  private readonly maxAttempts: number;
  private readonly retryDelayMs: number;
  private readonly transactionBatchSize: number;
  private unregisterLag: (() => void) | undefined;
  private lagAdmin: Admin | undefined;

  constructor(private readonly options: ConsumerRunnerOptions) {
    // Several handlers of one topic (e.g. a shared replica and the service's own) run in order, in one transaction.
    for (const handler of options.handlers) {
      const topic = physicalTopic(options.topicPrefix, handler.topic.name);
      const previous = this.handlersByTopic.get(topic);
      this.handlersByTopic.set(
        topic,
        previous
          ? {
              topic: handler.topic,
              handle: async (events, manager) => {
                await previous.handle(events, manager);
                await handler.handle(events, manager);
              },
            }
          : handler,
      );
    }
    this.maxAttempts = options.maxAttempts ?? 3;
    this.retryDelayMs = options.retryDelayMs ?? 200;
    this.transactionBatchSize = options.transactionBatchSize ?? 500;
  }

  get isRunning(): boolean {
    return this.running;
  }

  async start(): Promise<void> {
    const consumer = this.options.kafka.consumer({
      groupId: this.options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 30000,
      heartbeatInterval: 3000,
      maxWaitTimeInMs: 100,
    });
    this.consumer = consumer;
    await consumer.connect();
    // A topic created by another service a moment ago can be listed before this broker hosts it; KafkaJS
    // marks that error retriable, and it passes within seconds.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await consumer.subscribe({
          topics: [...this.handlersByTopic.keys()],
          fromBeginning: this.options.fromBeginning ?? true,
        });
        break;
      } catch (error) {
        const retriable = (error as { retriable?: unknown }).retriable === true;
        if (!retriable || attempt >= SUBSCRIBE_ATTEMPTS) throw error;
        this.options.logger.warn({ err: error, attempt }, 'subscribing failed; retrying');
        await delay(500 * attempt);
      }
    }
    this.running = true;
    this.unregisterLag = addScrapeCollector(() => this.collectLag());
    await consumer.run({
      eachBatchAutoResolve: false,
      autoCommit: true,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachBatch: (payload) => this.processBatch(payload),
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unregisterLag?.();
    await this.lagAdmin?.disconnect().catch(() => undefined);
    this.lagAdmin = undefined;
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  private async processBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const handler = this.handlersByTopic.get(batch.topic);
    if (!handler) return;
    const messages = batch.messages;
    for (let start = 0; start < messages.length; start += this.transactionBatchSize) {
      if (!payload.isRunning() || payload.isStale()) return;
      const chunk = messages.slice(start, start + this.transactionBatchSize);
      const deliveries: Delivery[] = [];
      for (const message of chunk) {
        try {
          deliveries.push({ message, event: decodeEventJson(handler.topic, message.value) });
        } catch (error) {
          await this.deadLetter(batch.topic, batch.partition, message, error);
        }
      }
      try {
        await this.applyWithRetry(handler, batch.topic, batch.partition, deliveries);
      } catch (error) {
        if (error instanceof ConsumerStoppingError) return;
        throw error;
      }
      payload.resolveOffset(chunk[chunk.length - 1].offset);
      await payload.commitOffsetsIfNecessary();
      await payload.heartbeat();
    }
  }

  private async applyWithRetry(
    handler: EventHandler,
    topic: string,
    partition: number,
    deliveries: Delivery[],
  ): Promise<void> {
    if (deliveries.length === 0) return;
    const spans = deliveries.map((delivery) => this.processSpan(topic, partition, delivery));
    try {
      await this.applyWithRetryInSpans(handler, topic, partition, deliveries);
      spans.forEach((span) => span.end());
    } catch (error) {
      for (const span of spans) {
        span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      }
      throw error;
    }
  }

  /** One consumer span per event, continuing the trace its record's headers carry (from the outbox). */
  private processSpan(topic: string, partition: number, delivery: Delivery): Span {
    return tracer().startSpan(
      `${topic} process`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'process',
          'messaging.destination.name': topic,
          'messaging.destination.partition.id': String(partition),
          'messaging.consumer.group.name': this.options.groupId,
          'messaging.kafka.offset': delivery.message.offset,
          'messaging.message.id': delivery.event.id,
          'cloudevents.event_type': delivery.event.type,
        },
      },
      contextFromHeaders(delivery.message.headers),
    );
  }

  private async applyWithRetryInSpans(
    handler: EventHandler,
    topic: string,
    partition: number,
    deliveries: Delivery[],
  ): Promise<void> {
    let attempt = 0;
    let transientDelay = this.retryDelayMs;
    for (;;) {
      try {
        await this.apply(handler, deliveries);
        if (metricsRecording()) {
          eventsConsumed.labels({ group: this.options.groupId, topic }).inc(deliveries.length);
        }
        return;
      } catch (error) {
        if (!this.running) throw new ConsumerStoppingError();
        if (metricsRecording()) {
          consumerRetries
            .labels({
              group: this.options.groupId,
              topic,
              kind: isTransientDatabaseError(error) ? 'database' : 'handler',
            })
            .inc();
        }
        if (isTransientDatabaseError(error)) {
          this.options.logger.warn(
            { err: error, topic, retryInMs: transientDelay },
            'database unavailable; retrying',
          );
          await delay(transientDelay);
          transientDelay = Math.min(transientDelay * 2, 30000);
          continue;
        }
        attempt += 1;
        if (attempt < this.maxAttempts && !(error instanceof EventContractError)) {
          await delay(this.retryDelayMs * 2 ** (attempt - 1));
          continue;
        }
        if (deliveries.length > 1) {
          // Find the poison message: apply the rest one by one.
          for (const delivery of deliveries) {
            await this.applyWithRetryInSpans(handler, topic, partition, [delivery]);
          }
          return;
        }
        await this.deadLetter(topic, partition, deliveries[0].message, error);
        return;
      }
    }
  }

  private async apply(handler: EventHandler, deliveries: Delivery[]): Promise<void> {
    await this.options.dataSource.transaction('READ COMMITTED', async (manager) => {
      const ids = deliveries.map((delivery) => delivery.event.id);
      const inserted = await manager.query<Array<{ event_id: string }>>(
        `INSERT INTO processed_event (consumer, event_id)
         SELECT $1, id FROM unnest($2::uuid[]) AS id
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [this.options.groupId, ids],
      );
      const fresh = new Set(inserted.map((row) => row.event_id));
      const events = deliveries.map((delivery) => delivery.event).filter((event) => fresh.delete(event.id));
      if (events.length > 0) await handler.handle(events, manager);
    });
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    error: unknown,
  ): Promise<void> {
    const reason = error instanceof Error ? error.message : String(error);
    if (metricsRecording()) deadLetters.labels({ group: this.options.groupId, topic }).inc();
    this.options.logger.error(
      { topic, partition, offset: message.offset, reason },
      'parking poison message on the dead-letter topic',
    );
    const headers: IHeaders = {
      ...(message.headers ?? {}),
      'dlq-error': reason.slice(0, 4000),
      'dlq-error-type': error instanceof Error ? error.name : 'unknown',
      'dlq-original-topic': topic,
      'dlq-original-partition': String(partition),
      'dlq-original-offset': message.offset,
      'dlq-consumer-group': this.options.groupId,
      'dlq-failed-at': new Date().toISOString(),
    };
    await this.options.deadLetterProducer.send({
      topic: deadLetterTopic(topic),
      acks: -1,
      messages: [{ key: message.key, value: message.value, headers }],
    });
  }

  /** Lag per partition of this group (end offset − committed offset), read from the broker at each scrape. */
  private async collectLag(): Promise<void> {
    if (!this.running) return;
    if (!this.lagAdmin) {
      const admin = this.options.kafka.admin();
      await admin.connect();
      this.lagAdmin = admin;
    }
    const admin = this.lagAdmin;
    const topics = [...this.handlersByTopic.keys()];
    const committed = await admin.fetchOffsets({ groupId: this.options.groupId, topics });
    await Promise.all(
      committed.map(async ({ topic, partitions }) => {
        const ends = await admin.fetchTopicOffsets(topic);
        for (const end of ends) {
          const done = partitions.find((partition) => partition.partition === end.partition);
          const committedOffset = Number(done?.offset ?? -1);
          const endOffset = Number(end.high);
          // No commit yet: everything from the low watermark is still to be read.
          const lag = committedOffset < 0 ? endOffset - Number(end.low) : endOffset - committedOffset;
          consumerLag
            .labels({ group: this.options.groupId, topic, partition: String(end.partition) })
            .set(Math.max(0, lag));
        }
        const parked = await admin.fetchTopicOffsets(deadLetterTopic(topic)).catch(() => []);
        deadLetterMessages
          .labels({ topic: deadLetterTopic(topic) })
          .set(parked.reduce((sum, offsets) => sum + Number(offsets.high) - Number(offsets.low), 0));
      }),
    );
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
