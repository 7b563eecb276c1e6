import type { TopicDefinition } from '@nets/shared/contract-events';
import { surveyTopic } from '@nets/survey/contract-events';

/** Every topic of every domain's contract library; the AsyncAPI document takes the public ones. */
export const ALL_TOPICS: readonly TopicDefinition[] = [surveyTopic];
