import type { SubmitResponseInput } from '../../__generated__/graphql';
import type { LearnerSession } from '../../session/learner-session';
import {
  answersToSubmit,
  raisesSeriousConcern,
  type Questionnaire,
} from '../questionnaire/questionnaire.rules';

/** The first placement step the learner still has to complete, or undefined when the placement is done. */
export function nextPlacementStep(session: LearnerSession): string | undefined {
  if (!session.organisation) return '/placement/organisation';
  if (session.organisation.sites.length > 1 && !session.siteId) return '/placement/site';
  if (!session.learnerGroup) return '/placement/learner-group';
  if (!session.profession) return '/placement/profession';
  return undefined;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,100}$/;
export const isIdempotencyKey = (key: string): boolean => IDEMPOTENCY_KEY.test(key);

/** The response exactly as the graph takes it; the same session and key always give the same input. */
export function submissionInput(
  session: LearnerSession,
  questionnaire: Questionnaire,
  idempotencyKey: string,
): SubmitResponseInput {
  if (!session.organisation || !session.learnerGroup || !session.profession)
    throw new Error('The placement is not complete');
  const concern = raisesSeriousConcern(questionnaire, session.answers);
  return {
    idempotencyKey,
    questionnaireId: questionnaire.id,
    profile: {
      learnerGroup: session.learnerGroup,
      profession: session.profession,
      programme: session.details.programme ?? null,
      yearOfTraining: session.details.yearOfTraining ?? null,
    },
    placement: {
      organisationId: session.organisation.id,
      siteId: session.siteId ?? null,
      specialty: session.details.specialty ?? null,
      startDate: session.details.startDate ?? null,
      endDate: session.details.endDate ?? null,
    },
    education:
      session.education && session.programme
        ? { organisationId: session.education.id, programme: session.programme }
        : null,
    answers: answersToSubmit(questionnaire, session.answers),
    seriousConcernContact: concern && session.contact ? session.contact : null,
    resumeToken: session.resumeToken ?? null,
  };
}
