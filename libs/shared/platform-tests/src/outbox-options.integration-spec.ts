import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { createEvent, defineTopic } from '@nets/shared/contract-events';
import { appendToOutbox } from '@nets/shared/data-access-typeorm';
import { OutboxRelay } from '@nets/shared/data-access-kafka';
import { startOutboxBench, type OutboxBench } from './test-support/outbox-bench';

const noteTopic = defineTopic({
  name: 'nets.notes.v1',
  visibility: 'restricted',
  producer: 'test',
  description: 'Notes used to prove the outbox options.',
  key: 'author',
  events: { 'nets.note.written.v1': z.object({ text: z.string() }) },
  eventDescriptions: { 'nets.note.written.v1': 'A note was written.' },
});

describe('outbox options: record timestamp from the row, rows not retained once sent', () => {
  let bench: OutboxBench;

  beforeAll(async () => {
    bench = await startOutboxBench(noteTopic, { service: 'outbox-options-test', partitions: 1 });
  }, 60000);

  afterAll(async () => {
    await bench?.stop();
  });

  it('sends a coarsened entry with the day as its record timestamp and deletes it once sent; keeps the others', async () => {
    const { prefix, logger, dataSource, producer, recorder } = bench;
    const day = new Date('2026-03-04T00:00:00.000Z');
    const note = (text: string) =>
      createEvent(noteTopic, 'nets.note.written.v1', { text }, { source: '/test', subject: 'a' });
    const plain = note(`plain ${randomUUID()}`);
    const learner = note(`learner ${randomUUID()}`);
    const before = Date.now();
    await dataSource.transaction((manager) =>
      appendToOutbox(manager, [
        { topic: noteTopic.name, key: 'a', event: plain },
        { topic: noteTopic.name, key: 'a', event: learner, createdAt: day, retainSent: false },
      ]),
    );
    const pending = await dataSource.query<Array<{ event_id: string; created_at: Date }>>(
      `SELECT event_id, created_at FROM outbox_message WHERE event_id = $1`,
      [learner.id],
    );
    expect(pending.map((row) => new Date(row.created_at).toISOString())).toEqual([day.toISOString()]);

    expect(await new OutboxRelay({ dataSource, producer, topicPrefix: prefix, logger }).drain()).toBe(2);

    const rows = await dataSource.query<Array<{ event_id: string; published_at: Date | null }>>(
      `SELECT event_id, published_at FROM outbox_message ORDER BY id`,
    );
    expect(rows.map((row) => row.event_id)).toEqual([plain.id]);
    expect(rows[0].published_at).not.toBeNull();

    const messages = await recorder.waitForMessages(() => true, 2);
    const byId = new Map(messages.map((m) => [(m.value as { id: string }).id, m]));
    expect(byId.get(learner.id)?.timestamp).toBe(String(day.getTime()));
    const plainTimestamp = Number(byId.get(plain.id)?.timestamp);
    expect(plainTimestamp).toBeGreaterThanOrEqual(before - 1000);
    expect(plainTimestamp).toBeLessThanOrEqual(Date.now());
  });
});
