import { createEvent, type EventTypeOf, type PayloadOf } from '@nets/shared/contract-events';
import { appendToOutboxIn, type OutboxEntry, type Transaction } from '@nets/shared/data-access-typeorm';
import {
  assessmentsTopic,
  organisationsTopic,
  type OrganisationSnapshot,
} from '@nets/provider-assessment/contract-events';
import type { OrganisationRecord } from '@nets/provider-assessment/domain';

const SOURCE = '/nets/provider-assessment';

export type OrganisationEventType = EventTypeOf<typeof organisationsTopic>;

export function toSnapshot(organisation: OrganisationRecord): OrganisationSnapshot {
  return {
    id: organisation.id,
    odsCode: organisation.odsCode,
    name: organisation.name,
    kind: organisation.kind,
    roles: organisation.roles,
    region: organisation.region,
    sites: organisation.sites.map(({ id, code, name }) => ({ id, code, name })),
    status: organisation.status,
    successorId: organisation.successorId,
  };
}

/** One registry event for the outbox, keyed by organisation id (the topic is compacted). */
export function organisationEvent<K extends OrganisationEventType>(
  type: K,
  organisationId: string,
  data: PayloadOf<typeof organisationsTopic, K>,
): OutboxEntry {
  return {
    topic: organisationsTopic.name,
    key: organisationId,
    event: createEvent(organisationsTopic, type, data, { source: SOURCE, subject: organisationId }),
  };
}

/** Writes registry events in the caller's transaction. */
export function emitOrganisationEvents(
  transaction: Transaction,
  entries: readonly OutboxEntry[],
): Promise<void> {
  return appendToOutboxIn(transaction, entries);
}

/** Self-assessment events in the caller's transaction, keyed by organisation id. */
export async function emitAssessmentEvent<K extends EventTypeOf<typeof assessmentsTopic>>(
  transaction: Transaction,
  type: K,
  data: PayloadOf<typeof assessmentsTopic, K>,
): Promise<void> {
  const organisationId = (data as { organisationId: string }).organisationId;
  const event = createEvent(assessmentsTopic, type, data, { source: SOURCE, subject: organisationId });
  await appendToOutboxIn(transaction, [{ topic: assessmentsTopic.name, key: organisationId, event }]);
}
