import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { REGION_NAMES, REGIONS, type Region } from '@nets/shared/auth';
import { renderPage, type PageError } from '@nets/web/ui-nhsuk';
import { GraphClientError } from '@nets/web/graph-client';
import {
  StaffPortalConcernDashboardDocument,
  StaffPortalConcernDocument,
  StaffPortalConcernIsfLevelsDocument,
  StaffPortalConcernListDocument,
  StaffPortalRaiseConcernDocument,
  StaffPortalRaiseConcernOrganisationsDocument,
  type StaffPortalConcernQuery,
  type StaffPortalRaiseConcernOrganisationsQuery,
} from '../../__generated__/graphql';
import { allowRoles } from '../../auth/role-gate';
import { NATIONAL_ROLES, ORGANISATION_ROLES, REGIONAL_ROLES } from '../../auth/roles';
import { renderPageOrExport } from '../../exports/export-reply';
import { userOf, type PortalDependencies } from '../../portal-context';
import type { StaffFeature } from '../staff-feature';
import { isUuid } from '../provider-dashboard/dashboard-address';
import {
  commandFields,
  initialValues,
  parseCommand,
  parseRiskCell,
  type FormValues,
} from './concern-command-forms';
import { sendCommand } from './concern-command-sender';
import { COMMANDS, isConcernCommand, isOffered, type ConcernCommand } from './concern-commands';
import { readSeenState, type SeenState } from '../../views/seen-state';
import { changesSince } from './concern-conflict.view';
import { graphFilter, readListAddress } from './concern-list.filters';
import { concernListView } from './concern-list.view';
import { concernPageView } from './concern-page.view';
import { concernsDashboardView, countSteps } from './concerns-dashboard.view';
import { riskMatrixView } from './risk-matrix';
import {
  RAISERS,
  SEARCH_LIMIT,
  categoryOptions,
  chosenOrganisation,
  parseRaiseConcern,
  searchOrganisations,
  type RaisableOrganisation,
} from './raise-concern.form';

const VIEWS = 'features/concerns/views';
const PAGE_SIZE = 20;
/** The graph's largest page: the dashboard counts pathway steps over this many of the newest concerns. */
const STEP_SAMPLE = 100;
const READERS = [...REGIONAL_ROLES, ...ORGANISATION_ROLES];

type ConcernRequest = FastifyRequest<{ Params: { concernId: string } }>;
type CommandRoute = FastifyRequest<{ Params: { concernId: string; command: string } }>;
type Loaded = {
  concern: NonNullable<StaffPortalConcernQuery['concern']>;
  isfLevels: StaffPortalConcernQuery['concernIsfLevels'];
};

const isRegion = (value: string): value is Region => (REGIONS as readonly string[]).includes(value);

const notFound = (reply: FastifyReply) =>
  renderPage(reply.code(404), 'not-found.njk', { title: 'Page not found' });

async function dashboard(deps: PortalDependencies, request: FastifyRequest, reply: FastifyReply) {
  const user = userOf(request);
  if (ORGANISATION_ROLES.includes(user.role)) return reply.redirect('/concerns/list', 303);
  const query = request.query as Record<string, unknown>;
  const errors: PageError[] = [];
  let region = REGIONAL_ROLES.includes(user.role) ? user.region : undefined;
  const asked = typeof query['region'] === 'string' ? query['region'] : '';
  if (NATIONAL_ROLES.includes(user.role) && asked) {
    if (isRegion(asked)) region = asked;
    else errors.push({ field: 'region', message: 'Choose a region from the list' });
  }
  const readsConcerns = REGIONAL_ROLES.includes(user.role);
  const [{ concernDashboard }, sample] = await Promise.all([
    deps.graph.request(request, StaffPortalConcernDashboardDocument, { region: region ?? null }),
    readsConcerns
      ? deps.graph.request(request, StaffPortalConcernListDocument, { first: STEP_SAMPLE })
      : null,
  ]);
  const steps = sample
    ? { counts: countSteps(sample.concerns.nodes), covered: sample.concerns.nodes.length }
    : null;
  const view = concernsDashboardView(concernDashboard, steps, readsConcerns);
  return renderPageOrExport(
    request,
    reply,
    `${VIEWS}/concerns-dashboard.njk`,
    {
      title: `Concerns: ${concernDashboard.region ? REGION_NAMES[concernDashboard.region] : 'England'}`,
      view,
      errors,
      listHref: readsConcerns ? '/concerns/list' : null,
      raiseHref: RAISERS.includes(user.role) ? '/concerns/raise' : null,
    },
    view.tables,
  );
}

async function list(deps: PortalDependencies, request: FastifyRequest, reply: FastifyReply) {
  const { address, errors } = readListAddress(request.query as Record<string, unknown>);
  const [{ concerns }, levels] = await Promise.all([
    deps.graph.request(request, StaffPortalConcernListDocument, {
      filter: graphFilter(address),
      first: PAGE_SIZE,
      after: address.after ?? null,
    }),
    isfLevelNumbers(deps, request),
  ]);
  const view = concernListView(concerns, address, levels);
  const user = userOf(request);
  return renderPageOrExport(
    request,
    reply,
    `${VIEWS}/concern-list.njk`,
    {
      title: 'Concerns',
      view,
      errors,
      backHref: REGIONAL_ROLES.includes(user.role) ? '/concerns' : undefined,
      raiseHref: RAISERS.includes(user.role) ? '/concerns/raise' : null,
    },
    [view.table],
  );
}

async function isfLevelNumbers(deps: PortalDependencies, request: FastifyRequest): Promise<number[]> {
  const { concernIsfLevels } = await deps.graph.request(request, StaffPortalConcernIsfLevelsDocument, {});
  return concernIsfLevels.map((l) => l.level);
}

async function load(deps: PortalDependencies, request: FastifyRequest, id: string): Promise<Loaded | null> {
  const answer = await deps.graph.request(request, StaffPortalConcernDocument, { id });
  return answer.concern ? { concern: answer.concern, isfLevels: answer.concernIsfLevels } : null;
}

async function concernPage(deps: PortalDependencies, request: ConcernRequest, reply: FastifyReply) {
  if (!isUuid(request.params.concernId)) return notFound(reply);
  const loaded = await load(deps, request, request.params.concernId);
  if (!loaded) return notFound(reply);
  const view = concernPageView(loaded.concern);
  const done = typeof (request.query as Record<string, unknown>)['done'] === 'string';
  const doneCommand = (request.query as Record<string, string>)['done'] ?? '';
  return renderPageOrExport(
    request,
    reply,
    `${VIEWS}/concern.njk`,
    {
      title: `Concern ${loaded.concern.reference}`,
      view,
      confirmation: done && isConcernCommand(doneCommand) ? COMMANDS[doneCommand].title : null,
      raised: doneCommand === 'raised',
      backHref: '/concerns/list',
    },
    [view.actions, view.timeline],
  );
}

function renderCommandForm(
  reply: FastifyReply,
  command: ConcernCommand,
  loaded: Loaded,
  values: FormValues,
  errors: PageError[] = [],
  conflict: ReturnType<typeof changesSince> | null = null,
) {
  const fields = commandFields(command, loaded.concern, loaded.isfLevels);
  const risk = fields.some((f) => f.kind === 'risk')
    ? riskMatrixView(parseRiskCell(typeof values['risk'] === 'string' ? values['risk'] : ''))
    : null;
  return renderPage(reply, `${VIEWS}/concern-command.njk`, {
    title: COMMANDS[command].title,
    reference: loaded.concern.reference,
    action: `/concerns/${loaded.concern.id}/${command}`,
    backHref: `/concerns/${loaded.concern.id}`,
    fields: fields.map((field) => ({ ...field, ...enteredValue(values, field.name) })),
    values,
    riskMatrix: risk,
    seen: { version: loaded.concern.version, timelineLength: loaded.concern.timeline.length },
    conflict,
    errors,
  });
}

/** A field's value as the user entered it: one value, or every value of a group of checkboxes. */
function enteredValue(values: FormValues, name: string): { value: string; values: string[] } {
  const entered = values[name];
  const all = entered === undefined ? [] : Array.isArray(entered) ? entered : [entered];
  return { value: all[0] ?? '', values: all };
}

/** Loads the concern and checks the command is one this role may use on it now; otherwise replies. */
async function commandTarget(
  deps: PortalDependencies,
  request: CommandRoute,
  reply: FastifyReply,
): Promise<{ command: ConcernCommand; loaded: Loaded } | null> {
  const { concernId, command } = request.params;
  if (!isUuid(concernId) || !isConcernCommand(command)) {
    await notFound(reply);
    return null;
  }
  const loaded = await load(deps, request, concernId);
  if (!loaded) {
    await notFound(reply);
    return null;
  }
  if (!isOffered(command, loaded.concern)) {
    await renderPage(reply.code(409), `${VIEWS}/command-not-offered.njk`, {
      title: 'You cannot do this to the concern now',
      statusText: concernPageView(loaded.concern).statusText,
      backHref: `/concerns/${concernId}`,
      concernHref: `/concerns/${concernId}`,
    });
    return null;
  }
  return { command, loaded };
}

async function commandForm(deps: PortalDependencies, request: CommandRoute, reply: FastifyReply) {
  const target = await commandTarget(deps, request, reply);
  if (!target) return reply;
  return renderCommandForm(
    reply,
    target.command,
    target.loaded,
    initialValues(target.command, target.loaded.concern),
  );
}

async function commandSubmit(deps: PortalDependencies, request: CommandRoute, reply: FastifyReply) {
  const target = await commandTarget(deps, request, reply);
  if (!target) return reply;
  const { command, loaded } = target;
  const form = (request.body ?? {}) as FormValues;
  const seen = readSeenState(form);
  if (!seen) return renderCommandForm(reply, command, loaded, form);
  if (seen.version !== loaded.concern.version) return conflictReply(reply, command, loaded, form, seen);
  const { request: parsed, errors } = parseCommand(command, form, loaded.concern, loaded.isfLevels);
  if (!parsed) return renderCommandForm(reply, command, loaded, form, errors);
  try {
    await sendCommand(deps, request, { id: loaded.concern.id, expectedVersion: seen.version }, parsed);
  } catch (error) {
    if (!(error instanceof GraphClientError)) throw error;
    if (error.code === 'CONFLICT') {
      const now = await load(deps, request, loaded.concern.id);
      if (!now) return notFound(reply);
      if (now.concern.version !== seen.version) return conflictReply(reply, command, now, form, seen);
      return renderCommandForm(reply, command, now, form, [
        { field: 'command', message: error.errors[0]?.message ?? 'The concern cannot take this now' },
      ]);
    }
    if (error.code === 'BAD_USER_INPUT')
      return renderCommandForm(reply, command, loaded, form, refusal(error));
    throw error;
  }
  return reply.redirect(`/concerns/${loaded.concern.id}?done=${command}`, 303);
}

/** Someone else changed the concern: show what changed, keep what the user typed, and let them send it again. */
function conflictReply(
  reply: FastifyReply,
  command: ConcernCommand,
  now: Loaded,
  form: FormValues,
  seen: SeenState,
) {
  const errors = [
    {
      field: 'what-changed',
      message:
        'Someone else changed this concern while you were working on it. Check what changed, then submit again',
    },
  ];
  if (!isOffered(command, now.concern))
    errors.push({ field: 'what-changed', message: 'This can no longer be done: go back to the concern' });
  // Shown with the error summary, so the page answers 400 like every form with something to correct.
  return renderCommandForm(reply, command, now, form, errors, changesSince(seen, now.concern));
}

/** The graph's refusal of bad input, named against the form's fields where it names one. */
function refusal(error: GraphClientError): PageError[] {
  const first = error.errors[0];
  const details = first?.details ?? [];
  if (details.length === 0)
    return [{ field: 'command', message: first?.message ?? 'The graph refused this' }];
  return details.map((detail) => ({
    field:
      String(detail.path ?? 'command')
        .split('.')
        .pop() ?? 'command',
    message: detail.message,
  }));
}

/** The placement providers the user may raise a concern about: the quality team's region, or all. */
async function raisableOrganisations(deps: PortalDependencies, request: FastifyRequest) {
  const user = userOf(request);
  const region = user.role === 'QUALITY_TEAM' ? (user.region ?? null) : null;
  const found: RaisableOrganisation[] = [];
  let after: string | null = null;
  for (;;) {
    const answer: StaffPortalRaiseConcernOrganisationsQuery = await deps.graph.request(
      request,
      StaffPortalRaiseConcernOrganisationsDocument,
      { region, after },
    );
    const { organisations } = answer;
    found.push(...organisations.edges.map((edge) => edge.node));
    if (!organisations.pageInfo.hasNextPage || !organisations.pageInfo.endCursor) return found;
    after = organisations.pageInfo.endCursor;
  }
}

async function renderRaiseForm(
  deps: PortalDependencies,
  request: FastifyRequest,
  reply: FastifyReply,
  form: FormValues = {},
  errors: PageError[] = [],
  organisations?: RaisableOrganisation[],
) {
  const value = (name: string) => (typeof form[name] === 'string' ? form[name] : '');
  const offered = organisations ?? (await raisableOrganisations(deps, request));
  const chosen = chosenOrganisation(form, offered);
  const search = value('organisationSearch');
  const { matches, more } = searchOrganisations(offered, search);
  // The chosen organisation stays listed (and chosen) whatever was searched since.
  const listed = chosen && !matches.some((o) => o.id === chosen.id) ? [chosen, ...matches] : matches;
  // With nothing listed to choose from, the error summary's link goes to the search field.
  const named = errors.map((e) =>
    e.field === 'organisationId' && listed.length === 0 ? { ...e, field: 'organisationSearch' } : e,
  );
  return renderPage(reply, `${VIEWS}/raise-concern.njk`, {
    title: 'Raise a concern',
    backHref: '/concerns/list',
    qualityTeam: userOf(request).role === 'QUALITY_TEAM',
    organisationSearch: {
      text: search,
      searched: search.trim() !== '',
      offered: offered.length,
      more,
      limit: SEARCH_LIMIT,
      items: listed.map((o) => ({ value: o.id, text: `${o.name} (${o.odsCode})` })),
      chosen: chosen?.id ?? '',
    },
    categories: categoryOptions(value('category')),
    values: {
      source: value('source'),
      description: value('description'),
      standards: value('standards'),
      programme: value('programme'),
    },
    errors: named,
  });
}

async function raiseSubmit(deps: PortalDependencies, request: FastifyRequest, reply: FastifyReply) {
  const form = (request.body ?? {}) as FormValues;
  const organisations = await raisableOrganisations(deps, request);
  // "Search" (or Enter in the search field) lists the matches; nothing is checked or sent yet.
  if (form['intent'] === 'search') return renderRaiseForm(deps, request, reply, form, [], organisations);
  const { input, errors } = parseRaiseConcern(form, userOf(request).role, organisations);
  if (!input) return renderRaiseForm(deps, request, reply, form, errors, organisations);
  try {
    const { raiseConcern } = await deps.graph.request(request, StaffPortalRaiseConcernDocument, { input });
    return reply.redirect(`/concerns/${raiseConcern.id}?done=raised`, 303);
  } catch (error) {
    if (!(error instanceof GraphClientError) || error.code !== 'BAD_USER_INPUT') throw error;
    const named = refusal(error).map((e) => ({
      ...e,
      field: e.field === 'standardsAtRisk' ? 'standards' : e.field,
    }));
    return renderRaiseForm(deps, request, reply, form, named, organisations);
  }
}

function register(app: FastifyInstance, deps: PortalDependencies): void {
  const readers = { preHandler: allowRoles(READERS) };
  app.get('/concerns', (request, reply) => dashboard(deps, request, reply));
  app.get('/concerns/list', readers, (request, reply) => list(deps, request, reply));
  const raisers = { preHandler: allowRoles(RAISERS) };
  app.get('/concerns/raise', raisers, (request, reply) => renderRaiseForm(deps, request, reply));
  app.post('/concerns/raise', raisers, (request, reply) => raiseSubmit(deps, request, reply));
  app.get<{ Params: { concernId: string } }>('/concerns/:concernId', readers, (request, reply) =>
    concernPage(deps, request, reply),
  );
  app.get<{ Params: { concernId: string; command: string } }>(
    '/concerns/:concernId/:command',
    readers,
    (request, reply) => commandForm(deps, request, reply),
  );
  app.post<{ Params: { concernId: string; command: string } }>(
    '/concerns/:concernId/:command',
    readers,
    (request, reply) => commandSubmit(deps, request, reply),
  );
}

/** Concerns casework: the regional dashboard, the list, a concern's page and every command on it. */
export const concernsFeature: StaffFeature = {
  name: 'concerns',
  navigation: {
    href: '/concerns',
    text: 'Concerns',
    roles: [...REGIONAL_ROLES, ...ORGANISATION_ROLES, ...NATIONAL_ROLES],
  },
  register,
};
