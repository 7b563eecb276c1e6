import {
  createEvent,
  type EventTypeOf,
  type PayloadOf,
  type TopicDefinition,
} from '@nets/shared/contract-events';
import { type OutboxEntry } from '@nets/shared/data-access-typeorm';
import { responsesTopic, seriousConcernsTopic } from '@nets/response/contract-events';

const SOURCE = '/nets/response';

const midnight = (day: string): Date => new Date(`${day}T00:00:00Z`);

/**
 * Learner-level events keep no time finer than the day anywhere: the envelope's `time` is the event's day (an
 * exact time would undo the payload's day), the outbox row and the Kafka record carry the day it was written,
 * and the row is deleted as soon as it is sent.
 */
function entry<T extends TopicDefinition, K extends EventTypeOf<T>>(
  topic: T,
  type: K,
  key: string,
  data: PayloadOf<T, K>,
  day: string,
  writtenOn: string,
  traced = true,
): OutboxEntry {
  const event = createEvent(topic, type, data, { source: SOURCE, subject: key, time: midnight(day) });
  return { topic: topic.name, key, event, createdAt: midnight(writtenOn), retainSent: false, traced };
}

/** `response.submitted`, keyed by placement organisation. `writtenOn` is today (`submittedOn` for imports is past). */
export const responseSubmittedEntry = (
  data: PayloadOf<typeof responsesTopic, 'nets.response.submitted.v1'>,
  writtenOn: string,
) =>
  entry(
    responsesTopic,
    'nets.response.submitted.v1',
    data.placement.organisationId,
    data,
    data.submittedOn,
    writtenOn,
  );

/** A serious concern for the concerns service only (restricted topic), keyed by placement organisation. */
export const seriousConcernEntry = (
  data: PayloadOf<typeof seriousConcernsTopic, 'nets.response.serious-concern-raised.v1'>,
  writtenOn: string,
) =>
  entry(
    seriousConcernsTopic,
    'nets.response.serious-concern-raised.v1',
    data.placement.organisationId,
    data,
    data.raisedOn,
    writtenOn,
    // No trace context: a trace id shared with the response's record would join the concern to the response.
    false,
  );
