import { createEvent, type EventTypeOf, type PayloadOf } from '@nets/shared/contract-events';
import { appendToOutboxIn, type Transaction } from '@nets/shared/data-access-typeorm';
import { concernsTopic } from '@nets/concerns/contract-events';
import { disclosedTime, type ConcernRecord } from '@nets/concerns/domain';

type ConcernEventType = EventTypeOf<typeof concernsTopic>;

/**
 * Writes a concerns event into the outbox in the caller's transaction, keyed by concern id. The envelope's
 * `time`, the outbox row's time and the Kafka record's timestamp are the payload's `occurredAt`, so an event a
 * learner set off is day-level in all of them.
 */
export async function emitConcernEvent<K extends ConcernEventType>(
  transaction: Transaction,
  type: K,
  data: PayloadOf<typeof concernsTopic, K>,
): Promise<void> {
  const { concernId, occurredAt } = data as { concernId: string; occurredAt: string };
  const event = createEvent(concernsTopic, type, data, {
    source: '/nets/concerns',
    subject: concernId,
    time: new Date(occurredAt),
  });
  await appendToOutboxIn(transaction, [
    { topic: concernsTopic.name, key: concernId, event, createdAt: new Date(occurredAt) },
  ]);
}

/** What every public event of a concern carries; a learner's action shows as its day (DESIGN.md §7). */
export function eventBase(concern: ConcernRecord, actorRole: string, at: Date) {
  return {
    concernId: concern.id,
    reference: concern.reference,
    organisationId: concern.organisationId,
    status: concern.status,
    occurredAt: disclosedTime(concern, actorRole, at).toISOString(),
    actorRole,
  };
}
