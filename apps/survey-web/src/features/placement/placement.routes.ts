import type { FastifyInstance } from 'fastify';
import { renderPage } from '@nets/web/ui-nhsuk';
import {
  callerOf,
  formBody,
  isChange,
  sessionOf,
  withChange,
  type JourneyDependencies,
} from '../../journey/journey-context';
import { formFromDetails, readDetailsForm, text, validateDetails } from './placement.rules';

const FIRST_SECTION = '/questions/1';

/** Where the placement steps go next: back to check your answers when changing, else onwards. */
const next = (change: boolean, path: string): string => (change ? '/check-answers' : path);

export function registerPlacementRoutes(app: FastifyInstance, deps: JourneyDependencies): void {
  // Search is a GET form, so it works without JavaScript and the results page can be bookmarked or reloaded.
  app.get('/placement/organisation', async (request, reply) => {
    const session = sessionOf(deps, request, reply);
    const change = isChange(request);
    const query = request.query as Record<string, string | undefined>;
    const search = (query['search'] ?? '').trim();
    const searched = 'search' in query;
    const errors =
      searched && search.length < 2
        ? [{ field: 'search', message: 'Enter at least 2 letters of the name or the ODS code' }]
        : [];
    const found =
      searched && errors.length === 0
        ? await deps.graph.searchOrganisations(search, callerOf(request))
        : null;
    return renderPage(reply, 'placement-organisation.njk', {
      title: 'Where was your placement?',
      backHref: '/',
      search,
      searched,
      found,
      change,
      chosen: session.organisation,
      errors,
    });
  });

  app.post('/placement/organisation', async (request, reply) => {
    const session = sessionOf(deps, request, reply);
    const change = isChange(request);
    const id = text(formBody(request), 'organisationId');
    const search = text(formBody(request), 'search');
    const organisation = id ? await deps.graph.organisation(id, callerOf(request)) : null;
    if (!organisation) {
      const found = search ? await deps.graph.searchOrganisations(search, callerOf(request)) : null;
      return renderPage(reply, 'placement-organisation.njk', {
        title: 'Where was your placement?',
        backHref: '/',
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
    return renderPage(reply, 'placement-site.njk', {
      title: `Which ${session.organisation.name} site was your placement at?`,
      backHref: '/placement/organisation',
      organisation: session.organisation,
      siteId: session.siteId,
      change: isChange(request),
    });
  });

  app.post('/placement/site', async (request, reply) => {
    const session = sessionOf(deps, request, reply);
    if (!session.organisation) return reply.redirect('/placement/organisation', 303);
    const change = isChange(request);
    const siteId = text(formBody(request), 'siteId');
    if (!session.organisation.sites.some((s) => s.id === siteId)) {
      return renderPage(reply, 'placement-site.njk', {
        title: `Which ${session.organisation.name} site was your placement at?`,
        backHref: '/placement/organisation',
        organisation: session.organisation,
        change,
        errors: [{ field: 'siteId-1', message: 'Select the site where your placement was' }],
      });
    }
    if (session.siteId !== siteId) deps.sessions.touch(session);
    session.siteId = siteId;
    return reply.redirect(next(change, '/placement/learner-group'), 303);
  });

  app.get('/placement/learner-group', async (request, reply) => {
    const session = sessionOf(deps, request, reply);
    return renderPage(reply, 'placement-learner-group.njk', {
      title: 'Which learner group are you in?',
      backHref: '/placement/organisation',
      groups: await deps.graph.learnerGroups(),
      value: session.learnerGroup,
      change: isChange(request),
    });
  });

  app.post('/placement/learner-group', async (request, reply) => {
    const session = sessionOf(deps, request, reply);
    const change = isChange(request);
    const groups = await deps.graph.learnerGroups();
    const code = text(formBody(request), 'learnerGroup');
    if (!groups.some((g) => g.code === code)) {
      return renderPage(reply, 'placement-learner-group.njk', {
        title: 'Which learner group are you in?',
        backHref: '/placement/organisation',
        groups,
        change,
        errors: [{ field: 'learnerGroup-1', message: 'Select your learner group' }],
      });
    }
    if (session.learnerGroup !== code) {
      session.profession = undefined;
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
    return renderPage(reply, 'placement-profession.njk', {
      title: 'What is your profession or training programme type?',
      backHref: '/placement/learner-group',
      group,
      value: session.profession,
      change: isChange(request),
    });
  });

  app.post('/placement/profession', async (request, reply) => {
    const session = sessionOf(deps, request, reply);
    const change = isChange(request);
    const group = (await deps.graph.learnerGroups()).find((g) => g.code === session.learnerGroup);
    if (!group) return reply.redirect('/placement/learner-group', 303);
    const code = text(formBody(request), 'profession');
    if (!group.professions.some((p) => p.code === code)) {
      return renderPage(reply, 'placement-profession.njk', {
        title: 'What is your profession or training programme type?',
        backHref: '/placement/learner-group',
        group,
        change,
        errors: [{ field: 'profession-1', message: 'Select your profession' }],
      });
    }
    if (session.profession !== code) deps.sessions.touch(session);
    session.profession = code;
    return reply.redirect(next(change, '/placement/details'), 303);
  });

  app.get('/placement/details', async (request, reply) => {
    const session = sessionOf(deps, request, reply);
    return renderPage(reply, 'placement-details.njk', {
      title: 'About your placement and training',
      backHref: '/placement/profession',
      form: formFromDetails(session.details),
      change: isChange(request),
    });
  });

  app.post('/placement/details', async (request, reply) => {
    const session = sessionOf(deps, request, reply);
    const change = isChange(request);
    const form = readDetailsForm(formBody(request));
    const { value, errors } = validateDetails(form);
    if (errors.length > 0) {
      return renderPage(reply, 'placement-details.njk', {
        title: 'About your placement and training',
        backHref: '/placement/profession',
        form,
        change,
        errors,
      });
    }
    session.details = value;
    deps.sessions.touch(session);
    return reply.redirect(next(change, FIRST_SECTION), 303);
  });
}
