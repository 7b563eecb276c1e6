import type { Kafka, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { createEvent, defineTopic } from '@nets/shared/contract-events';
import {
  appendToOutbox,
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
  waitFor,
  type TestDatabase,
} from '@nets/shared/testing';
import {
  ConsumerRunner,
  OutboxRelay,
  createIdempotentProducer,
  createKafkaClient,
  eventHandler,
  physicalTopic,
  provisionTopics,
} from '@nets/shared/data-access-kafka';

const tallyTopic = defineTopic({
  name: 'nets.tallies.v1',
  visibility: 'restricted',
  producer: 'test',
  description: 'Tally marks used to prove the relay and consumer groups with replicas.',
  key: 'counter',
  events: { 'nets.tally.marked.v1': z.object({ counter: z.string(), mark: z.number().int() }) },
  eventDescriptions: { 'nets.tally.marked.v1': 'A counter was marked.' },
});

const PARTITIONS = 3;
const COUNTERS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

/** Two replicas of one service: two pools on one database, two Kafka clients on one broker. */
interface Replica {
  dataSource: DataSource;
  kafka: Kafka;
  producer: Producer;
}

describe('replicas of a service on one database and one broker', () => {
  const logger = testLogger('replicas-test');
  const prefix = uniqueTopicPrefix();
  const topic = physicalTopic(prefix, tallyTopic.name);
  let database: TestDatabase;
  let recorder: TopicRecorder;
  const replicas: Replica[] = [];
  let nextMark = 0;

  beforeAll(async () => {
    database = await createTestDatabase('replicas');
    const dataSourceOf = (index: number) =>
      createServiceDataSource({
        service: `replica-${index}`,
        config: databaseConfigSchema('unused').parse({ DATABASE_URL: database.url }),
        entities: [],
        migrations: [],
      });
    await migrateDatabase(dataSourceOf(0));
    for (const index of [0, 1]) {
      const kafka = createKafkaClient(testKafkaConfig(prefix, PARTITIONS), `replica-${index}`, logger);
      const producer = createIdempotentProducer(kafka);
      await producer.connect();
      replicas.push({ dataSource: await dataSourceOf(index).initialize(), kafka, producer });
    }
    await replicas[0].dataSource.query(
      `CREATE TABLE tally (counter text NOT NULL, mark int NOT NULL, replica int NOT NULL)`,
    );
    const admin = replicas[0].kafka.admin();
    await admin.connect();
    await provisionTopics(admin, [tallyTopic], { prefix, partitions: PARTITIONS, replicationFactor: 1 });
    await admin.disconnect();
    recorder = await new TopicRecorder(testKafkaClient(), [topic]).start();
  });

  afterAll(async () => {
    await recorder?.stop();
    for (const replica of replicas) {
      await replica.producer.disconnect();
      await replica.dataSource.destroy();
    }
    await database?.drop();
    await deleteTestTopics(prefix);
  });

  /** Marks written by a replica's state change, with their events in its outbox. */
  async function writeMarks(count: number, through = replicas[0]): Promise<number[]> {
    const marks = Array.from({ length: count }, () => (nextMark += 1));
    await through.dataSource.transaction((manager) =>
      appendToOutbox(
        manager,
        marks.map((mark) => {
          const counter = COUNTERS[mark % COUNTERS.length];
          return {
            topic: tallyTopic.name,
            key: counter,
            event: createEvent(
              tallyTopic,
              'nets.tally.marked.v1',
              { counter, mark },
              { source: '/nets/test' },
            ),
          };
        }),
      ),
    );
    return marks;
  }

  const relayOf = (replica: Replica) =>
    new OutboxRelay({ ...replica, topicPrefix: prefix, logger, batchSize: 20, pollIntervalMs: 20 });

  const publishedMarks = () =>
    recorder.messages
      .filter((message) => message.topic === topic)
      .map((message) => (message.value as { data: { mark: number } }).data.mark);

  it('publishes every outbox row exactly once with two relays, and the second carries on when the first stops', async () => {
    const sent = [0, 0];
    const [first, second] = replicas.map((replica, index) => {
      const sendBatch = replica.producer.sendBatch.bind(replica.producer);
      const counted: Producer = {
        ...replica.producer,
        sendBatch: async (batch) => {
          sent[index] += batch.topicMessages?.reduce((sum, { messages }) => sum + messages.length, 0) ?? 0;
          return sendBatch(batch);
        },
      };
      return relayOf({ ...replica, producer: counted });
    });
    first.start();
    second.start();
    const written: number[] = [];
    for (let round = 0; round < 10; round += 1) written.push(...(await writeMarks(15, replicas[round % 2])));
    await waitFor(async () => (publishedMarks().length >= written.length ? true : undefined), {
      description: 'the first 150 marks on the topic',
    });

    await first.stop();
    const sentByFirst = sent[0];
    for (let round = 0; round < 5; round += 1) written.push(...(await writeMarks(15, replicas[round % 2])));
    await waitFor(async () => (publishedMarks().length >= written.length ? true : undefined), {
      description: 'the marks written after the first relay stopped',
    });
    await second.stop();

    const published = publishedMarks();
    expect(published.length).toBe(written.length);
    expect(new Set(published).size).toBe(written.length);
    expect([...published].sort((a, b) => a - b)).toEqual(written);
    expect(sent[0] + sent[1]).toBe(written.length);
    expect(sent[0]).toBe(sentByFirst);
    expect(sent[1]).toBeGreaterThanOrEqual(75);
    const [{ unpublished }] = await replicas[0].dataSource.query<Array<{ unpublished: number }>>(
      'SELECT count(*)::int AS unpublished FROM outbox_message WHERE published_at IS NULL',
    );
    expect(unpublished).toBe(0);
  });

  it('shares a topic between two consumers of one group, hands the partitions over when one leaves, and applies each event once', async () => {
    const consumerOf = (index: number) =>
      new ConsumerRunner({
        kafka: replicas[index].kafka,
        dataSource: replicas[index].dataSource,
        groupId: 'tally-projector',
        topicPrefix: prefix,
        deadLetterProducer: replicas[index].producer,
        logger,
        transactionBatchSize: 5,
        handlers: [
          eventHandler(tallyTopic, async (events, manager) => {
            for (const event of events) {
              await manager.query('INSERT INTO tally (counter, mark, replica) VALUES ($1, $2, $3)', [
                event.data.counter,
                event.data.mark,
                index,
              ]);
            }
          }),
        ],
      });
    const tallies = () =>
      replicas[0].dataSource.query<Array<{ mark: number; replica: number }>>(
        'SELECT mark, replica FROM tally',
      );
    const relay = relayOf(replicas[0]);
    relay.start();
    const consumers = [consumerOf(0), consumerOf(1)];
    await Promise.all(consumers.map((consumer) => consumer.start()));

    // The events of the first test are on the topic already: the group reads them from the beginning.
    const expected = new Set(publishedMarks());
    const keepWriting = async (rounds: number) => {
      for (let round = 0; round < rounds; round += 1) {
        for (const mark of await writeMarks(8, replicas[round % 2])) expected.add(mark);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    await keepWriting(10);
    const both = await waitFor(
      async () => {
        const rows = await tallies();
        return new Set(rows.map((row) => row.replica)).size === 2 ? rows : undefined;
      },
      { description: 'both consumers to be applying events', timeoutMs: 30000 },
    );
    expect(both.length).toBeGreaterThan(0);

    // One replica leaves while events keep coming: the other takes its partitions.
    const leaving = consumers[0].stop();
    await keepWriting(10);
    await leaving;
    await keepWriting(5);
    const rows = await waitFor(
      async () => {
        const current = await tallies();
        return current.length >= expected.size ? current : undefined;
      },
      { description: 'every mark to be applied', timeoutMs: 45000 },
    );
    await relay.stop();
    await consumers[1].stop();

    const marks = rows.map((row) => row.mark);
    expect(marks.length).toBe(expected.size);
    expect(new Set(marks)).toEqual(expected);
    // After the handover every counter's partition is served by the remaining replica.
    const lastWritten = [...expected].sort((a, b) => b - a).slice(0, COUNTERS.length);
    expect(rows.filter((row) => lastWritten.includes(row.mark)).every((row) => row.replica === 1)).toBe(true);
    const [{ processed }] = await replicas[0].dataSource.query<Array<{ processed: number }>>(
      `SELECT count(*)::int AS processed FROM processed_event WHERE consumer = 'tally-projector'`,
    );
    expect(processed).toBe(expected.size);
  });
});
