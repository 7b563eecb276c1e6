import type { TopicDefinition } from '@nets/shared/contract-events';
import { analyticsFlagsTopic, resultsTopic } from '@nets/analytics/contract-events';
import { concernsTopic } from '@nets/concerns/contract-events';
import { assessmentsTopic, organisationsTopic } from '@nets/provider-assessment/contract-events';
import { responsesTopic, seriousConcernsTopic } from '@nets/response/contract-events';
import { surveyTopic } from '@nets/survey/contract-events';

/** Every topic of every domain's contract library; the AsyncAPI document takes the public ones. */
export const ALL_TOPICS: readonly TopicDefinition[] = [
  surveyTopic,
  organisationsTopic,
  assessmentsTopic,
  responsesTopic,
  seriousConcernsTopic,
  analyticsFlagsTopic,
  resultsTopic,
  concernsTopic,
];
