import { createEvent, type EventTypeOf, type PayloadOf } from '@nets/shared/contract-events';
import { appendToOutboxIn, type Transaction } from '@nets/shared/data-access-typeorm';
import { surveyTopic } from '@nets/survey/contract-events';

type SurveyEventType = EventTypeOf<typeof surveyTopic>;

/** Writes a survey event into the outbox in the caller's transaction, keyed by cycle year. */
export async function emitSurveyEvent<K extends SurveyEventType>(
  transaction: Transaction,
  type: K,
  year: number,
  data: PayloadOf<typeof surveyTopic, K>,
): Promise<void> {
  const event = createEvent(surveyTopic, type, data, { source: '/nets/survey', subject: String(year) });
  await appendToOutboxIn(transaction, [{ topic: surveyTopic.name, key: String(year), event }]);
}
