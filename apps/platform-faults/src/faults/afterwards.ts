// What the suite checks once the load has stopped: what the response service stored, and what is on the DLQs.
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';

export interface Stored {
  /** Responses of the year in the response service's table. */
  responses: number;
  /** The receipt code of every stored submission (one per idempotency key). */
  receipts: string[];
}

export async function storedResponses(databaseUrl: string, year: number): Promise<Stored> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const responses = await client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM response WHERE cycle_year = $1',
      [year],
    );
    const receipts = await client.query<{ receipt_code: string }>(
      'SELECT s.receipt_code FROM response_submission s JOIN response r ON r.id = s.response_id WHERE r.cycle_year = $1',
      [year],
    );
    return { responses: responses.rows[0].n, receipts: receipts.rows.map((row) => row.receipt_code) };
  } finally {
    await client.end();
  }
}

/** Messages ever written to the platform's dead-letter topics (`<prefix>….dlq`). */
export async function deadLetters(brokers: string, topicPrefix: string): Promise<number> {
  const admin = new Kafka({
    clientId: 'faults-dlq-check',
    brokers: [brokers],
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter(
      (topic) => topic.startsWith(topicPrefix) && topic.endsWith('.dlq'),
    );
    let total = 0;
    for (const topic of topics) {
      for (const partition of await admin.fetchTopicOffsets(topic)) total += Number(partition.high);
    }
    return total;
  } finally {
    await admin.disconnect();
  }
}
