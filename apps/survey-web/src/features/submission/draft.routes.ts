import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderPage } from '@nets/web/ui-nhsuk';
import { GraphClientError } from '@nets/web/graph-client';
import {
  callerOf,
  formBody,
  openQuestionnaire,
  sessionOf,
  type JourneyDependencies,
} from '../../journey/journey-context';
import type { LearnerSession } from '../../session/learner-session';
import { text } from '../placement/placement.rules';
import {
  answersToSubmit,
  firstIncompleteSection,
  seriousConcernQuestion,
  type Answers,
} from '../questionnaire/questionnaire.rules';
import { nextPlacementStep } from './submission.rules';

/** A resume code is the token the graph gave: letters, digits, - and _ (spaces and dashes from copying are dropped). */
const normaliseCode = (code: string): string => code.replace(/\s+/g, '');

/** "Save and come back later": the answers so far go to the graph's drafts, the learner gets a link and code. */
export async function saveDraftAndShowCode(
  deps: JourneyDependencies,
  request: FastifyRequest,
  reply: FastifyReply,
  session: LearnerSession,
): Promise<FastifyReply> {
  const { questionnaire } = await openQuestionnaire(deps);
  const concern = seriousConcernQuestion(questionnaire);
  const saved = await deps.graph.saveDraft(
    {
      resumeToken: session.resumeToken ?? null,
      questionnaireId: questionnaire.id,
      profile: {
        learnerGroup: session.learnerGroup ?? null,
        profession: session.profession ?? null,
        programme: session.details.programme ?? null,
        yearOfTraining: session.details.yearOfTraining ?? null,
      },
      placement: {
        organisationId: session.organisation?.id ?? null,
        siteId: session.siteId ?? null,
        specialty: session.details.specialty ?? null,
        startDate: session.details.startDate ?? null,
        endDate: session.details.endDate ?? null,
      },
      // A serious concern is never kept in a draft (the graph refuses to store it): it is asked again.
      answers: answersToSubmit(questionnaire, session.answers).filter(
        (a) => a.questionCode !== concern?.code,
      ),
    },
    callerOf(request),
  );
  session.resumeToken = saved.resumeToken;
  session.savedAt = saved.savedAt;
  session.expiresAt = saved.expiresAt ?? undefined;
  return reply.redirect('/saved', 303);
}

export function registerDraftRoutes(app: FastifyInstance, deps: JourneyDependencies): void {
  app.post('/save', async (request, reply) =>
    saveDraftAndShowCode(deps, request, reply, sessionOf(deps, request, reply)),
  );

  app.get('/saved', async (request, reply) => {
    const session = sessionOf(deps, request, reply);
    if (!session.resumeToken) return reply.redirect('/', 303);
    const { questionnaire } = await openQuestionnaire(deps);
    const concern = seriousConcernQuestion(questionnaire);
    return renderPage(reply, 'saved.njk', {
      title: 'Your answers have been saved',
      resumeLink: `${request.protocol}://${request.host}/resume/${session.resumeToken}`,
      resumeCode: session.resumeToken,
      expiresAt: session.expiresAt,
      concernNotSaved: Boolean(concern && session.answers[concern.code]?.text),
    });
  });

  app.get('/resume', async (_request, reply) =>
    renderPage(reply, 'resume.njk', { title: 'Continue a saved survey', backHref: '/' }),
  );

  const resume = async (request: FastifyRequest, reply: FastifyReply, code: string) => {
    const fail = (message: string) =>
      renderPage(reply, 'resume.njk', {
        title: 'Continue a saved survey',
        backHref: '/',
        enteredCode: code,
        errors: [{ field: 'code', message }],
      });
    if (!code) return fail('Enter your resume code');
    let draft;
    try {
      draft = await deps.graph.resumeDraft(code, callerOf(request));
    } catch (error) {
      if (!(error instanceof GraphClientError)) throw error;
      if (error.code === 'NOT_FOUND' || error.code === 'BAD_USER_INPUT')
        return fail('We could not find a saved survey with this code. Check the code and try again');
      if (error.code === 'CONFLICT')
        return fail(
          'This saved survey can no longer be continued: it has been sent, or the survey has closed',
        );
      throw error;
    }
    if (!draft) return fail('We could not find a saved survey with this code. Check the code and try again');
    const session = sessionOf(deps, request, reply);
    const organisation = draft.placement.organisationId
      ? await deps.graph.organisation(draft.placement.organisationId, callerOf(request))
      : null;
    const answers: Answers = {};
    for (const answer of draft.answers) {
      answers[answer.questionCode] = {
        ...(answer.optionCodes && { optionCodes: answer.optionCodes }),
        ...(answer.text && { text: answer.text }),
      };
    }
    Object.assign(session, {
      organisation: organisation
        ? {
            id: organisation.id,
            name: organisation.name,
            odsCode: organisation.odsCode,
            sites: organisation.sites.map((s) => ({ id: s.id, name: s.name })),
          }
        : undefined,
      siteId: draft.placement.siteId ?? undefined,
      learnerGroup: draft.profile.learnerGroup ?? undefined,
      profession: draft.profile.profession ?? undefined,
      details: {
        programme: draft.profile.programme ?? undefined,
        yearOfTraining: draft.profile.yearOfTraining ?? undefined,
        specialty: draft.placement.specialty ?? undefined,
        startDate: draft.placement.startDate ?? undefined,
        endDate: draft.placement.endDate ?? undefined,
      },
      answers,
      resumeToken: code,
      expiresAt: draft.expiresAt ?? undefined,
      contact: null,
      contactDecided: false,
    } satisfies Partial<LearnerSession>);
    deps.sessions.touch(session);
    const { questionnaire } = await openQuestionnaire(deps);
    const placementStep = nextPlacementStep(session);
    if (placementStep) return reply.redirect(placementStep, 303);
    const incomplete = firstIncompleteSection(questionnaire, answers);
    if (incomplete)
      return reply.redirect(`/questions/${questionnaire.sections.indexOf(incomplete) + 1}`, 303);
    return reply.redirect('/check-answers', 303);
  };

  app.post('/resume', async (request, reply) =>
    resume(request, reply, normaliseCode(text(formBody(request), 'code'))),
  );
  // The link in the learner's note: the token leaves the address bar at once (redirect), and no page links out
  // with it (Referrer-Policy: no-referrer).
  app.get('/resume/:code', async (request, reply) =>
    resume(request, reply, normaliseCode((request.params as { code: string }).code)),
  );
}
