import type { FastifyInstance, FastifyReply } from 'fastify';
import { renderPage, type PageError } from '@nets/web/ui-nhsuk';
import { GraphClientError } from '@nets/web/graph-client';
import {
  callerOf,
  formBody,
  isChange,
  openQuestionnaire,
  sessionOf,
  type JourneyDependencies,
} from '../../journey/journey-context';
import { newIdempotencyKey, type LearnerSession } from '../../session/learner-session';
import { text, validateContact } from '../placement/placement.rules';
import {
  answerLabels,
  askedQuestions,
  firstIncompleteSection,
  raisesSeriousConcern,
  type Questionnaire,
} from '../questionnaire/questionnaire.rules';
import { isIdempotencyKey, nextPlacementStep, submissionInput } from './submission.rules';

const formatDay = (iso?: string): string =>
  iso
    ? new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      })
    : 'Not given';

/** Rows of check your answers: each with its change link (and a visually hidden name for screen readers). */
async function checkAnswersView(
  deps: JourneyDependencies,
  session: LearnerSession,
  questionnaire: Questionnaire,
) {
  const groups = await deps.graph.learnerGroups();
  const group = groups.find((g) => g.code === session.learnerGroup);
  const profession = group?.professions.find((p) => p.code === session.profession);
  const site = session.organisation?.sites.find((s) => s.id === session.siteId);
  const programme = session.programme
    ? (await deps.graph.programmes()).find((p) => p.code === session.programme)
    : undefined;
  const row = (key: string, value: string | string[], href: string) => ({
    key: { text: key },
    value: Array.isArray(value)
      ? { html: value.map((v) => escapeHtml(v)).join('<br>') || 'Not answered' }
      : { text: value },
    actions: { items: [{ href, text: 'Change', visuallyHiddenText: key.toLowerCase() }] },
  });
  const placementRows = [
    row(
      'Organisation',
      `${session.organisation?.name ?? ''} (${session.organisation?.odsCode ?? ''})`,
      '/placement/organisation?change=1',
    ),
    ...(site ? [row('Site', site.name, '/placement/site?change=1')] : []),
    row('Learner group', group?.name ?? '', '/placement/learner-group?change=1'),
    row('Profession', profession?.name ?? '', '/placement/profession?change=1'),
    row('University or college', session.education?.name ?? 'Not given', '/placement/education?change=1'),
    ...(session.education
      ? [row('Programme', programme?.name ?? 'Not given', '/placement/programme?change=1')]
      : []),
    row('Course title', session.details.programme ?? 'Not given', '/placement/details?change=1'),
    row(
      'Year of training',
      session.details.yearOfTraining ? String(session.details.yearOfTraining) : 'Not given',
      '/placement/details?change=1',
    ),
    row('Specialty or department', session.details.specialty ?? 'Not given', '/placement/details?change=1'),
    row('Placement start date', formatDay(session.details.startDate), '/placement/details?change=1'),
    row('Placement end date', formatDay(session.details.endDate), '/placement/details?change=1'),
  ];
  const asked = askedQuestions(questionnaire, session.answers);
  const sections = questionnaire.sections
    .map((section, index) => ({
      title: section.title,
      rows: section.questions
        .filter((q) => asked.has(q.code))
        .map((q) =>
          row(q.text, answerLabels(q, session.answers[q.code]), `/questions/${index + 1}?change=1`),
        ),
    }))
    .filter((section) => section.rows.length > 0);
  const concern = raisesSeriousConcern(questionnaire, session.answers);
  const contact = session.contact;
  const contactRows = concern
    ? [
        row(
          'Contact details for the quality team',
          contact
            ? [contact.name, contact.email, contact.phone].filter((v): v is string => Boolean(v))
            : 'Not shared',
          '/serious-concern?change=1',
        ),
      ]
    : [];
  return { placementRows, sections, contactRows, concern };
}

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** What the graph said, in words for the learner: its details per field where it gave them. */
function submissionErrors(error: GraphClientError): PageError[] {
  const details = error.errors.flatMap((e) => e.details);
  if (error.code === 'BAD_USER_INPUT' && details.length > 0)
    return details.map((d) => ({ field: 'submit', message: d.message }));
  if (error.code === 'CONFLICT')
    return [
      { field: 'submit', message: 'Your answers could not be sent: the survey may have closed. Try again' },
    ];
  return [{ field: 'submit', message: 'Your answers were not sent. Check your connection and try again' }];
}

export function registerSubmissionRoutes(app: FastifyInstance, deps: JourneyDependencies): void {
  const renderConcern = (
    reply: FastifyReply,
    session: LearnerSession,
    change: boolean,
    errors: PageError[] = [],
    form?: Record<string, string>,
  ) =>
    renderPage(reply, 'serious-concern.njk', {
      title: 'What happens to your serious concern',
      backHref: '/check-answers',
      change,
      form: form ?? {
        shareContact: session.contactDecided ? (session.contact ? 'yes' : 'no') : '',
        contactName: session.contact?.name ?? '',
        contactEmail: session.contact?.email ?? '',
        contactPhone: session.contact?.phone ?? '',
      },
      errors,
    });

  app.get('/serious-concern', async (request, reply) => {
    const session = sessionOf(deps, request, reply);
    const { questionnaire } = await openQuestionnaire(deps);
    if (!raisesSeriousConcern(questionnaire, session.answers)) return reply.redirect('/check-answers', 303);
    return renderConcern(reply, session, isChange(request));
  });

  app.post('/serious-concern', async (request, reply) => {
    const session = sessionOf(deps, request, reply);
    const body = formBody(request);
    const share = text(body, 'shareContact');
    const form = {
      shareContact: share,
      contactName: text(body, 'contactName'),
      contactEmail: text(body, 'contactEmail'),
      contactPhone: text(body, 'contactPhone'),
    };
    if (share !== 'yes' && share !== 'no')
      return renderConcern(
        reply,
        session,
        isChange(request),
        [{ field: 'shareContact-1', message: 'Select yes if you want to give your contact details' }],
        form,
      );
    const { value, errors } = validateContact(body);
    if (errors.length > 0) return renderConcern(reply, session, isChange(request), errors, form);
    session.contact = value;
    session.contactDecided = true;
    deps.sessions.touch(session);
    return reply.redirect('/check-answers', 303);
  });

  app.get('/check-answers', async (request, reply) => {
    const session = sessionOf(deps, request, reply);
    const { questionnaire } = await openQuestionnaire(deps);
    // Back from a send whose answer was lost: the answers were sent, and this is their receipt.
    if (session.receipt && !session.organisation) return reply.redirect('/confirmation', 303);
    const placementStep = nextPlacementStep(session);
    if (placementStep) return reply.redirect(placementStep, 303);
    const incomplete = firstIncompleteSection(questionnaire, session.answers);
    if (incomplete)
      return reply.redirect(`/questions/${questionnaire.sections.indexOf(incomplete) + 1}`, 303);
    if (raisesSeriousConcern(questionnaire, session.answers) && !session.contactDecided)
      return reply.redirect('/serious-concern', 303);
    // One key per version of the answers: a retried post of this page can never store a second response.
    session.idempotencyKey ??= newIdempotencyKey();
    return renderPage(reply, 'check-answers.njk', {
      title: 'Check your answers before sending them',
      ...(await checkAnswersView(deps, session, questionnaire)),
      idempotencyKey: session.idempotencyKey,
    });
  });

  app.post('/check-answers', async (request, reply) => {
    const session = sessionOf(deps, request, reply);
    const key = text(formBody(request), 'idempotencyKey');
    const { questionnaire } = await openQuestionnaire(deps);
    // A retry of a post whose answer never reached the browser: the same input again, so the graph answers
    // with the first receipt instead of storing a second response.
    const retry = session.submitted?.idempotencyKey === key ? session.submitted : undefined;
    if (!retry) {
      if (!isIdempotencyKey(key) || key !== session.idempotencyKey)
        return reply.redirect('/check-answers', 303);
      if (nextPlacementStep(session) || firstIncompleteSection(questionnaire, session.answers))
        return reply.redirect('/check-answers', 303);
    }
    const input = retry?.input ?? submissionInput(session, questionnaire, key);
    session.submitted = { idempotencyKey: key, input };
    try {
      const receipt = await deps.graph.submit(input, callerOf(request));
      session.receipt = {
        receiptCode: receipt.receiptCode,
        followUpCode: receipt.seriousConcernFollowUpCode ?? null,
        submittedOn: receipt.submittedOn,
      };
    } catch (error) {
      if (!(error instanceof GraphClientError)) throw error;
      request.log.warn({ code: error.code }, 'submission refused');
      return renderPage(reply, 'check-answers.njk', {
        title: 'Check your answers before sending them',
        ...(await checkAnswersView(deps, session, questionnaire)),
        idempotencyKey: key,
        errors: submissionErrors(error),
      });
    }
    // The response is stored: nothing the learner said stays in this session beyond what a retry needs.
    Object.assign(session, {
      organisation: undefined,
      siteId: undefined,
      learnerGroup: undefined,
      profession: undefined,
      details: {},
      answers: {},
      contact: null,
      contactDecided: false,
      resumeToken: undefined,
      idempotencyKey: undefined,
    } satisfies Partial<LearnerSession>);
    return reply.redirect('/confirmation', 303);
  });

  app.get('/confirmation', async (request, reply) => {
    const session = sessionOf(deps, request, reply);
    if (!session.receipt) return reply.redirect('/', 303);
    return renderPage(reply, 'confirmation.njk', {
      title: 'Your answers have been sent',
      receipt: session.receipt,
      submittedOn: formatDay(session.receipt.submittedOn),
    });
  });
}
