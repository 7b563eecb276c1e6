import { z } from 'zod';
import { createEvent, defineTopic } from '@nets/shared/contract-events';
import {
  ConsumerRunner,
  OutboxRelay,
  createIdempotentProducer,
  createKafkaClient,
  eventHandler,
  kafkaConfigSchema,
  physicalTopic,
  provisionTopics,
} from '@nets/shared/data-access-kafka';
import {
  appendToOutbox,
  createServiceDataSource,
  databaseConfigSchema,
  dropDatabase,
  migrateDatabase,
} from '@nets/shared/data-access-typeorm';
import { createLogger } from '@nets/shared/util-logger';
import { BROKERS, DATABASE_SERVER, uniqueName, type BenchRow } from './bench-kit';

const benchTopic = defineTopic({
  name: 'nets.bench.v1',
  visibility: 'restricted',
  producer: 'bench',
  description: 'Benchmark events.',
  key: 'organisation id',
  events: { 'nets.bench.counted.v1': z.object({ organisationId: z.string(), value: z.number().int() }) },
  eventDescriptions: { 'nets.bench.counted.v1': 'A counted thing.' },
});

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

/** Outbox relay and consumer runner throughput, against raw KafkaJS produce and consume of the same messages. */
export async function outboxThroughput(events: number): Promise<BenchRow[]> {
  const logger = createLogger('bench', 'warn');
  const prefix = `${uniqueName('bench')}.`;
  const databaseUrl = `${DATABASE_SERVER}/${uniqueName('nets_bench_outbox')}`;
  const dataSource = createServiceDataSource({
    service: 'bench',
    config: databaseConfigSchema('unused').parse({ DATABASE_URL: databaseUrl }),
    entities: [],
    migrations: [],
  });
  await migrateDatabase(dataSource);
  await dataSource.initialize();
  await dataSource.query(
    'CREATE TABLE bench_total (organisation_id text PRIMARY KEY, total bigint NOT NULL)',
  );
  const kafka = createKafkaClient(kafkaConfigSchema.parse({ KAFKA_BROKERS: BROKERS }), 'bench', logger);
  const admin = kafka.admin();
  await admin.connect();
  await provisionTopics(admin, [benchTopic], { prefix, partitions: 3, replicationFactor: 1 });
  await provisionTopics(admin, [{ ...benchTopic, name: 'nets.bench-raw.v1' }], {
    prefix,
    partitions: 3,
    replicationFactor: 1,
  });
  const producer = createIdempotentProducer(kafka);
  await producer.connect();
  try {
    const made = Array.from({ length: events }, (_, i) =>
      createEvent(
        benchTopic,
        'nets.bench.counted.v1',
        { organisationId: `org-${i % 300}`, value: 1 },
        { source: '/bench' },
      ),
    );
    for (let i = 0; i < made.length; i += 500) {
      await dataSource.transaction((manager) =>
        appendToOutbox(
          manager,
          made
            .slice(i, i + 500)
            .map((event) => ({ topic: benchTopic.name, key: event.data.organisationId, event })),
        ),
      );
    }

    const relayStart = process.hrtime.bigint();
    const published = await new OutboxRelay({
      dataSource,
      producer,
      topicPrefix: prefix,
      logger,
      batchSize: 1000,
    }).drain();
    const relaySeconds = seconds(relayStart);

    const rawStart = process.hrtime.bigint();
    for (let i = 0; i < made.length; i += 1000) {
      await producer.sendBatch({
        acks: -1,
        topicMessages: [
          {
            topic: physicalTopic(prefix, 'nets.bench-raw.v1'),
            messages: made
              .slice(i, i + 1000)
              .map((event) => ({ key: event.data.organisationId, value: JSON.stringify(event) })),
          },
        ],
      });
    }
    const rawSeconds = seconds(rawStart);

    let applied = 0;
    const consumeStart = process.hrtime.bigint();
    let runner: ConsumerRunner | undefined;
    const done = new Promise<void>((resolve) => {
      runner = new ConsumerRunner({
        kafka,
        dataSource,
        groupId: uniqueName('bench-consumer'),
        topicPrefix: prefix,
        deadLetterProducer: producer,
        logger,
        handlers: [
          eventHandler(benchTopic, async (batch, manager) => {
            const totals = new Map<string, number>();
            for (const event of batch)
              totals.set(
                event.data.organisationId,
                (totals.get(event.data.organisationId) ?? 0) + event.data.value,
              );
            await manager.query(
              `INSERT INTO bench_total (organisation_id, total) SELECT * FROM unnest($1::text[], $2::bigint[])
               ON CONFLICT (organisation_id) DO UPDATE SET total = bench_total.total + EXCLUDED.total`,
              [[...totals.keys()], [...totals.values()]],
            );
            applied += batch.length;
            if (applied >= events) resolve();
          }),
        ],
      });
      void runner.start();
    });
    await done;
    await runner?.stop();
    const consumeSeconds = seconds(consumeStart);

    let counted = 0;
    const rawConsumer = kafka.consumer({ groupId: uniqueName('bench-raw'), maxWaitTimeInMs: 50 });
    const rawConsumeStart = process.hrtime.bigint();
    await rawConsumer.connect();
    await rawConsumer.subscribe({ topic: physicalTopic(prefix, 'nets.bench-raw.v1'), fromBeginning: true });
    await new Promise<void>((resolve) => {
      void rawConsumer.run({
        eachBatch: async ({ batch }) => {
          for (const message of batch.messages) JSON.parse(message.value?.toString() ?? 'null');
          counted += batch.messages.length;
          if (counted >= events) resolve();
        },
      });
    });
    const rawConsumeSeconds = seconds(rawConsumeStart);
    await rawConsumer.disconnect();

    return [
      {
        name: `outbox relay publishing ${events.toLocaleString('en-GB')} events`,
        value: published / relaySeconds,
        unit: 'events/s',
        reference: { name: 'raw KafkaJS sendBatch of the same messages', value: events / rawSeconds },
      },
      {
        name: 'consumer runner applying them (idempotent, batched upsert per transaction)',
        value: events / consumeSeconds,
        unit: 'events/s',
        reference: {
          name: 'raw KafkaJS eachBatch, parse only, no database',
          value: events / rawConsumeSeconds,
        },
      },
    ];
  } finally {
    await producer.disconnect();
    await admin.disconnect();
    await dataSource.destroy();
    await dropDatabase(databaseUrl);
  }
}
