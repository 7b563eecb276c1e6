import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderPage, type PageError } from '@nets/web/ui-nhsuk';
import { GraphClientError } from '@nets/web/graph-client';
import {
  StaffPortalPsaCyclesDocument,
  StaffPortalPsaFormDocument,
  StaffPortalPsaSaveDocument,
  StaffPortalPsaSubmitDocument,
  type SaveSelfAssessmentInput,
} from '../../__generated__/graphql';
import { allowRoles } from '../../auth/role-gate';
import { userOf, type PortalDependencies } from '../../portal-context';
import type { StaffFeature } from '../staff-feature';
import { dayOf, dateTimeOf } from '../concerns/concern-words';
import {
  RATING_WORDS,
  STATUS_WORDS,
  domainFields,
  gapsOf,
  indicatorFields,
  mergeDomainConflict,
  mergeIndicatorsConflict,
  isEditable,
  parseDomainForm,
  readExpectedVersion,
  versionOf,
  parseIndicatorsForm,
  parseSignOff,
  tasksOf,
  type Assessment,
  type FormValues,
  type QuestionSet,
} from './psa-form.view';

const VIEWS = 'features/psa-assessment/views';
const PROVIDERS = ['PROVIDER_USER'] as const;

type YearRequest = FastifyRequest<{ Params: { year: string } }>;
type DomainRequest = FastifyRequest<{ Params: { year: string; domain: string } }>;

interface Loaded {
  year: number;
  base: string;
  organisation: { id: string; name: string; odsCode: string };
  dueAt: string;
  questions: QuestionSet;
  assessment: Assessment | null;
}

const notFound = (reply: FastifyReply) =>
  renderPage(reply.code(404), 'not-found.njk', { title: 'Page not found' });

/** The organisation's form for the year, or null when the year has no cycle (the page then answers 404). */
async function load(deps: PortalDependencies, request: YearRequest): Promise<Loaded | null> {
  const year = Number(request.params.year);
  const organisationId = userOf(request).organisationId;
  if (!Number.isInteger(year) || !organisationId) return null;
  const answer = await deps.graph.request(request, StaffPortalPsaFormDocument, { organisationId, year });
  if (!answer.selfAssessmentCycle || !answer.organisation) return null;
  const { selfAssessment, ...organisation } = answer.organisation;
  return {
    year,
    base: `/self-assessment/${year}`,
    organisation,
    dueAt: answer.selfAssessmentCycle.dueAt,
    questions: answer.selfAssessmentQuestionSet,
    assessment: selfAssessment ?? null,
  };
}

const statusOf = (loaded: Loaded) => loaded.assessment?.status ?? null;

/** The first cycle's year that has opened, newest first: where "Self-assessment" in the menu goes. */
async function start(deps: PortalDependencies, request: FastifyRequest, reply: FastifyReply) {
  const { selfAssessmentCycles } = await deps.graph.request(request, StaffPortalPsaCyclesDocument, {});
  const now = Date.now();
  const open = selfAssessmentCycles
    .filter((c) => new Date(c.opensAt).getTime() <= now)
    .sort((a, b) => b.year - a.year)[0];
  if (open) return reply.redirect(`/self-assessment/${open.year}`, 303);
  return renderPage(reply, `${VIEWS}/no-cycle.njk`, { title: 'Provider Self-Assessment' });
}

const DONE: Readonly<Record<string, string>> = {
  saved: 'Your answers are saved as a draft.',
  submitted: 'Your self-assessment is submitted. Your regional quality team will review it.',
};

async function taskList(deps: PortalDependencies, request: YearRequest, reply: FastifyReply) {
  const loaded = await load(deps, request);
  if (!loaded) return notFound(reply);
  const { assessment } = loaded;
  const status = statusOf(loaded);
  const done = (request.query as Record<string, unknown>)['done'];
  const tasks = tasksOf(loaded.base, loaded.questions, assessment);
  return renderPage(reply, `${VIEWS}/task-list.njk`, {
    title: `Provider Self-Assessment ${loaded.year}`,
    organisation: loaded.organisation,
    confirmation: typeof done === 'string' ? (DONE[done] ?? null) : null,
    statusText: STATUS_WORDS[status ?? 'NOT_STARTED'],
    editable: isEditable(status),
    due: dayOf(loaded.dueAt),
    late: assessment?.late ?? false,
    returned: status === 'RETURNED' ? returnedView(assessment) : null,
    signOff: assessment?.signOff
      ? { ...assessment.signOff, signedAt: dateTimeOf(assessment.signOff.signedAt) }
      : null,
    submittedAt: assessment?.submittedAt ? dateTimeOf(assessment.submittedAt) : null,
    tasks: tasks.map((task) => ({
      title: { text: task.title },
      href: task.href,
      hint: { text: task.hint },
      status:
        task.status === 'Completed'
          ? { text: task.status }
          : {
              tag: {
                text: task.status,
                classes: task.status === 'Not started' ? 'nhsuk-tag--grey' : 'nhsuk-tag--blue',
              },
            },
    })),
    canSubmit: isEditable(status) && gapsOf(loaded.base, loaded.questions, assessment).length === 0,
    base: loaded.base,
  });
}

function returnedView(assessment: Assessment | null) {
  const last = [...(assessment?.reviews ?? [])].reverse().find((r) => r.decision === 'RETURN');
  return { comments: assessment?.reviewComments ?? '', at: last ? dateTimeOf(last.at) : null };
}

function domainOf(loaded: Loaded, text: string) {
  return loaded.questions.domains.find((d) => String(d.number) === text) ?? null;
}

function renderDomain(
  reply: FastifyReply,
  loaded: Loaded,
  domain: QuestionSet['domains'][number],
  form?: FormValues,
  errors: PageError[] = [],
  conflict: Conflict<{ code: string; saved: string }> | null = null,
) {
  const editable = isEditable(statusOf(loaded));
  return renderPage(reply, `${VIEWS}/domain.njk`, {
    title: `Domain ${domain.number}: ${domain.title}`,
    pageCaption: `Provider Self-Assessment ${loaded.year}, ${loaded.organisation.name}`,
    backHref: loaded.base,
    action: `${loaded.base}/domain/${domain.number}`,
    editable,
    ratingWords: RATING_WORDS,
    standards: domainFields(domain, loaded.assessment, form),
    version: versionOf(loaded.assessment),
    conflict,
    errors,
  });
}

interface Conflict<T> {
  savedAt: string;
  changes: T[];
}

const CONFLICT_ERROR: PageError = {
  field: 'what-changed',
  message:
    'Someone else saved this self-assessment while you were working on it. Check what is saved, then save again',
};

/** Someone else saved since the form was built: what is saved now, against what the user entered. */
function conflictOf<T>(loaded: Loaded, changes: T[]): Conflict<T> {
  return { savedAt: loaded.assessment ? dateTimeOf(loaded.assessment.updatedAt) : 'just now', changes };
}

async function domainPage(deps: PortalDependencies, request: DomainRequest, reply: FastifyReply) {
  const loaded = await load(deps, request);
  const domain = loaded && domainOf(loaded, request.params.domain);
  if (!loaded || !domain) return notFound(reply);
  return renderDomain(reply, loaded, domain);
}

async function domainSave(deps: PortalDependencies, request: DomainRequest, reply: FastifyReply) {
  const loaded = await load(deps, request);
  const domain = loaded && domainOf(loaded, request.params.domain);
  if (!loaded || !domain) return notFound(reply);
  const form = (request.body ?? {}) as FormValues;
  const expectedVersion = readExpectedVersion(form);
  if (expectedVersion === null) return renderDomain(reply, loaded, domain, form);
  const { standards, errors } = parseDomainForm(domain, form);
  if (errors.length > 0) return renderDomain(reply, loaded, domain, form, errors);
  const outcome = await save(deps, request, loaded, { standards, expectedVersion });
  if (outcome === 'conflict') {
    const now = await load(deps, request);
    if (!now) return notFound(reply);
    const merged = mergeDomainConflict(domain, now.assessment, form);
    return renderDomain(reply, now, domain, merged.form, [CONFLICT_ERROR], conflictOf(now, merged.changes));
  }
  if (outcome) return renderDomain(reply, loaded, domain, form, outcome);
  return reply.redirect(`${loaded.base}?done=saved`, 303);
}

function renderIndicators(
  reply: FastifyReply,
  loaded: Loaded,
  form?: FormValues,
  errors: PageError[] = [],
  conflict: Conflict<{ question: string; saved: string }> | null = null,
) {
  return renderPage(reply, `${VIEWS}/indicators.njk`, {
    title: 'Equality, Freedom to Speak Up, sexual safety and SLEC',
    pageCaption: `Provider Self-Assessment ${loaded.year}, ${loaded.organisation.name}`,
    backHref: loaded.base,
    action: `${loaded.base}/indicators`,
    editable: isEditable(statusOf(loaded)),
    questions: indicatorFields(loaded.questions, loaded.assessment, form),
    version: versionOf(loaded.assessment),
    conflict,
    errors,
  });
}

async function indicatorsPage(deps: PortalDependencies, request: YearRequest, reply: FastifyReply) {
  const loaded = await load(deps, request);
  if (!loaded) return notFound(reply);
  return renderIndicators(reply, loaded);
}

async function indicatorsSave(deps: PortalDependencies, request: YearRequest, reply: FastifyReply) {
  const loaded = await load(deps, request);
  if (!loaded) return notFound(reply);
  const form = (request.body ?? {}) as FormValues;
  const expectedVersion = readExpectedVersion(form);
  if (expectedVersion === null) return renderIndicators(reply, loaded, form);
  const { indicators, errors } = parseIndicatorsForm(loaded.questions, form);
  if (errors.length > 0) return renderIndicators(reply, loaded, form, errors);
  const outcome = await save(deps, request, loaded, { indicators, expectedVersion });
  if (outcome === 'conflict') {
    const now = await load(deps, request);
    if (!now) return notFound(reply);
    const merged = mergeIndicatorsConflict(now.questions, now.assessment, form);
    return renderIndicators(reply, now, merged.form, [CONFLICT_ERROR], conflictOf(now, merged.changes));
  }
  if (outcome) return renderIndicators(reply, loaded, form, outcome);
  return reply.redirect(`${loaded.base}?done=saved`, 303);
}

/**
 * Saves through the graph over the version the form was built on. 'conflict' when someone else saved since
 * (the graph's optimistic lock); another refusal comes back as the page's errors. Nothing is saved either way.
 */
async function save(
  deps: PortalDependencies,
  request: FastifyRequest,
  loaded: Loaded,
  answers: Pick<SaveSelfAssessmentInput, 'standards' | 'indicators' | 'expectedVersion'>,
): Promise<PageError[] | 'conflict' | null> {
  try {
    await deps.graph.request(request, StaffPortalPsaSaveDocument, {
      input: { organisationId: loaded.organisation.id, year: loaded.year, ...answers },
    });
    return null;
  } catch (error) {
    // The version moved on: someone else saved. (Other CONFLICTs, a closed organisation, keep their words.)
    if (
      error instanceof GraphClientError &&
      error.code === 'CONFLICT' &&
      answers.expectedVersion !== versionOf(loaded.assessment)
    )
      return 'conflict';
    if (error instanceof GraphClientError && error.code === 'CONFLICT') {
      const now = await load(deps, request as YearRequest);
      if (now && versionOf(now.assessment) !== answers.expectedVersion) return 'conflict';
    }
    return refusal(error, 'answers');
  }
}

function refusal(error: unknown, field: string): PageError[] {
  if (!(error instanceof GraphClientError)) throw error;
  if (error.code !== 'BAD_USER_INPUT' && error.code !== 'CONFLICT') throw error;
  const first = error.errors[0];
  const details = first?.details ?? [];
  if (details.length === 0) return [{ field, message: first?.message ?? 'The self-assessment refused this' }];
  return details.map((detail) => ({ field, message: detail.message }));
}

function renderSubmit(
  reply: FastifyReply,
  loaded: Loaded,
  form: FormValues = {},
  errors: PageError[] = [],
  conflict: { savedAt: string; statusText: string } | null = null,
) {
  const editable = isEditable(statusOf(loaded));
  return renderPage(reply, `${VIEWS}/submit.njk`, {
    title: 'Sign off and submit',
    pageCaption: `Provider Self-Assessment ${loaded.year}, ${loaded.organisation.name}`,
    backHref: loaded.base,
    action: `${loaded.base}/submit`,
    editable,
    gaps: editable ? gapsOf(loaded.base, loaded.questions, loaded.assessment) : [],
    values: {
      name: form['signOffName'] ?? '',
      jobTitle: form['signOffJobTitle'] ?? '',
      declaration: form['declaration'] ?? '',
    },
    version: versionOf(loaded.assessment),
    conflict,
    errors,
  });
}

async function submitPage(deps: PortalDependencies, request: YearRequest, reply: FastifyReply) {
  const loaded = await load(deps, request);
  if (!loaded) return notFound(reply);
  return renderSubmit(reply, loaded);
}

async function submit(deps: PortalDependencies, request: YearRequest, reply: FastifyReply) {
  const loaded = await load(deps, request);
  if (!loaded) return notFound(reply);
  const form = (request.body ?? {}) as FormValues;
  const expectedVersion = readExpectedVersion(form);
  if (expectedVersion === null) return renderSubmit(reply, loaded, form);
  const { signOff, errors } = parseSignOff(form);
  if (!signOff) return renderSubmit(reply, loaded, form, errors);
  try {
    await deps.graph.request(request, StaffPortalPsaSubmitDocument, {
      organisationId: loaded.organisation.id,
      year: loaded.year,
      signOff,
      expectedVersion,
    });
  } catch (error) {
    // Someone else saved since the sign-off page was built: the leader signs off what is saved now, or nothing.
    const now =
      error instanceof GraphClientError && error.code === 'CONFLICT' ? await load(deps, request) : null;
    if (now && versionOf(now.assessment) !== expectedVersion) {
      const changed: PageError = {
        field: 'what-changed',
        message:
          'Someone else changed this self-assessment after you opened this page. Check the answers, then sign off again',
      };
      return renderSubmit(reply, now, form, [changed], {
        savedAt: now.assessment ? dateTimeOf(now.assessment.updatedAt) : 'just now',
        statusText: STATUS_WORDS[statusOf(now) ?? 'NOT_STARTED'],
      });
    }
    const refused = refusal(error, 'signOffName');
    // Every missing answer is listed by the page's own check: say it once, not 49 times.
    return renderSubmit(reply, loaded, form, refused.slice(0, 1));
  }
  return reply.redirect(`${loaded.base}?done=submitted`, 303);
}

function register(app: FastifyInstance, deps: PortalDependencies): void {
  const providers = { preHandler: allowRoles(PROVIDERS) };
  app.get('/self-assessment', providers, (request, reply) => start(deps, request, reply));
  app.get<{ Params: { year: string } }>('/self-assessment/:year', providers, (request, reply) =>
    taskList(deps, request, reply),
  );
  app.get<{ Params: { year: string; domain: string } }>(
    '/self-assessment/:year/domain/:domain',
    providers,
    (request, reply) => domainPage(deps, request, reply),
  );
  app.post<{ Params: { year: string; domain: string } }>(
    '/self-assessment/:year/domain/:domain',
    providers,
    (request, reply) => domainSave(deps, request, reply),
  );
  app.get<{ Params: { year: string } }>('/self-assessment/:year/indicators', providers, (request, reply) =>
    indicatorsPage(deps, request, reply),
  );
  app.post<{ Params: { year: string } }>('/self-assessment/:year/indicators', providers, (request, reply) =>
    indicatorsSave(deps, request, reply),
  );
  app.get<{ Params: { year: string } }>('/self-assessment/:year/submit', providers, (request, reply) =>
    submitPage(deps, request, reply),
  );
  app.post<{ Params: { year: string } }>('/self-assessment/:year/submit', providers, (request, reply) =>
    submit(deps, request, reply),
  );
}

/** The Provider Self-Assessment as the provider answers it: a task list, a page per domain, sign-off. */
export const psaAssessmentFeature: StaffFeature = {
  name: 'psa-assessment',
  navigation: { href: '/self-assessment', text: 'Self-assessment', roles: PROVIDERS },
  register,
};
