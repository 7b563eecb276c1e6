import type { LearnerGroupDefinition } from '@nets/survey/contract-events';
import { LEARNER_GROUPS } from '@nets/survey/domain';

/**
 * The learner groups and professions as the survey publishes them with each questionnaire version
 * (`learnerGroups` of `nets.survey.questionnaire-published.v1`), built from the survey's own reference list.
 */
export const PUBLISHED_LEARNER_GROUPS: readonly LearnerGroupDefinition[] = LEARNER_GROUPS.map((group) => ({
  code: group.code,
  name: group.name,
  professions: group.professions.map(({ code, name }) => ({ code, name })),
}));
