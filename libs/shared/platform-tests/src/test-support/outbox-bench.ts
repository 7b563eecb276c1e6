import type { Kafka, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { TopicDefinition } from '@nets/shared/contract-events';
import {
  createServiceDataSource,
  databaseConfigSchema,
  migrateDatabase,
} from '@nets/shared/data-access-typeorm';
import {
  TopicRecorder,
  createTestDatabase,
  deleteTestTopics,
  testKafkaClient,
  testKafkaConfig,
  testLogger,
  uniqueTopicPrefix,
  type TestDatabase,
} from '@nets/shared/testing';
import {
  createIdempotentProducer,
  createKafkaClient,
  physicalTopic,
  provisionTopics,
} from '@nets/shared/data-access-kafka';

export interface OutboxBenchOptions {
  /** Names the service, its logger and its test database. */
  service: string;
  partitions: number;
  /** Physical topics recorded beside the topic's own (a dead-letter topic). */
  alsoRecord?: (topic: string) => string[];
}

/** A service's outbox on a fresh database (the platform's migrations only) and its topic on the real broker. */
export interface OutboxBench {
  prefix: string;
  /** The topic's physical name. */
  topic: string;
  logger: ReturnType<typeof testLogger>;
  database: TestDatabase;
  dataSource: DataSource;
  kafka: Kafka;
  producer: Producer;
  recorder: TopicRecorder;
  stop(): Promise<void>;
}

export async function startOutboxBench(
  topicDefinition: TopicDefinition,
  options: OutboxBenchOptions,
): Promise<OutboxBench> {
  const logger = testLogger(options.service);
  const prefix = uniqueTopicPrefix();
  const topic = physicalTopic(prefix, topicDefinition.name);
  const database = await createTestDatabase(options.service);
  const dataSource = createServiceDataSource({
    service: options.service,
    config: databaseConfigSchema('unused').parse({ DATABASE_URL: database.url }),
    entities: [],
    migrations: [],
  });
  await migrateDatabase(dataSource);
  await dataSource.initialize();
  const kafka = createKafkaClient(testKafkaConfig(prefix, options.partitions), options.service, logger);
  const admin = kafka.admin();
  await admin.connect();
  await provisionTopics(admin, [topicDefinition], {
    prefix,
    partitions: options.partitions,
    replicationFactor: 1,
  });
  await admin.disconnect();
  const producer = createIdempotentProducer(kafka);
  await producer.connect();
  const recorded = [topic, ...(options.alsoRecord?.(topic) ?? [])];
  const recorder = await new TopicRecorder(testKafkaClient(), recorded).start();
  return {
    prefix,
    topic,
    logger,
    database,
    dataSource,
    kafka,
    producer,
    recorder,
    async stop() {
      await recorder.stop();
      await producer.disconnect();
      await dataSource.destroy();
      await deleteTestTopics(prefix);
      await database.drop();
    },
  };
}
