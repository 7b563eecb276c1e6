import {
  createEvent,
  type EventTypeOf,
  type PayloadOf,
  type TopicDefinition,
} from '@nets/shared/contract-events';
import type { OutboxEntry } from '@nets/shared/data-access-typeorm';
import { responsesTopic, seriousConcernsTopic } from '@nets/response/contract-events';

const SOURCE = '/nets/response';

function entry<T extends TopicDefinition, K extends EventTypeOf<T>>(
  topic: T,
  type: K,
  key: string,
  data: PayloadOf<T, K>,
  day: string,
): OutboxEntry {
  // The envelope's time is the day too: an exact time would undo the day-granularity of the payload.
  const event = createEvent(topic, type, data, {
    source: SOURCE,
    subject: key,
    time: new Date(`${day}T00:00:00Z`),
  });
  return { topic: topic.name, key, event };
}

/** `response.submitted`, keyed by placement organisation. */
export const responseSubmittedEntry = (
  data: PayloadOf<typeof responsesTopic, 'nets.response.submitted.v1'>,
) =>
  entry(responsesTopic, 'nets.response.submitted.v1', data.placement.organisationId, data, data.submittedOn);

/** A serious concern for the concerns service only (restricted topic), keyed by placement organisation. */
export const seriousConcernEntry = (
  data: PayloadOf<typeof seriousConcernsTopic, 'nets.response.serious-concern-raised.v1'>,
) =>
  entry(
    seriousConcernsTopic,
    'nets.response.serious-concern-raised.v1',
    data.placement.organisationId,
    data,
    data.raisedOn,
  );
