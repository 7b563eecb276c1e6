import { createEvent, type EventTypeOf, type PayloadOf } from '@nets/shared/contract-events';
import { appendToOutbox } from '@nets/shared/data-access-typeorm';
import { surveyTopic } from '@nets/survey/contract-events';
import type { EntityManager } from 'typeorm';

type SurveyEventType = EventTypeOf<typeof surveyTopic>;

/** Writes a survey event into the outbox in the caller's transaction, keyed by cycle year. */
export async function emitSurveyEvent<K extends SurveyEventType>(
  manager: EntityManager,
  type: K,
  year: number,
  data: PayloadOf<typeof surveyTopic, K>,
): Promise<void> {
  const event = createEvent(surveyTopic, type, data, { source: '/nets/survey', subject: String(year) });
  await appendToOutbox(manager, [{ topic: surveyTopic.name, key: String(year), event }]);
}
