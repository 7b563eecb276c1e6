import type { Client } from 'pg';
import { TopicRecorder, testKafkaClient, waitFor, type TestPlatform } from '@nets/shared/testing';
import { responsesTopic, seriousConcernsTopic } from '@nets/response/contract-events';

/** Records what the response service publishes about learners: responses and serious concerns. */
export function recordLearnerLevelTopics(platform: TestPlatform): Promise<TopicRecorder> {
  return new TopicRecorder(testKafkaClient(), [
    `${platform.topicPrefix}${responsesTopic.name}`,
    `${platform.topicPrefix}${seriousConcernsTopic.name}`,
  ]).start();
}

/** Waits until the response service's relay has sent, and so deleted, every learner-level outbox row. */
export async function learnerLevelOutboxDrained(responseDb: Client): Promise<void> {
  await waitFor(
    async () =>
      ((
        await responseDb.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM outbox_message WHERE topic = ANY($1::text[])`,
          [[responsesTopic.name, seriousConcernsTopic.name]],
        )
      ).rows[0]?.n ?? 0) === 0,
    { description: 'learner-level outbox rows deleted once sent' },
  );
}
