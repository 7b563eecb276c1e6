import { createEvent } from '@nets/shared/contract-events';
import { organisationsTopic, type OrganisationSnapshot } from '@nets/provider-assessment/contract-events';
import {
  surveyTopic,
  type QuestionnairePublished,
  type SurveyCycleClosed,
} from '@nets/survey/contract-events';
import { PUBLISHED_LEARNER_GROUPS } from './published-learner-groups';

const DAY = 86_400_000;

/** One message as `publishTestEvents` takes it. */
export interface KeyedEvent {
  key: string;
  event: { id: string; type: string; source: string };
}

/** The registry publishes an organisation, as provider-assessment does. */
export function organisationRegisteredEvent(organisation: OrganisationSnapshot): KeyedEvent {
  return {
    key: organisation.id,
    event: createEvent(
      organisationsTopic,
      'nets.organisation.registered.v1',
      { organisation },
      { source: '/nets/provider-assessment' },
    ),
  };
}

/**
 * The survey publishes a questionnaire version: version 1, published now, feeding no measure, with the
 * survey's learner groups, unless the caller says otherwise.
 */
export function questionnairePublishedEvent(
  questionnaire: Pick<QuestionnairePublished, 'questionnaireId' | 'year' | 'content'> &
    Partial<QuestionnairePublished>,
): KeyedEvent {
  return {
    key: String(questionnaire.year),
    event: createEvent(
      surveyTopic,
      'nets.survey.questionnaire-published.v1',
      {
        version: 1,
        publishedAt: new Date().toISOString(),
        measures: [],
        learnerGroups: PUBLISHED_LEARNER_GROUPS,
        ...questionnaire,
      },
      { source: '/nets/survey' },
    ),
  };
}

/** The survey opens a cycle on version 1 of a questionnaire: opened a day ago, closing in 30 days. */
export function cycleOpenedNowEvent(year: number, questionnaireId: string): KeyedEvent {
  return {
    key: String(year),
    event: createEvent(
      surveyTopic,
      'nets.survey.cycle-opened.v1',
      {
        year,
        name: `NETS ${year}`,
        opensAt: new Date(Date.now() - DAY).toISOString(),
        closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
        questionnaireId,
        questionnaireVersion: 1,
        reopened: false,
      },
      { source: '/nets/survey' },
    ),
  };
}

/** The survey closes a cycle now (by an administrator or on its schedule). */
export function cycleClosedNowEvent(year: number, closedBy: SurveyCycleClosed['closedBy']): KeyedEvent {
  return {
    key: String(year),
    event: createEvent(
      surveyTopic,
      'nets.survey.cycle-closed.v1',
      { year, closedAt: new Date().toISOString(), closedBy },
      { source: '/nets/survey' },
    ),
  };
}
