import { createEvent, type EventTypeOf, type PayloadOf } from '@nets/shared/contract-events';
import { appendToOutbox } from '@nets/shared/data-access-typeorm';
import { concernsTopic } from '@nets/concerns/contract-events';
import type { EntityManager } from 'typeorm';

type ConcernEventType = EventTypeOf<typeof concernsTopic>;

/** Writes a concerns event into the outbox in the caller's transaction, keyed by concern id. */
export async function emitConcernEvent<K extends ConcernEventType>(
  manager: EntityManager,
  type: K,
  data: PayloadOf<typeof concernsTopic, K>,
): Promise<void> {
  const concernId = (data as { concernId: string }).concernId;
  const event = createEvent(concernsTopic, type, data, { source: '/nets/concerns', subject: concernId });
  await appendToOutbox(manager, [{ topic: concernsTopic.name, key: concernId, event }]);
}
