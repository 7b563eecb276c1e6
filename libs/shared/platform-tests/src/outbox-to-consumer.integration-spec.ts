import { randomUUID } from 'node:crypto';
import type { Kafka, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { createEvent, defineTopic } from '@nets/shared/contract-events';
import { appendToOutbox } from '@nets/shared/data-access-typeorm';
import { waitFor, type TopicRecorder } from '@nets/shared/testing';
import { ConsumerRunner, OutboxRelay, deadLetterTopic, eventHandler } from '@nets/shared/data-access-kafka';
import { startOutboxBench, type OutboxBench } from './test-support/outbox-bench';

const ledgerTopic = defineTopic({
  name: 'nets.ledger.v1',
  visibility: 'public',
  producer: 'test',
  description: 'Ledger entries used to prove the outbox and consumer runner.',
  key: 'account',
  events: {
    'nets.ledger.credited.v1': z.object({
      account: z.string(),
      sequence: z.number().int(),
      amount: z.number().int(),
    }),
  },
  eventDescriptions: { 'nets.ledger.credited.v1': 'An account was credited.' },
});

/** Amounts the handler refuses every time: a poison message that is valid JSON and valid schema. */
const UNPROCESSABLE_AMOUNT = 13;

describe('outbox relay and consumer runner on the real broker and database', () => {
  let bench: OutboxBench;
  let prefix: string;
  let logger: OutboxBench['logger'];
  let topic: string;
  let dataSource: DataSource;
  let kafka: Kafka;
  let producer: Producer;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    bench = await startOutboxBench(ledgerTopic, {
      service: 'outbox-test',
      partitions: 2,
      alsoRecord: (topic) => [deadLetterTopic(topic)],
    });
    ({ prefix, logger, topic, dataSource, kafka, producer, recorder } = bench);
    await dataSource.query(
      `CREATE TABLE balance (account text PRIMARY KEY, total int NOT NULL, last_sequence int NOT NULL, out_of_order int NOT NULL DEFAULT 0)`,
    );
  });

  afterAll(async () => {
    await bench?.stop();
  });

  async function writeCredits(entries: Array<{ account: string; sequence: number; amount: number }>) {
    await dataSource.transaction(async (manager) => {
      await appendToOutbox(
        manager,
        entries.map((entry) => ({
          topic: ledgerTopic.name,
          key: entry.account,
          event: createEvent(ledgerTopic, 'nets.ledger.credited.v1', entry, { source: '/nets/test' }),
        })),
      );
    });
  }

  function startConsumer(): ConsumerRunner {
    const runner = new ConsumerRunner({
      kafka,
      dataSource,
      groupId: 'ledger-projector',
      topicPrefix: prefix,
      deadLetterProducer: producer,
      logger,
      retryDelayMs: 20,
      handlers: [
        eventHandler(ledgerTopic, async (events, manager) => {
          for (const event of events) {
            if (event.data.amount === UNPROCESSABLE_AMOUNT) throw new Error('amount 13 cannot be credited');
            await manager.query(
              `INSERT INTO balance (account, total, last_sequence) VALUES ($1, $2, $3)
               ON CONFLICT (account) DO UPDATE SET
                 total = balance.total + EXCLUDED.total,
                 out_of_order = balance.out_of_order + CASE WHEN EXCLUDED.last_sequence <= balance.last_sequence THEN 1 ELSE 0 END,
                 last_sequence = EXCLUDED.last_sequence`,
              [event.data.account, event.data.amount, event.data.sequence],
            );
          }
        }),
      ],
    });
    void runner.start();
    return runner;
  }

  async function balances(): Promise<Record<string, { total: number; outOfOrder: number }>> {
    const rows = await dataSource.query<Array<{ account: string; total: number; out_of_order: number }>>(
      'SELECT account, total, out_of_order FROM balance ORDER BY account',
    );
    return Object.fromEntries(
      rows.map((row) => [row.account, { total: row.total, outOfOrder: row.out_of_order }]),
    );
  }

  it('delivers every event exactly once in effect, in order per key, across relay restarts, lost marks and duplicates', async () => {
    const accounts = ['a', 'b', 'c', 'd'];
    const entries = Array.from({ length: 200 }, (_, index) => ({
      account: accounts[index % accounts.length],
      sequence: index,
      amount: 1 + (index % 5 === 0 ? 1 : 0),
    }));
    for (let i = 0; i < entries.length; i += 20) await writeCredits(entries.slice(i, i + 20));

    // First relay publishes part of the outbox, then "crashes".
    const firstRelay = new OutboxRelay({ dataSource, producer, topicPrefix: prefix, logger, batchSize: 30 });
    expect(await firstRelay.publishBatch()).toBe(30);
    expect(await firstRelay.publishBatch()).toBe(30);
    // A crash after publishing but before the mark committed: the relay will publish these again.
    await dataSource.query(
      `UPDATE outbox_message SET published_at = NULL WHERE id IN (SELECT id FROM outbox_message ORDER BY id LIMIT 10 OFFSET 40)`,
    );

    const consumer = startConsumer();
    // A restarted relay picks up where the first left off.
    const secondRelay = new OutboxRelay({ dataSource, producer, topicPrefix: prefix, logger, batchSize: 30 });
    secondRelay.start();
    await recorder.waitForMessages((message) => message.topic === topic, 210);
    await secondRelay.stop();

    // The same message delivered twice by the broker.
    const duplicate = recorder.messages.find((message) => message.topic === topic);
    await producer.send({
      topic,
      messages: [{ key: duplicate?.key ?? null, value: JSON.stringify(duplicate?.value) }],
    });

    const expected: Record<string, { total: number; outOfOrder: number }> = {};
    for (const entry of entries) {
      const current = expected[entry.account] ?? { total: 0, outOfOrder: 0 };
      expected[entry.account] = { total: current.total + entry.amount, outOfOrder: 0 };
    }
    await waitFor(
      async () => {
        const current = await balances();
        return JSON.stringify(current) === JSON.stringify(expected) ? current : undefined;
      },
      { description: 'balances to match the outbox exactly', timeoutMs: 30000 },
    );
    const [{ unpublished }] = await dataSource.query<Array<{ unpublished: number }>>(
      'SELECT count(*)::int AS unpublished FROM outbox_message WHERE published_at IS NULL',
    );
    expect(unpublished).toBe(0);
    const [{ processed }] = await dataSource.query<Array<{ processed: number }>>(
      `SELECT count(*)::int AS processed FROM processed_event WHERE consumer = 'ledger-projector'`,
    );
    expect(processed).toBe(200);
    // A consumer's record of an event keeps the day only: no exact time to join against the topics.
    const [{ exact }] = await dataSource.query<Array<{ exact: number }>>(
      `SELECT count(*)::int AS exact FROM processed_event WHERE processed_at <> date_trunc('day', processed_at)`,
    );
    expect(exact).toBe(0);

    // Restarting the consumer re-reads nothing twice in effect.
    await consumer.stop();
    const restarted = startConsumer();
    await writeCredits([{ account: 'a', sequence: 1000, amount: 5 }]);
    await new OutboxRelay({ dataSource, producer, topicPrefix: prefix, logger }).drain();
    await waitFor(
      async () => ((await balances())['a']?.total === expected['a'].total + 5 ? true : undefined),
      {
        description: 'the new credit after restart',
      },
    );
    expect((await balances())['b']).toEqual(expected['b']);
    await restarted.stop();
  });

  it('parks poison messages on the dead-letter topic with the error in headers and carries on', async () => {
    const consumer = startConsumer();
    await producer.send({ topic, messages: [{ key: 'p', value: '{not json' }] });
    await producer.send({
      topic,
      messages: [
        {
          key: 'p',
          value: JSON.stringify(
            createEvent(
              ledgerTopic,
              'nets.ledger.credited.v1',
              { account: 'p', sequence: 1, amount: 1 },
              { source: '/t' },
            ),
          ).replace('"amount":1', '"amount":"one"'),
        },
      ],
    });
    await writeCredits([
      { account: 'p', sequence: 2, amount: UNPROCESSABLE_AMOUNT },
      { account: 'p', sequence: 3, amount: 4 },
    ]);
    await new OutboxRelay({ dataSource, producer, topicPrefix: prefix, logger }).drain();

    const parked = await recorder.waitForMessages((message) => message.topic === deadLetterTopic(topic), 3);
    const errors = parked.map((message) => message.headers['dlq-error']);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining('not JSON'),
        expect.stringContaining('breaks its schema'),
        expect.stringContaining('amount 13 cannot be credited'),
      ]),
    );
    for (const message of parked) {
      expect(message.headers['dlq-original-topic']).toBe(topic);
      expect(message.headers['dlq-consumer-group']).toBe('ledger-projector');
      expect(message.headers['dlq-original-offset']).toMatch(/^\d+$/);
    }
    await waitFor(async () => ((await balances())['p']?.total === 4 ? true : undefined), {
      description: 'the healthy message after the poison ones to be applied',
    });
    await consumer.stop();
  });

  it('keeps events written in a rolled-back transaction out of the outbox', async () => {
    const before = await dataSource.query<Array<{ n: number }>>(
      'SELECT count(*)::int AS n FROM outbox_message',
    );
    await expect(
      dataSource.transaction(async (manager) => {
        await appendToOutbox(manager, [
          {
            topic: ledgerTopic.name,
            key: 'x',
            event: createEvent(
              ledgerTopic,
              'nets.ledger.credited.v1',
              { account: 'x', sequence: 1, amount: 1 },
              { source: '/t', id: randomUUID() },
            ),
          },
        ]);
        throw new Error('state change failed');
      }),
    ).rejects.toThrow('state change failed');
    const after = await dataSource.query<Array<{ n: number }>>(
      'SELECT count(*)::int AS n FROM outbox_message',
    );
    expect(after[0].n).toBe(before[0].n);
  });
});
