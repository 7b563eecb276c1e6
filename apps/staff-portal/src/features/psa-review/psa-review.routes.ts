import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { REGION_NAMES } from '@nets/shared/auth';
import { renderPage, type PageError } from '@nets/web/ui-nhsuk';
import { GraphClientError } from '@nets/web/graph-client';
import {
  StaffPortalPsaCyclesDocument,
  StaffPortalPsaDecideDocument,
  StaffPortalPsaReturnsDocument,
  StaffPortalPsaReviewDocument,
  type SelfAssessmentReviewDecision,
} from '../../__generated__/graphql';
import { allowRoles } from '../../auth/role-gate';
import { NATIONAL_ROLES, REGIONAL_ROLES } from '../../auth/roles';
import { renderPageOrExport } from '../../exports/export-reply';
import { userOf, type PortalDependencies } from '../../portal-context';
import type { StaffFeature } from '../staff-feature';
import { isUuid, queryText } from '../provider-dashboard/dashboard-address';
import { isRegion } from '../quality-flags/region-names';
import type { FormValues } from '../psa-assessment/psa-form.view';
import { readSeenState, type SeenState } from '../../views/seen-state';
import {
  assessmentView,
  isReturnsShow,
  parseDecision,
  returnsView,
  changesSince,
  type ReturnsShow,
} from './psa-review.view';

const VIEWS = 'features/psa-review/views';
const READERS = [...REGIONAL_ROLES, ...NATIONAL_ROLES];

type ReviewRequest = FastifyRequest<{ Params: { year: string; organisationId: string } }>;

const notFound = (reply: FastifyReply) =>
  renderPage(reply.code(404), 'not-found.njk', { title: 'Page not found' });

async function returnsPage(deps: PortalDependencies, request: FastifyRequest, reply: FastifyReply) {
  const user = userOf(request);
  const query = request.query as Record<string, unknown>;
  const errors: PageError[] = [];
  const years = (await deps.graph.request(request, StaffPortalPsaCyclesDocument, {})).selfAssessmentCycles
    .map((c) => c.year)
    .sort((a, b) => b - a);
  let year = years[0] ?? null;
  const yearText = queryText(query, 'year');
  if (yearText) {
    if (years.includes(Number(yearText))) year = Number(yearText);
    else errors.push({ field: 'year', message: 'Choose a year from the list' });
  }
  const showText = queryText(query, 'show') || 'all';
  const show: ReturnsShow = isReturnsShow(showText) ? showText : 'all';
  if (!isReturnsShow(showText)) errors.push({ field: 'show', message: 'Choose which providers to show' });
  const national = NATIONAL_ROLES.includes(user.role);
  let region = national ? null : (user.region ?? null);
  const regionText = queryText(query, 'region');
  if (national && regionText) {
    if (isRegion(regionText)) region = regionText;
    else errors.push({ field: 'region', message: 'Choose a region from the list' });
  }
  const page = {
    title: `Provider Self-Assessment returns: ${region ? REGION_NAMES[region] : 'England'}`,
    errors,
    year,
    show,
    national,
    years: years.map((y) => ({ value: String(y), text: String(y), selected: y === year })),
    regions: national
      ? [
          { value: '', text: 'England', selected: region === null },
          ...Object.entries(REGION_NAMES).map(([value, text]) => ({
            value,
            text,
            selected: value === region,
          })),
        ]
      : [],
    shows: [
      { value: 'all', text: 'Every placement provider', selected: show === 'all' },
      { value: 'not-submitted', text: 'Not submitted', selected: show === 'not-submitted' },
      { value: 'to-review', text: 'Waiting for review', selected: show === 'to-review' },
    ],
  };
  if (year === null) return renderPage(reply, `${VIEWS}/returns.njk`, { ...page, view: null });
  const { selfAssessmentReturns } = await deps.graph.request(request, StaffPortalPsaReturnsDocument, {
    year,
    region,
  });
  const view = returnsView(selfAssessmentReturns, year, show);
  const base = `/self-assessment-reviews?year=${year}${national && region ? `&region=${region}` : ''}`;
  return renderPageOrExport(
    request,
    reply,
    `${VIEWS}/returns.njk`,
    {
      ...page,
      view,
      links: {
        notSubmitted: `${base}&show=not-submitted`,
        toReview: `${base}&show=to-review`,
        all: base,
      },
    },
    [view.table],
  );
}

async function loadReview(deps: PortalDependencies, request: ReviewRequest) {
  const year = Number(request.params.year);
  const { organisationId } = request.params;
  if (!Number.isInteger(year) || !isUuid(organisationId)) return null;
  const answer = await deps.graph.request(request, StaffPortalPsaReviewDocument, { organisationId, year });
  const assessment = answer.organisation?.selfAssessment;
  if (!answer.organisation || !assessment) return null;
  return {
    year,
    organisation: answer.organisation,
    assessment,
    domains: answer.selfAssessmentQuestionSet.domains,
  };
}

const DONE: Readonly<Record<string, string>> = {
  START_REVIEW: 'You started the review.',
  ACCEPT: 'You accepted the self-assessment. It is now locked.',
  RETURN: 'You returned the self-assessment to the provider with your comments.',
};

type LoadedReview = NonNullable<Awaited<ReturnType<typeof loadReview>>>;

async function reviewPage(deps: PortalDependencies, request: ReviewRequest, reply: FastifyReply) {
  const loaded = await loadReview(deps, request);
  if (!loaded) return notFound(reply);
  return renderReview(request, reply, loaded);
}

function renderReview(
  request: ReviewRequest,
  reply: FastifyReply,
  loaded: LoadedReview,
  form: FormValues = {},
  errors: PageError[] = [],
  conflict: ReturnType<typeof changesSince> | null = null,
) {
  const view = assessmentView(loaded.assessment, loaded.domains);
  const user = userOf(request);
  const reviewer = user.role === 'QUALITY_TEAM' && user.region === loaded.organisation.region;
  const done = (request.query as Record<string, unknown>)['done'];
  const data = {
    title: `${loaded.organisation.name}: self-assessment ${loaded.year}`,
    organisation: loaded.organisation,
    year: loaded.year,
    view,
    confirmation: typeof done === 'string' ? (DONE[done] ?? null) : null,
    canStart: reviewer && loaded.assessment.status === 'SUBMITTED',
    canDecide: reviewer && loaded.assessment.status === 'UNDER_REVIEW',
    action: `/self-assessment-reviews/${loaded.year}/${loaded.organisation.id}`,
    backHref: `/self-assessment-reviews?year=${loaded.year}`,
    values: { decision: form['decision'] ?? '', comments: form['comments'] ?? '' },
    seen: { version: loaded.assessment.version, timelineLength: loaded.assessment.reviews.length },
    conflict,
    errors,
  };
  return renderPageOrExport(request, reply, `${VIEWS}/review.njk`, data, [
    ...view.domainTables,
    view.indicators,
  ]);
}

async function decide(deps: PortalDependencies, request: ReviewRequest, reply: FastifyReply) {
  const form = (request.body ?? {}) as FormValues;
  const loaded = await loadReview(deps, request);
  if (!loaded) return notFound(reply);
  const seen = readSeenState(form);
  if (!seen) return renderReview(request, reply, loaded, form);
  if (seen.version !== loaded.assessment.version) return conflictReply(request, reply, loaded, form, seen);
  let input: { decision: SelfAssessmentReviewDecision; comments: string | null };
  if (form['decision'] === 'START_REVIEW') input = { decision: 'START_REVIEW', comments: null };
  else {
    const parsed = parseDecision(form);
    if (!parsed.decision) return renderReview(request, reply, loaded, form, parsed.errors);
    input = parsed.decision;
  }
  try {
    await deps.graph.request(request, StaffPortalPsaDecideDocument, {
      input: {
        organisationId: loaded.organisation.id,
        year: loaded.year,
        expectedVersion: seen.version,
        ...input,
      },
    });
  } catch (error) {
    if (!(error instanceof GraphClientError) || !['BAD_USER_INPUT', 'CONFLICT'].includes(error.code))
      throw error;
    if (error.code === 'CONFLICT') {
      const now = await loadReview(deps, request);
      if (!now) return notFound(reply);
      if (now.assessment.version !== seen.version) return conflictReply(request, reply, now, form, seen);
    }
    return renderReview(request, reply, loaded, form, [
      { field: 'decision', message: error.errors[0]?.message ?? 'The review was refused' },
    ]);
  }
  return reply.redirect(
    `/self-assessment-reviews/${loaded.year}/${loaded.organisation.id}?done=${input.decision}`,
    303,
  );
}

/**
 * Someone else reviewed (or the provider resubmitted) since the page was built: show what happened, keep the
 * decision and comments entered, and let the reviewer decide again on the assessment as it is now.
 */
function conflictReply(
  request: ReviewRequest,
  reply: FastifyReply,
  now: LoadedReview,
  form: FormValues,
  seen: SeenState,
) {
  const errors: PageError[] = [
    {
      field: 'what-changed',
      message:
        'Someone else changed this self-assessment while you were reviewing it. Check what changed, then decide again',
    },
  ];
  const status = now.assessment.status;
  const stillOpen = form['decision'] === 'START_REVIEW' ? status === 'SUBMITTED' : status === 'UNDER_REVIEW';
  if (!stillOpen)
    errors.push({ field: 'what-changed', message: 'Your decision can no longer be taken: it was not sent' });
  return renderReview(request, reply, now, form, errors, changesSince(seen, now.assessment));
}

function register(app: FastifyInstance, deps: PortalDependencies): void {
  const readers = { preHandler: allowRoles(READERS) };
  const reviewers = { preHandler: allowRoles(REGIONAL_ROLES) };
  app.get('/self-assessment-reviews', readers, (request, reply) => returnsPage(deps, request, reply));
  app.get<{ Params: { year: string; organisationId: string } }>(
    '/self-assessment-reviews/:year/:organisationId',
    readers,
    (request, reply) => reviewPage(deps, request, reply),
  );
  app.post<{ Params: { year: string; organisationId: string } }>(
    '/self-assessment-reviews/:year/:organisationId',
    reviewers,
    (request, reply) => decide(deps, request, reply),
  );
}

/** The quality team's side of the Provider Self-Assessment: who has returned it, and the review of each. */
export const psaReviewFeature: StaffFeature = {
  name: 'psa-review',
  navigation: { href: '/self-assessment-reviews', text: 'Self-assessment returns', roles: READERS },
  register,
};
