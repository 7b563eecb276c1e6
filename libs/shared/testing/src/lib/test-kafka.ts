import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, type Consumer, type KafkaMessage, type Message } from 'kafkajs';
import { kafkaConfigSchema, type KafkaConfig } from '@nets/shared/data-access-kafka';
import { waitFor } from './wait-for';

export const TEST_KAFKA_BROKERS = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');

/** Topics of one test file live under their own prefix, so files never see each other's messages. */
export function uniqueTopicPrefix(): string {
  return `test-${randomBytes(4).toString('hex')}.`;
}

export function testKafkaConfig(topicPrefix: string, partitions = 3): KafkaConfig {
  return kafkaConfigSchema.parse({
    KAFKA_BROKERS: TEST_KAFKA_BROKERS.join(','),
    KAFKA_TOPIC_PREFIX: topicPrefix,
    KAFKA_TOPIC_PARTITIONS: String(partitions),
  });
}

export function testKafkaClient(clientId = 'nets-test'): Kafka {
  return new Kafka({ clientId, brokers: TEST_KAFKA_BROKERS, logLevel: logLevel.NOTHING });
}

/**
 * Deletes every topic under a test's prefix: the broker is shared by every run, and thousands of leftover
 * partitions make it slow to start.
 */
export async function deleteTestTopics(prefix: string): Promise<void> {
  const admin = testKafkaClient('nets-test-cleanup').admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}

export interface RecordedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: unknown;
  headers: Record<string, string>;
  /** The record's timestamp (ms since the epoch, as a string, as Kafka gives it). */
  timestamp: string;
}

/** Reads topics from the beginning with its own group and keeps every message, for assertions. */
export class TopicRecorder {
  readonly messages: RecordedMessage[] = [];
  private consumer: Consumer | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly topics: string[],
  ) {}

  async start(): Promise<this> {
    this.consumer = this.kafka.consumer({
      groupId: `recorder-${randomBytes(6).toString('hex')}`,
      maxWaitTimeInMs: 100,
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        this.messages.push(toRecorded(topic, partition, message));
      },
    });
    return this;
  }

  async waitForMessages(
    predicate: (message: RecordedMessage) => boolean,
    count = 1,
    timeoutMs = 20000,
  ): Promise<RecordedMessage[]> {
    return waitFor(
      async () => {
        const found = this.messages.filter(predicate);
        return found.length >= count ? found : undefined;
      },
      { timeoutMs, description: `${count} message(s) on ${this.topics.join(', ')}` },
    );
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

function toRecorded(topic: string, partition: number, message: KafkaMessage): RecordedMessage {
  const text = message.value?.toString() ?? null;
  let value: unknown = text;
  try {
    value = text === null ? null : JSON.parse(text);
  } catch {
    // Keep the raw text: tests of poison messages need it.
  }
  const headers: Record<string, string> = {};
  for (const [name, header] of Object.entries(message.headers ?? {})) {
    if (header !== undefined) headers[name] = Array.isArray(header) ? header.join(',') : header.toString();
  }
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString() ?? null,
    value,
    headers,
    timestamp: message.timestamp,
  };
}

/** An event as a Kafka message, byte for byte as the outbox relay sends it (CloudEvents JSON, its headers). */
export function cloudEventMessage(key: string, event: { id: string; type: string; source: string }): Message {
  return {
    key,
    value: JSON.stringify(event),
    headers: {
      'content-type': 'application/cloudevents+json',
      ce_id: event.id,
      ce_type: event.type,
      ce_source: event.source,
    },
  };
}

/**
 * Puts events on a topic as its producing service would (CloudEvents JSON, keyed), so a service's tests can
 * feed it upstream facts without running the upstream service.
 */
export async function publishTestEvents(
  topicPrefix: string,
  topicName: string,
  events: ReadonlyArray<{ key: string; event: { id: string; type: string; source: string } }>,
): Promise<void> {
  const producer = testKafkaClient('test-publisher').producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({
      topic: `${topicPrefix}${topicName}`,
      acks: -1,
      messages: events.map(({ key, event }) => cloudEventMessage(key, event)),
    });
  } finally {
    await producer.disconnect();
  }
}
