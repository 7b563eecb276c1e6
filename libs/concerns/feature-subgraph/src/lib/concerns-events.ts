import { createEvent, type EventTypeOf, type PayloadOf } from '@nets/shared/contract-events';
import { appendToOutbox } from '@nets/shared/data-access-typeorm';
import { concernsTopic } from '@nets/concerns/contract-events';
import type { EntityManager } from 'typeorm';

type ConcernEventType = EventTypeOf<typeof concernsTopic>;

/**
 * Writes a concerns event into the outbox in the caller's transaction, keyed by concern id. The envelope's
 * `time`, the outbox row's time and the Kafka record's timestamp are the payload's `occurredAt`, so an event a
 * learner set off is day-level in all of them.
 */
export async function emitConcernEvent<K extends ConcernEventType>(
  manager: EntityManager,
  type: K,
  data: PayloadOf<typeof concernsTopic, K>,
): Promise<void> {
  const { concernId, occurredAt } = data as { concernId: string; occurredAt: string };
  const event = createEvent(concernsTopic, type, data, {
    source: '/nets/concerns',
    subject: concernId,
    time: new Date(occurredAt),
  });
  await appendToOutbox(manager, [
    { topic: concernsTopic.name, key: concernId, event, createdAt: new Date(occurredAt) },
  ]);
}
