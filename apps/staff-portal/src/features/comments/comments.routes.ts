import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderPage, type PageError } from '@nets/web/ui-nhsuk';
import { GraphClientError } from '@nets/web/graph-client';
import {
  StaffPortalAmendCommentDocument,
  StaffPortalCommentReviewQueueDocument,
  StaffPortalOrganisationCommentsDocument,
  StaffPortalReleaseCommentDocument,
} from '../../__generated__/graphql';
import { allowRoles } from '../../auth/role-gate';
import { EVERY_ROLE, ORGANISATION_ROLES, REGIONAL_ROLES } from '../../auth/roles';
import { renderPageOrExport } from '../../exports/export-reply';
import { cyclesOf } from '../../graph/cycles';
import { organisationRegistry } from '../../graph/organisation-registry';
import { userOf, type PortalDependencies } from '../../portal-context';
import type { StaffFeature } from '../staff-feature';
import {
  chosenYear,
  dashboardHref,
  isUuid,
  queryText,
  yearOptions,
} from '../provider-dashboard/dashboard-address';
import { parseReviewDecision, reviewConfirmation, type ReviewDecision } from './comment-review.rules';
import { organisationCommentsView } from './organisation-comments.view';
import { questionTexts } from './question-texts';
import { reviewQueueView, type QueuedCommentView } from './review-queue.view';

const VIEWS = 'features/comments/views';
const notFound = (reply: FastifyReply) =>
  renderPage(reply.code(404), 'not-found.njk', { title: 'Page not found' });

async function commentsStart(deps: PortalDependencies, request: FastifyRequest, reply: FastifyReply) {
  const user = userOf(request);
  if (ORGANISATION_ROLES.includes(user.role) && user.organisationId) {
    const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    return reply.redirect(`/comments/${encodeURIComponent(user.organisationId)}${search}`, 303);
  }
  const waiting = REGIONAL_ROLES.includes(user.role)
    ? (await deps.graph.request(request, StaffPortalCommentReviewQueueDocument, {}))
        .responseCommentsAwaitingReview.length
    : null;
  return renderPage(reply, `${VIEWS}/comments-start.njk`, { title: "Learners' comments", waiting });
}

async function organisationComments(
  deps: PortalDependencies,
  request: FastifyRequest<{ Params: { organisationId: string } }>,
  reply: FastifyReply,
) {
  const { organisationId } = request.params;
  if (!isUuid(organisationId)) return notFound(reply);
  const query = request.query as Record<string, unknown>;
  const { releasedYears } = await cyclesOf(deps, request);
  const { year, errors } = chosenYear(query, releasedYears);
  const search = { text: queryText(query, 'q'), questionCode: queryText(query, 'question') };
  // The graph decides which groups may be chosen; anything else it refuses (LEARNER_GROUP_WITHHELD).
  const learnerGroup = queryText(query, 'group').slice(0, 100) || null;
  if (search.text.length > 200) {
    errors.push({ field: 'q', message: 'Enter 200 characters or fewer' });
    search.text = '';
  }
  if (year === null)
    return renderPage(reply, `${VIEWS}/organisation-comments.njk`, {
      title: "Learners' comments",
      view: null,
    });
  const data = await deps.graph.request(request, StaffPortalOrganisationCommentsDocument, {
    organisationId,
    year,
    learnerGroup,
  });
  if (!data.organisation) return notFound(reply);
  const questions = (await questionTexts(deps, request, [year])).get(year);
  const groupNames = new Map(data.learnerGroups.map((group) => [group.code, group.name]));
  const view = organisationCommentsView(
    data.organisationFeedback,
    data.organisation.name,
    search,
    questions,
    groupNames,
  );
  if (search.questionCode && !view.questionOptions.some((o) => o.selected && o.value))
    errors.push({ field: 'question', message: 'Choose a question from the list' });
  return renderPageOrExport(
    request,
    reply,
    `${VIEWS}/organisation-comments.njk`,
    {
      title: `Learners' comments on ${data.organisation.name}, ${year}`,
      organisation: data.organisation,
      year,
      years: yearOptions(releasedYears, year),
      search,
      view,
      errors,
      learnerGroupName: learnerGroup ? (groupNames.get(learnerGroup) ?? null) : null,
      dashboardHref: dashboardHref(organisationId, { year }),
      selfHref: `/comments/${encodeURIComponent(organisationId)}`,
    },
    [view.table],
  );
}

async function queuedComments(
  deps: PortalDependencies,
  request: FastifyRequest,
): Promise<QueuedCommentView[]> {
  const [{ responseCommentsAwaitingReview }, registry] = await Promise.all([
    deps.graph.request(request, StaffPortalCommentReviewQueueDocument, {}),
    organisationRegistry(deps, request),
  ]);
  const questions = await questionTexts(
    deps,
    request,
    responseCommentsAwaitingReview.map((c) => c.year),
  );
  return reviewQueueView(responseCommentsAwaitingReview, registry.byId, questions);
}

async function reviewQueue(deps: PortalDependencies, request: FastifyRequest, reply: FastifyReply) {
  const queue = await queuedComments(deps, request);
  return renderPage(reply, `${VIEWS}/review-queue.njk`, { title: 'Comments waiting for review', queue });
}

function renderReviewForm(
  reply: FastifyReply,
  comment: QueuedCommentView,
  form: { decision?: string; redactedText?: string },
  errors: PageError[] = [],
) {
  return renderPage(reply, `${VIEWS}/review-comment.njk`, {
    title: 'Review a comment',
    backHref: '/comments/review',
    comment,
    decision: form.decision ?? '',
    amendedText: form.redactedText ?? comment.redactedText,
    errors,
  });
}

const noLongerWaiting = (reply: FastifyReply) =>
  renderPage(reply.code(409), `${VIEWS}/review-gone.njk`, {
    title: 'This comment is no longer waiting for review',
    backHref: '/comments/review',
  });

async function reviewForm(
  deps: PortalDependencies,
  request: FastifyRequest<{ Params: { commentId: string } }>,
  reply: FastifyReply,
) {
  if (!isUuid(request.params.commentId)) return notFound(reply);
  const comment = (await queuedComments(deps, request)).find((c) => c.id === request.params.commentId);
  return comment ? renderReviewForm(reply, comment, {}) : noLongerWaiting(reply);
}

async function decide(
  deps: PortalDependencies,
  request: FastifyRequest<{ Params: { commentId: string } }>,
  reply: FastifyReply,
) {
  const { commentId } = request.params;
  if (!isUuid(commentId)) return notFound(reply);
  const comment = (await queuedComments(deps, request)).find((c) => c.id === commentId);
  if (!comment) return noLongerWaiting(reply);
  const form = (request.body ?? {}) as Record<string, unknown>;
  const { decision, errors } = parseReviewDecision(form);
  const entered = {
    decision: typeof form['decision'] === 'string' ? form['decision'] : undefined,
    redactedText: typeof form['redactedText'] === 'string' ? form['redactedText'] : undefined,
  };
  if (!decision) return renderReviewForm(reply, comment, entered, errors);
  try {
    await send(deps, request, commentId, decision);
  } catch (error) {
    if (error instanceof GraphClientError && (error.code === 'CONFLICT' || error.code === 'NOT_FOUND'))
      return noLongerWaiting(reply);
    if (error instanceof GraphClientError && error.code === 'BAD_USER_INPUT')
      return renderReviewForm(reply, comment, entered, [
        {
          field: 'redactedText',
          message: error.errors[0]?.details[0]?.message ?? error.errors[0]?.message ?? '',
        },
      ]);
    throw error;
  }
  return reply.redirect(`/comments/review/decided?decision=${decision.kind}`, 303);
}

async function send(deps: PortalDependencies, request: FastifyRequest, id: string, decision: ReviewDecision) {
  switch (decision.kind) {
    case 'approve':
      await deps.graph.request(request, StaffPortalReleaseCommentDocument, { id });
      return;
    case 'amend':
      await deps.graph.request(request, StaffPortalAmendCommentDocument, {
        id,
        redactedText: decision.redactedText,
      });
      return;
    case 'hold':
      return;
  }
}

function register(app: FastifyInstance, deps: PortalDependencies): void {
  const qualityTeamOnly = { preHandler: allowRoles(REGIONAL_ROLES) };
  app.get('/comments', (request, reply) => commentsStart(deps, request, reply));
  app.get('/comments/review', qualityTeamOnly, (request, reply) => reviewQueue(deps, request, reply));
  app.get('/comments/review/decided', qualityTeamOnly, async (request, reply) => {
    const kind = queryText(request.query as Record<string, unknown>, 'decision');
    if (kind !== 'approve' && kind !== 'amend' && kind !== 'hold') return notFound(reply);
    const confirmation = reviewConfirmation(kind);
    return renderPage(reply, `${VIEWS}/review-decided.njk`, { title: confirmation.title, confirmation });
  });
  app.get<{ Params: { commentId: string } }>(
    '/comments/review/:commentId',
    qualityTeamOnly,
    (request, reply) => reviewForm(deps, request, reply),
  );
  app.post<{ Params: { commentId: string } }>(
    '/comments/review/:commentId',
    qualityTeamOnly,
    (request, reply) => decide(deps, request, reply),
  );
  app.get<{ Params: { organisationId: string } }>('/comments/:organisationId', (request, reply) =>
    organisationComments(deps, request, reply),
  );
}

/** Providers' redacted comments, and the regional quality team's review queue. */
export const commentsFeature: StaffFeature = {
  name: 'comments',
  navigation: { href: '/comments', text: 'Comments', roles: EVERY_ROLE },
  register,
};
