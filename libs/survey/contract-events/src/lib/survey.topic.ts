import { z } from 'zod';
import { defineTopic } from '@nets/shared/contract-events';
import {
  learnerGroupDefinitionSchema,
  measureDefinitionSchema,
  questionnaireContentSchema,
} from './questionnaire.schema';

const year = z.number().int().min(2000).max(2100);

export const surveyCycleOpenedSchema = z.object({
  year,
  name: z.string(),
  opensAt: z.iso.datetime(),
  closesAt: z.iso.datetime(),
  questionnaireId: z.uuid(),
  questionnaireVersion: z.number().int().positive(),
  /** True when an ADMIN reopened a closed cycle (recorded override). */
  reopened: z.boolean(),
});

export const surveyCycleClosedSchema = z.object({
  year,
  closedAt: z.iso.datetime(),
  closedBy: z.enum(['SCHEDULE', 'ADMIN']),
});

export const questionnairePublishedSchema = z.object({
  questionnaireId: z.uuid(),
  year,
  version: z.number().int().positive(),
  publishedAt: z.iso.datetime(),
  content: questionnaireContentSchema,
  /** Every measure the questionnaire feeds, so consumers can compute results without calling back. */
  measures: z.array(measureDefinitionSchema).readonly(),
  /**
   * The learner groups and professions a response to this version may name: the survey's reference data when
   * the version was published, so responses are checked without calling back. Absent in versions published
   * before it travelled; a response to such a version names no known group.
   */
  learnerGroups: z.array(learnerGroupDefinitionSchema).readonly().optional(),
});

/** Public: the survey's cycles and questionnaires, keyed by cycle year so a cycle's events stay in order. */
export const surveyTopic = defineTopic({
  name: 'nets.survey.v1',
  visibility: 'public',
  producer: 'survey',
  description:
    'Survey cycles opening and closing, and each questionnaire version when it is published (frozen forever).',
  key: 'The survey cycle year, e.g. "2025".',
  events: {
    'nets.survey.cycle-opened.v1': surveyCycleOpenedSchema,
    'nets.survey.cycle-closed.v1': surveyCycleClosedSchema,
    'nets.survey.questionnaire-published.v1': questionnairePublishedSchema,
  },
  eventDescriptions: {
    'nets.survey.cycle-opened.v1':
      'A survey cycle opened for responses with a published questionnaire version.',
    'nets.survey.cycle-closed.v1': 'A survey cycle closed, at its closing time or by an administrator.',
    'nets.survey.questionnaire-published.v1':
      'A questionnaire version was published; it carries the full content, the measures it feeds and the learner groups and professions its responses may name.',
  },
});

export type SurveyCycleOpened = z.infer<typeof surveyCycleOpenedSchema>;
export type SurveyCycleClosed = z.infer<typeof surveyCycleClosedSchema>;
export type QuestionnairePublished = z.infer<typeof questionnairePublishedSchema>;
