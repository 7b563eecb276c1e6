import { createEvent } from '@nets/shared/contract-events';
import { publishTestEvents } from '@nets/shared/testing';
import { organisationsTopic, type OrganisationSnapshot } from '@nets/provider-assessment/contract-events';
import {
  surveyTopic,
  type QuestionnaireContent,
  type QuestionnairePublished,
  type SurveyCycleClosed,
  type SurveyCycleOpened,
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

/** The survey opens a cycle on version 1 of a questionnaire: by default opened a day ago, closing in 30 days. */
export function surveyCycleOpenedEvent(
  year: number,
  questionnaireId: string,
  window: Pick<SurveyCycleOpened, 'opensAt' | 'closesAt'> = {
    opensAt: new Date(Date.now() - DAY).toISOString(),
    closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
  },
): KeyedEvent {
  return {
    key: String(year),
    event: createEvent(
      surveyTopic,
      'nets.survey.cycle-opened.v1',
      { year, name: `NETS ${year}`, ...window, questionnaireId, questionnaireVersion: 1, reopened: false },
      { source: '/nets/survey' },
    ),
  };
}

/** The survey closes a cycle (by an administrator or on its schedule), by default now. */
export function surveyCycleClosedEvent(
  year: number,
  closedBy: SurveyCycleClosed['closedBy'],
  closedAt = new Date().toISOString(),
): KeyedEvent {
  return {
    key: String(year),
    event: createEvent(
      surveyTopic,
      'nets.survey.cycle-closed.v1',
      { year, closedAt, closedBy },
      { source: '/nets/survey' },
    ),
  };
}

/**
 * The survey publishes version 1 of a questionnaire for `year` and opens the cycle on it (see
 * `questionnairePublishedEvent` and `surveyCycleOpenedEvent`).
 */
export async function publishOpenCycle(
  topicPrefix: string,
  cycle: { year: number; questionnaireId: string; content: QuestionnaireContent },
): Promise<void> {
  await publishTestEvents(topicPrefix, surveyTopic.name, [
    questionnairePublishedEvent(cycle),
    surveyCycleOpenedEvent(cycle.year, cycle.questionnaireId),
  ]);
}

/** The registry publishes organisations, as provider-assessment does when they are registered. */
export async function publishRegisteredOrganisations(
  topicPrefix: string,
  organisations: readonly OrganisationSnapshot[],
): Promise<void> {
  await publishTestEvents(
    topicPrefix,
    organisationsTopic.name,
    organisations.map(organisationRegisteredEvent),
  );
}
