import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderPage } from '@nets/web/ui-nhsuk';
import {
  callerOf,
  formBody,
  isChange,
  sessionOf,
  withChange,
  type JourneyDependencies,
} from '../../journey/journey-context';
import type { LearnerGroup, Programme } from '../../graph/survey-graph';
import type { LearnerSession } from '../../session/learner-session';
import type { FieldError } from '../questionnaire/questionnaire.rules';
import {
  formFromDetails,
  readDetailsForm,
  text,
  validateDetails,
  type PlacementDetailsForm,
} from './placement.rules';

const FIRST_SECTION = '/questions/1';

/** Where the placement steps go next: back to check your answers when changing, else onwards. */
const next = (change: boolean, path: string): string => (change ? '/check-answers' : path);

type Errors = FieldError[];
type Organisation = NonNullable<LearnerSession['organisation']>;

// One render function per page: the GET shows it, the POST shows it again with its errors.
const organisationPage = (
  reply: FastifyReply,
  page: {
    search: string;
    searched: boolean;
    found: Awaited<ReturnType<JourneyDependencies['graph']['searchOrganisations']>> | null;
    change: boolean;
    chosen?: Organisation;
    errors: Errors;
  },
) =>
  renderPage(reply, 'placement-organisation.njk', {
    title: 'Where was your placement?',
    backHref: '/',
    ...page,
  });

const sitePage = (
  reply: FastifyReply,
  organisation: Organisation,
  change: boolean,
  siteId?: string,
  errors?: Errors,
) =>
  renderPage(reply, 'placement-site.njk', {
    title: `Which ${organisation.name} site was your placement at?`,
    backHref: '/placement/organisation',
    organisation,
    siteId,
    change,
    errors,
  });

const learnerGroupPage = (
  reply: FastifyReply,
  groups: LearnerGroup[],
  change: boolean,
  value?: string,
  errors?: Errors,
) =>
  renderPage(reply, 'placement-learner-group.njk', {
    title: 'Which learner group are you in?',
    backHref: '/placement/organisation',
    groups,
    value,
    change,
    errors,
  });

const professionPage = (
  reply: FastifyReply,
  group: LearnerGroup,
  change: boolean,
  value?: string,
  errors?: Errors,
) =>
  renderPage(reply, 'placement-profession.njk', {
    title: 'What is your profession or training programme type?',
    backHref: '/placement/learner-group',
    group,
    value,
    change,
    errors,
  });

const educationPage = (
  reply: FastifyReply,
  page: {
    search: string;
    searched: boolean;
    found: Awaited<ReturnType<JourneyDependencies['graph']['searchEducationProviders']>> | null;
    change: boolean;
    chosen?: LearnerSession['education'];
    errors: Errors;
  },
) =>
  renderPage(reply, 'placement-education.njk', {
    title: 'Which university or college runs your course?',
    backHref: '/placement/profession',
    ...page,
  });

const programmePage = (
  reply: FastifyReply,
  page: {
    education: NonNullable<LearnerSession['education']>;
    programmes: Programme[];
    change: boolean;
    value?: string;
    errors?: Errors;
  },
) =>
  renderPage(reply, 'placement-programme.njk', {
    title: 'Which programme are you on?',
    backHref: '/placement/education',
    ...page,
  });

/** The programmes of the learner's group, and the one open to every group. */
const programmesFor = (programmes: Programme[], learnerGroup: string | undefined): Programme[] =>
  programmes.filter(
    (p) =>
      p.learnerGroups.length === 0 || (learnerGroup !== undefined && p.learnerGroups.includes(learnerGroup)),
  );

const detailsPage = (reply: FastifyReply, form: PlacementDetailsForm, change: boolean, errors?: Errors) =>
  renderPage(reply, 'placement-details.njk', {
    title: 'About your placement and training',
    backHref: '/placement/education',
    form,
    change,
    errors,
  });

/**
 * A GET search form's state: what was typed, whether it was sent, the matches (null until a search of at least
 * two letters), and the error to show when it was too short.
 */
async function searchOf<T>(
  request: FastifyRequest,
  tooShort: string,
  find: (search: string) => Promise<T>,
): Promise<{ search: string; searched: boolean; found: T | null; errors: Errors }> {
  const query = request.query as Record<string, string | undefined>;
  const search = (query['search'] ?? '').trim();
  const searched = 'search' in query;
  const errors = searched && search.length < 2 ? [{ field: 'search', message: tooShort }] : [];
  const found = searched && errors.length === 0 ? await find(search) : null;
  return { search, searched, found, errors };
}

export function registerPlacementRoutes(app: FastifyInstance, deps: JourneyDependencies): void {
  // Search is a GET form, so it works without JavaScript and the results page can be bookmarked or reloaded.
  app.get('/placement/organisation', async (request, reply) => {
    const session = sessionOf(deps, request, reply);
    const change = isChange(request);
    const state = await searchOf(request, 'Enter at least 2 letters of the name or the ODS code', (search) =>
      deps.graph.searchOrganisations(search, callerOf(request)),
    );
    return organisationPage(reply, { ...state, change, chosen: session.organisation });
  });

  app.post('/placement/organisation', async (request, reply) => {
    const session = sessionOf(deps, request, reply);
    const change = isChange(request);
    const id = text(formBody(request), 'organisationId');
    const search = text(formBody(request), 'search');
    const organisation = id ? await deps.graph.organisation(id, callerOf(request)) : null;
    if (!organisation) {
      const found = search ? await deps.graph.searchOrganisations(search, callerOf(request)) : null;
      return organisationPage(reply, {
        search,
        searched: Boolean(search),
        found,
        change,
        errors: [
          {
            field: found?.organisations.length ? 'organisationId-1' : 'search',
            message: found?.organisations.length
              ? 'Select the organisation where your placement was'
              : 'Search for the organisation where your placement was',
          },
        ],
      });
    }
    if (session.organisation?.id !== organisation.id) {
      session.siteId = organisation.sites.length === 1 ? organisation.sites[0].id : undefined;
      deps.sessions.touch(session);
    }
    session.organisation = {
      id: organisation.id,
      name: organisation.name,
      odsCode: organisation.odsCode,
      sites: organisation.sites.map((s) => ({ id: s.id, name: s.name })),
    };
    if (organisation.sites.length > 1) return reply.redirect(withChange('/placement/site', change), 303);
    return reply.redirect(next(change, '/placement/learner-group'), 303);
  });

  app.get('/placement/site', async (request, reply) => {
    const session = sessionOf(deps, request, reply);
    if (!session.organisation) return reply.redirect('/placement/organisation', 303);
    return sitePage(reply, session.organisation, isChange(request), session.siteId);
  });

  app.post('/placement/site', async (request, reply) => {
    const session = sessionOf(deps, request, reply);
    if (!session.organisation) return reply.redirect('/placement/organisation', 303);
    const change = isChange(request);
    const siteId = text(formBody(request), 'siteId');
    if (!session.organisation.sites.some((s) => s.id === siteId)) {
      return sitePage(reply, session.organisation, change, undefined, [
        { field: 'siteId-1', message: 'Select the site where your placement was' },
      ]);
    }
    if (session.siteId !== siteId) deps.sessions.touch(session);
    session.siteId = siteId;
    return reply.redirect(next(change, '/placement/learner-group'), 303);
  });

  app.get('/placement/learner-group', async (request, reply) => {
    const session = sessionOf(deps, request, reply);
    return learnerGroupPage(reply, await deps.graph.learnerGroups(), isChange(request), session.learnerGroup);
  });

  app.post('/placement/learner-group', async (request, reply) => {
    const session = sessionOf(deps, request, reply);
    const change = isChange(request);
    const groups = await deps.graph.learnerGroups();
    const code = text(formBody(request), 'learnerGroup');
    if (!groups.some((g) => g.code === code)) {
      return learnerGroupPage(reply, groups, change, undefined, [
        { field: 'learnerGroup-1', message: 'Select your learner group' },
      ]);
    }
    if (session.learnerGroup !== code) {
      session.profession = undefined;
      // Programmes belong to learner groups: another group needs its programme chosen again.
      session.programme = undefined;
      deps.sessions.touch(session);
    }
    session.learnerGroup = code;
    // A new group needs its profession, even when changing from check your answers.
    if (!session.profession) return reply.redirect(withChange('/placement/profession', change), 303);
    return reply.redirect(next(change, '/placement/profession'), 303);
  });

  app.get('/placement/profession', async (request, reply) => {
    const session = sessionOf(deps, request, reply);
    const group = (await deps.graph.learnerGroups()).find((g) => g.code === session.learnerGroup);
    if (!group) return reply.redirect('/placement/learner-group', 303);
    return professionPage(reply, group, isChange(request), session.profession);
  });

  app.post('/placement/profession', async (request, reply) => {
    const session = sessionOf(deps, request, reply);
    const change = isChange(request);
    const group = (await deps.graph.learnerGroups()).find((g) => g.code === session.learnerGroup);
    if (!group) return reply.redirect('/placement/learner-group', 303);
    const code = text(formBody(request), 'profession');
    if (!group.professions.some((p) => p.code === code)) {
      return professionPage(reply, group, change, undefined, [
        { field: 'profession-1', message: 'Select your profession' },
      ]);
    }
    if (session.profession !== code) deps.sessions.touch(session);
    session.profession = code;
    return reply.redirect(next(change, '/placement/education'), 303);
  });

  // Like the placement search: a GET form that works without JavaScript. Optional: the learner may skip it.
  app.get('/placement/education', async (request, reply) => {
    const session = sessionOf(deps, request, reply);
    const change = isChange(request);
    const state = await searchOf(
      request,
      'Enter at least 2 letters of the university or college’s name',
      (search) => deps.graph.searchEducationProviders(search, callerOf(request)),
    );
    return educationPage(reply, { ...state, change, chosen: session.education });
  });

  app.post('/placement/education', async (request, reply) => {
    const session = sessionOf(deps, request, reply);
    const change = isChange(request);
    const body = formBody(request);
    if (text(body, 'skip')) {
      if (session.education || session.programme) deps.sessions.touch(session);
      session.education = undefined;
      session.programme = undefined;
      return reply.redirect(next(change, '/placement/details'), 303);
    }
    const id = text(body, 'organisationId');
    const search = text(body, 'search');
    // Only an organisation the education-provider search offers: a placement provider's id is not taken here.
    const found = search ? await deps.graph.searchEducationProviders(search, callerOf(request)) : null;
    const organisation = found?.organisations.find((o) => o.id === id);
    if (!organisation) {
      return educationPage(reply, {
        search,
        searched: Boolean(search),
        found,
        change,
        errors: [
          {
            field: found?.organisations.length ? 'organisationId-1' : 'search',
            message: found?.organisations.length
              ? 'Select your university or college'
              : 'Search for your university or college',
          },
        ],
      });
    }
    if (session.education?.id !== organisation.id) deps.sessions.touch(session);
    session.education = { id: organisation.id, name: organisation.name, odsCode: organisation.odsCode };
    return reply.redirect(withChange('/placement/programme', change), 303);
  });

  app.get('/placement/programme', async (request, reply) => {
    const session = sessionOf(deps, request, reply);
    if (!session.education) return reply.redirect('/placement/education', 303);
    const programmes = programmesFor(await deps.graph.programmes(), session.learnerGroup);
    return programmePage(reply, {
      education: session.education,
      programmes,
      change: isChange(request),
      value: session.programme,
    });
  });

  app.post('/placement/programme', async (request, reply) => {
    const session = sessionOf(deps, request, reply);
    if (!session.education) return reply.redirect('/placement/education', 303);
    const change = isChange(request);
    const programmes = programmesFor(await deps.graph.programmes(), session.learnerGroup);
    const code = text(formBody(request), 'programme');
    if (!programmes.some((p) => p.code === code)) {
      return programmePage(reply, {
        education: session.education,
        programmes,
        change,
        errors: [{ field: 'programme-1', message: 'Select your programme' }],
      });
    }
    if (session.programme !== code) deps.sessions.touch(session);
    session.programme = code;
    return reply.redirect(next(change, '/placement/details'), 303);
  });

  app.get('/placement/details', async (request, reply) => {
    const session = sessionOf(deps, request, reply);
    return detailsPage(reply, formFromDetails(session.details), isChange(request));
  });

  app.post('/placement/details', async (request, reply) => {
    const session = sessionOf(deps, request, reply);
    const change = isChange(request);
    const form = readDetailsForm(formBody(request));
    const { value, errors } = validateDetails(form);
    if (errors.length > 0) {
      return detailsPage(reply, form, change, errors);
    }
    session.details = value;
    deps.sessions.touch(session);
    return reply.redirect(next(change, FIRST_SECTION), 303);
  });
}
