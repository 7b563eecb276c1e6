import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { renderPage, type PageError } from '@nets/web/ui-nhsuk';
import { GraphClientError } from '@nets/web/graph-client';
import type { Role } from '@nets/shared/auth';
import {
  StaffPortalAdminCycleDocument,
  StaffPortalAdminCyclesDocument,
  StaffPortalAdminOrganisationByCodeDocument,
  StaffPortalAdminOrganisationDocument,
  StaffPortalAdminOrganisationsDocument,
  StaffPortalAdminQuestionnaireDocument,
  StaffPortalCloseOrganisationDocument,
  StaffPortalCloseSurveyCycleDocument,
  StaffPortalCreateSurveyCycleDocument,
  StaffPortalImportOrganisationsDocument,
  StaffPortalMergeOrganisationsDocument,
  StaffPortalOpenSurveyCycleDocument,
  StaffPortalPublishQuestionnaireDocument,
  StaffPortalRegisterOrganisationDocument,
  StaffPortalReleaseResultsDocument,
  StaffPortalStartQuestionnaireDraftDocument,
  StaffPortalUpdateOrganisationDocument,
  type OrganisationFilter,
} from '../../__generated__/graphql';
import { allowRoles } from '../../auth/role-gate';
import { renderPageOrExport } from '../../exports/export-reply';
import type { PortalDependencies } from '../../portal-context';
import type { StaffFeature } from '../staff-feature';
import {
  ORGANISATION_KINDS,
  ORGANISATION_ROLE_OPTIONS,
  REGION_OPTIONS,
  dateTimeOf,
  isKind,
  isRegion,
} from './administration-words';
import {
  one,
  parseExpectedRespondents,
  parseNewCycle,
  parseRegistration,
  parseUpdate,
  refusalOf,
  type FormValues,
} from './administration.forms';
import {
  cyclesTable,
  cycleView,
  importPreview,
  organisationsTable,
  organisationView,
  questionnaireTables,
  summaryRows,
  type AdminOrganisation,
} from './administration.view';

const VIEWS = 'features/administration/views';
const ADMIN: readonly Role[] = ['ADMIN'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The graph's refusals a form shows in its error summary; anything else is the "problem" page. */
const REFUSALS = new Set(['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND']);

type YearRequest = FastifyRequest<{ Params: { year: string } }>;
type IdRequest = FastifyRequest<{ Params: { id: string } }>;

const notFound = (reply: FastifyReply) =>
  renderPage(reply.code(404), 'not-found.njk', { title: 'Page not found' });
const formOf = (request: FastifyRequest): FormValues => (request.body ?? {}) as FormValues;
const yearOf = (request: YearRequest): number | null =>
  /^\d{4}$/.test(request.params.year) ? Number(request.params.year) : null;

/** Sends a mutation; the graph's refusal comes back as the errors to show, anything else is thrown. */
async function attempt<TData, TVariables extends Record<string, unknown>>(
  deps: PortalDependencies,
  request: FastifyRequest,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  fallback: string,
  fields: Readonly<Record<string, string>> = {},
): Promise<{ data: TData; errors: null } | { data: null; errors: PageError[] }> {
  try {
    return { data: await deps.graph.request(request, document, variables), errors: null };
  } catch (error) {
    if (error instanceof GraphClientError && REFUSALS.has(error.code))
      return { data: null, errors: refusalOf(error, fallback, fields) };
    throw error;
  }
}

// ---- survey cycles ----

async function cyclesPage(deps: PortalDependencies, request: FastifyRequest, reply: FastifyReply) {
  const { surveyCycles } = await deps.graph.request(request, StaffPortalAdminCyclesDocument, {});
  const table = cyclesTable(surveyCycles);
  return renderPageOrExport(
    request,
    reply,
    `${VIEWS}/cycles.njk`,
    { title: 'Survey cycles', listing: table, backHref: '/administration' },
    [table],
  );
}

function newCycleForm(reply: FastifyReply, values: FormValues, errors: PageError[] = []) {
  return renderPage(reply, `${VIEWS}/cycle-new.njk`, {
    title: 'Create a survey cycle',
    values,
    errors,
    backHref: '/administration/cycles',
  });
}

const CYCLE_FIELDS = { year: 'year', name: 'name', opensAt: 'opensAt-day', closesAt: 'closesAt-day' };

async function createCycle(deps: PortalDependencies, request: FastifyRequest, reply: FastifyReply) {
  const form = formOf(request);
  const parsed = parseNewCycle(form);
  if (!parsed.input) return newCycleForm(reply, form, parsed.errors);
  const sent = await attempt(
    deps,
    request,
    StaffPortalCreateSurveyCycleDocument,
    { input: parsed.input },
    'year',
    CYCLE_FIELDS,
  );
  if (sent.errors) return newCycleForm(reply, form, sent.errors);
  return reply.redirect(`/administration/cycles/${sent.data.createSurveyCycle.year}?done=created`, 303);
}

const DONE_WORDS: Readonly<Record<string, string>> = {
  created: 'The cycle is created.',
  draft: 'A questionnaire draft is started from the default NETS questionnaire.',
  published: 'The draft is published as the next version.',
  opened: 'The cycle is open for responses.',
  closed: 'The cycle is closed: learners can no longer respond.',
  released: 'The results are released.',
};

async function cyclePage(
  deps: PortalDependencies,
  request: YearRequest,
  reply: FastifyReply,
  errors: PageError[] = [],
  values: FormValues = {},
) {
  const year = yearOf(request);
  if (year === null) return notFound(reply);
  const { surveyCycle } = await deps.graph.request(request, StaffPortalAdminCycleDocument, { year });
  if (!surveyCycle) return notFound(reply);
  const view = cycleView(surveyCycle);
  const done = (request.query as Record<string, unknown>)['done'];
  return renderPageOrExport(
    request,
    reply,
    `${VIEWS}/cycle.njk`,
    {
      title: `${surveyCycle.name} (${year})`,
      year,
      view,
      summary: summaryRows(view.summary),
      release: summaryRows(view.release),
      confirmation: errors.length === 0 && typeof done === 'string' ? (DONE_WORDS[done] ?? null) : null,
      values,
      errors,
      backHref: '/administration/cycles',
    },
    [view.questionnaires, view.overrides],
  );
}

/** One of the cycle's commands: sent as asked; the graph's refusal is shown on the cycle's page as it states it. */
async function cycleCommand(deps: PortalDependencies, request: YearRequest, reply: FastifyReply) {
  const year = yearOf(request);
  const form = formOf(request);
  const command = one(form, 'command');
  if (year === null) return notFound(reply);
  let errors: PageError[] | null;
  let done = command;
  switch (command) {
    case 'draft':
      ({ errors } = await attempt(
        deps,
        request,
        StaffPortalStartQuestionnaireDraftDocument,
        { year },
        'draft',
      ));
      break;
    case 'publish':
      ({ errors } = await attempt(
        deps,
        request,
        StaffPortalPublishQuestionnaireDocument,
        { year },
        'publish',
      ));
      done = 'published';
      break;
    case 'open': {
      const reason = one(form, 'reason');
      ({ errors } = await attempt(
        deps,
        request,
        StaffPortalOpenSurveyCycleDocument,
        { year, override: reason ? { reason } : null },
        'open',
        { reason: 'reason' },
      ));
      done = 'opened';
      break;
    }
    case 'close':
      ({ errors } = await attempt(deps, request, StaffPortalCloseSurveyCycleDocument, { year }, 'close'));
      done = 'closed';
      break;
    case 'release': {
      const expected = parseExpectedRespondents(form);
      if (expected.errors.length > 0) {
        errors = expected.errors;
        break;
      }
      ({ errors } = await attempt(
        deps,
        request,
        StaffPortalReleaseResultsDocument,
        { year, expectedRespondents: expected.input },
        'expectedRespondents',
      ));
      done = 'released';
      break;
    }
    default:
      return notFound(reply);
  }
  if (errors) return cyclePage(deps, request, reply, errors, form);
  return reply.redirect(`/administration/cycles/${year}?done=${done}`, 303);
}

async function questionnairePage(deps: PortalDependencies, request: IdRequest, reply: FastifyReply) {
  if (!UUID.test(request.params.id)) return notFound(reply);
  const { questionnaire } = await deps.graph.request(request, StaffPortalAdminQuestionnaireDocument, {
    id: request.params.id,
  });
  if (!questionnaire) return notFound(reply);
  const tables = questionnaireTables(questionnaire);
  return renderPageOrExport(
    request,
    reply,
    `${VIEWS}/questionnaire.njk`,
    {
      title: questionnaire.version
        ? `${questionnaire.year} questionnaire, version ${questionnaire.version}`
        : `${questionnaire.year} questionnaire draft`,
      questionnaire,
      publishedText: questionnaire.publishedAt ? dateTimeOf(questionnaire.publishedAt) : null,
      sections: questionnaire.sections.map((section, index) => ({ section, table: tables[index] })),
      backHref: `/administration/cycles/${questionnaire.year}`,
    },
    tables,
  );
}

// ---- the organisation registry ----

async function organisationsPage(deps: PortalDependencies, request: FastifyRequest, reply: FastifyReply) {
  const query = request.query as Record<string, unknown>;
  const text = (name: string) => (typeof query[name] === 'string' ? query[name].trim() : '');
  const errors: PageError[] = [];
  const filter: OrganisationFilter = {};
  if (text('search')) filter.search = text('search');
  if (text('region')) {
    if (isRegion(text('region'))) filter.region = text('region') as OrganisationFilter['region'];
    else errors.push({ field: 'region', message: 'Choose a region from the list' });
  }
  if (text('kind')) {
    if (isKind(text('kind'))) filter.kind = text('kind') as OrganisationFilter['kind'];
    else errors.push({ field: 'kind', message: 'Choose a kind from the list' });
  }
  if (text('status')) {
    if (text('status') === 'ACTIVE' || text('status') === 'CLOSED')
      filter.status = text('status') as 'ACTIVE';
    else errors.push({ field: 'status', message: 'Choose active or closed' });
  }
  const sent = await attempt(
    deps,
    request,
    StaffPortalAdminOrganisationsDocument,
    { filter, after: text('after') || null },
    'search',
    { search: 'search' },
  );
  const table = sent.data ? organisationsTable(sent.data.organisations) : null;
  const pageInfo = sent.data?.organisations.pageInfo;
  const next = new URLSearchParams(
    Object.entries({ ...filter, after: pageInfo?.endCursor ?? '' }).map(([k, v]) => [k, String(v)]),
  );
  return renderPageOrExport(
    request,
    reply,
    `${VIEWS}/organisations.njk`,
    {
      title: 'Organisation registry',
      listing: table,
      totalText: sent.data
        ? sent.data.organisations.totalCount === 1
          ? '1 organisation matches.'
          : `${sent.data.organisations.totalCount.toLocaleString('en-GB')} organisations match.`
        : null,
      filter,
      kinds: ORGANISATION_KINDS,
      regions: REGION_OPTIONS,
      nextHref: pageInfo?.hasNextPage ? `/administration/organisations?${next.toString()}` : null,
      errors: [...errors, ...(sent.errors ?? [])],
      backHref: '/administration',
    },
    table ? [table] : [],
  );
}

async function loadOrganisation(
  deps: PortalDependencies,
  request: IdRequest,
): Promise<AdminOrganisation | null> {
  if (!UUID.test(request.params.id)) return null;
  const { organisation } = await deps.graph.request(request, StaffPortalAdminOrganisationDocument, {
    id: request.params.id,
  });
  return organisation;
}

async function organisationPage(deps: PortalDependencies, request: IdRequest, reply: FastifyReply) {
  const organisation = await loadOrganisation(deps, request);
  if (!organisation) return notFound(reply);
  const view = organisationView(organisation);
  const done = (request.query as Record<string, unknown>)['done'];
  const confirmations: Record<string, string> = {
    registered: 'The organisation is registered.',
    updated: 'The organisation’s details are updated.',
    merged: 'The organisation is closed and merged into its successor.',
    closed: 'The organisation is closed.',
  };
  return renderPageOrExport(
    request,
    reply,
    `${VIEWS}/organisation.njk`,
    {
      title: organisation.name,
      organisation,
      summary: summaryRows(view.summary),
      sites: view.sites,
      confirmation: typeof done === 'string' ? (confirmations[done] ?? null) : null,
      backHref: '/administration/organisations',
    },
    [view.sites],
  );
}

const ORGANISATION_FIELDS = {
  odsCode: 'odsCode',
  name: 'name',
  kind: 'kind',
  roles: 'roles',
  region: 'region',
  sites: 'sites',
};

function organisationForm(
  reply: FastifyReply,
  values: FormValues,
  errors: PageError[],
  organisation: AdminOrganisation | null,
) {
  return renderPage(reply, `${VIEWS}/organisation-form.njk`, {
    title: organisation ? `Update ${organisation.name}` : 'Register an organisation',
    organisation,
    values,
    roleValues: Array.isArray(values['roles']) ? values['roles'] : values['roles'] ? [values['roles']] : [],
    kinds: ORGANISATION_KINDS,
    roleOptions: ORGANISATION_ROLE_OPTIONS,
    regions: REGION_OPTIONS,
    errors,
    backHref: organisation
      ? `/administration/organisations/${organisation.id}`
      : '/administration/organisations',
  });
}

const valuesOf = (organisation: AdminOrganisation): FormValues => ({
  name: organisation.name,
  roles: [...organisation.roles],
  region: organisation.region,
  sites: organisation.sites.map((site) => `${site.code}, ${site.name}`).join('\n'),
});

async function registerOrganisation(deps: PortalDependencies, request: FastifyRequest, reply: FastifyReply) {
  const form = formOf(request);
  const parsed = parseRegistration(form);
  if (!parsed.input) return organisationForm(reply, form, parsed.errors, null);
  const sent = await attempt(
    deps,
    request,
    StaffPortalRegisterOrganisationDocument,
    { input: parsed.input },
    'odsCode',
    ORGANISATION_FIELDS,
  );
  if (sent.errors) return organisationForm(reply, form, sent.errors, null);
  return reply.redirect(
    `/administration/organisations/${sent.data.registerOrganisation.id}?done=registered`,
    303,
  );
}

async function updateOrganisation(deps: PortalDependencies, request: IdRequest, reply: FastifyReply) {
  const organisation = await loadOrganisation(deps, request);
  if (!organisation) return notFound(reply);
  const form = formOf(request);
  const parsed = parseUpdate(form);
  if (!parsed.input) return organisationForm(reply, form, parsed.errors, organisation);
  const sent = await attempt(
    deps,
    request,
    StaffPortalUpdateOrganisationDocument,
    { id: organisation.id, input: parsed.input },
    'name',
    ORGANISATION_FIELDS,
  );
  if (sent.errors) return organisationForm(reply, form, sent.errors, organisation);
  return reply.redirect(`/administration/organisations/${organisation.id}?done=updated`, 303);
}

function mergeForm(
  reply: FastifyReply,
  organisation: AdminOrganisation,
  values: FormValues,
  errors: PageError[] = [],
) {
  return renderPage(reply, `${VIEWS}/organisation-merge.njk`, {
    title: `Merge ${organisation.name} into another organisation`,
    organisation,
    values,
    errors,
    backHref: `/administration/organisations/${organisation.id}`,
  });
}

async function mergeOrganisation(deps: PortalDependencies, request: IdRequest, reply: FastifyReply) {
  const organisation = await loadOrganisation(deps, request);
  if (!organisation) return notFound(reply);
  const form = formOf(request);
  const code = one(form, 'successor').toUpperCase();
  if (!code)
    return mergeForm(reply, organisation, form, [
      { field: 'successor', message: 'Enter the successor’s ODS code' },
    ]);
  const { organisationByOdsCode: successor } = await deps.graph.request(
    request,
    StaffPortalAdminOrganisationByCodeDocument,
    { odsCode: code },
  );
  if (!successor)
    return mergeForm(reply, organisation, form, [
      { field: 'successor', message: `No organisation has the ODS code ${code}` },
    ]);
  const sent = await attempt(
    deps,
    request,
    StaffPortalMergeOrganisationsDocument,
    { fromId: organisation.id, intoId: successor.id },
    'successor',
  );
  if (sent.errors) return mergeForm(reply, organisation, form, sent.errors);
  return reply.redirect(`/administration/organisations/${organisation.id}?done=merged`, 303);
}

function closeForm(reply: FastifyReply, organisation: AdminOrganisation, errors: PageError[] = []) {
  return renderPage(reply, `${VIEWS}/organisation-close.njk`, {
    title: `Close ${organisation.name}`,
    organisation,
    errors,
    backHref: `/administration/organisations/${organisation.id}`,
  });
}

async function closeOrganisation(deps: PortalDependencies, request: IdRequest, reply: FastifyReply) {
  const organisation = await loadOrganisation(deps, request);
  if (!organisation) return notFound(reply);
  const sent = await attempt(
    deps,
    request,
    StaffPortalCloseOrganisationDocument,
    { id: organisation.id },
    'close',
  );
  if (sent.errors) return closeForm(reply, organisation, sent.errors);
  return reply.redirect(`/administration/organisations/${organisation.id}?done=closed`, 303);
}

function importForm(reply: FastifyReply, values: FormValues, errors: PageError[] = []) {
  return renderPage(reply, `${VIEWS}/organisations-import.njk`, {
    title: 'Import organisations from a CSV',
    values,
    errors,
    backHref: '/administration/organisations',
  });
}

/**
 * The import, in two steps: `preview` asks the graph for a dry run (nothing stored) and shows every row's
 * outcome; only a preview without rejected rows offers `apply`, which sends the same CSV for real.
 */
async function importOrganisations(deps: PortalDependencies, request: FastifyRequest, reply: FastifyReply) {
  const form = formOf(request);
  const csv = typeof form['csv'] === 'string' ? form['csv'].replace(/\r\n?/g, '\n').trim() : '';
  if (!csv)
    return importForm(reply, form, [
      { field: 'csv', message: 'Paste the CSV, starting with its header line' },
    ]);
  const apply = one(form, 'step') === 'apply';
  const sent = await attempt(
    deps,
    request,
    StaffPortalImportOrganisationsDocument,
    { csv, dryRun: !apply },
    'csv',
  );
  if (sent.errors) return importForm(reply, form, sent.errors);
  const report = sent.data.importOrganisations;
  const preview = importPreview(csv, report);
  const errors: PageError[] = report.rejected.map((r) => ({
    field: 'import-rejected',
    message: `Line ${r.line}${r.code ? ` (${r.code})` : ''}: ${r.reasons.join('; ')}`,
  }));
  return renderPage(reply, `${VIEWS}/organisations-import-preview.njk`, {
    title: report.committed ? 'Organisations imported' : 'Check the import before it is applied',
    report,
    preview,
    csv,
    errors,
    backHref: '/administration/organisations/import',
  });
}

function register(app: FastifyInstance, deps: PortalDependencies): void {
  const admins = { preHandler: allowRoles(ADMIN) };
  app.get('/administration', admins, (_request, reply) =>
    renderPage(reply, `${VIEWS}/administration.njk`, { title: 'Survey administration' }),
  );
  app.get('/administration/cycles', admins, (request, reply) => cyclesPage(deps, request, reply));
  app.get('/administration/cycles/new', admins, (_request, reply) => newCycleForm(reply, {}));
  app.post('/administration/cycles/new', admins, (request, reply) => createCycle(deps, request, reply));
  app.get<{ Params: { year: string } }>('/administration/cycles/:year', admins, (request, reply) =>
    cyclePage(deps, request, reply),
  );
  app.post<{ Params: { year: string } }>('/administration/cycles/:year', admins, (request, reply) =>
    cycleCommand(deps, request, reply),
  );
  app.get<{ Params: { id: string } }>('/administration/questionnaires/:id', admins, (request, reply) =>
    questionnairePage(deps, request, reply),
  );
  app.get('/administration/organisations', admins, (request, reply) =>
    organisationsPage(deps, request, reply),
  );
  app.get('/administration/organisations/new', admins, (_request, reply) =>
    organisationForm(reply, { roles: ['PLACEMENT_PROVIDER'] }, [], null),
  );
  app.post('/administration/organisations/new', admins, (request, reply) =>
    registerOrganisation(deps, request, reply),
  );
  app.get('/administration/organisations/import', admins, (_request, reply) => importForm(reply, {}));
  app.post('/administration/organisations/import', admins, (request, reply) =>
    importOrganisations(deps, request, reply),
  );
  app.get<{ Params: { id: string } }>('/administration/organisations/:id', admins, (request, reply) =>
    organisationPage(deps, request, reply),
  );
  app.get<{ Params: { id: string } }>(
    '/administration/organisations/:id/update',
    admins,
    async (request, reply) => {
      const organisation = await loadOrganisation(deps, request);
      return organisation
        ? organisationForm(reply, valuesOf(organisation), [], organisation)
        : notFound(reply);
    },
  );
  app.post<{ Params: { id: string } }>('/administration/organisations/:id/update', admins, (request, reply) =>
    updateOrganisation(deps, request, reply),
  );
  app.get<{ Params: { id: string } }>(
    '/administration/organisations/:id/merge',
    admins,
    async (request, reply) => {
      const organisation = await loadOrganisation(deps, request);
      return organisation ? mergeForm(reply, organisation, {}) : notFound(reply);
    },
  );
  app.post<{ Params: { id: string } }>('/administration/organisations/:id/merge', admins, (request, reply) =>
    mergeOrganisation(deps, request, reply),
  );
  app.get<{ Params: { id: string } }>(
    '/administration/organisations/:id/close',
    admins,
    async (request, reply) => {
      const organisation = await loadOrganisation(deps, request);
      return organisation ? closeForm(reply, organisation) : notFound(reply);
    },
  );
  app.post<{ Params: { id: string } }>('/administration/organisations/:id/close', admins, (request, reply) =>
    closeOrganisation(deps, request, reply),
  );
}

/** Survey administration (issue 18, ADMIN only): survey cycles and their questionnaires, the organisation registry. */
export const administrationFeature: StaffFeature = {
  name: 'administration',
  navigation: { href: '/administration', text: 'Administration', roles: ADMIN },
  register,
};
