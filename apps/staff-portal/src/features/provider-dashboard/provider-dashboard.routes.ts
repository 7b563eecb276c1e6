import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderPage, type PageError } from '@nets/web/ui-nhsuk';
import {
  StaffPortalProviderDashboardDocument,
  StaffPortalProviderSearchDocument,
  StaffPortalProviderMeasureDocument,
} from '../../__generated__/graphql';
import { renderNotAvailable } from '../../auth/role-gate';
import { EVERY_ROLE, ORGANISATION_ROLES } from '../../auth/roles';
import { renderChartFigures } from '../../charts/chart-figure';
import { renderPageOrExport } from '../../exports/export-reply';
import { cyclesOf } from '../../graph/cycles';
import { userOf, type PortalDependencies } from '../../portal-context';
import type { StaffFeature } from '../staff-feature';
import { regionName } from '../quality-flags/region-names';
import { chosenYear, dashboardHref, isUuid, queryText, yearOptions } from './dashboard-address';
import { providerDashboardView, providerTrendFigure, sitesTable } from './provider-dashboard.view';

const FIRST_SURVEY_YEAR = 2019;
const notFound = (reply: FastifyReply) =>
  renderPage(reply.code(404), 'not-found.njk', { title: 'Page not found' });

/** Provider users go straight to their own organisation; everyone else finds one by name or code. */
async function chooseOrganisation(deps: PortalDependencies, request: FastifyRequest, reply: FastifyReply) {
  const user = userOf(request);
  if (ORGANISATION_ROLES.includes(user.role)) {
    if (!user.organisationId) return renderNotAvailable(reply, 'Your account names no organisation.');
    return reply.redirect(dashboardHref(user.organisationId), 303);
  }
  const search = queryText(request.query as Record<string, unknown>, 'search');
  const errors: PageError[] =
    search.length > 200 ? [{ field: 'search', message: 'Enter 200 characters or fewer' }] : [];
  const found =
    search && errors.length === 0
      ? (
          await deps.graph.request(request, StaffPortalProviderSearchDocument, {
            search,
            region: user.role === 'QUALITY_TEAM' ? (user.region ?? null) : null,
          })
        ).organisations
      : null;
  return renderPage(reply, 'features/provider-dashboard/views/choose-organisation.njk', {
    title: 'Provider dashboard',
    search,
    errors,
    total: found?.totalCount ?? null,
    organisations: (found?.edges ?? []).map(({ node }) => ({
      name: node.name,
      odsCode: node.odsCode,
      region: regionName(node.region),
      href: dashboardHref(node.id),
    })),
  });
}

async function dashboard(
  deps: PortalDependencies,
  request: FastifyRequest<{ Params: { organisationId: string } }>,
  reply: FastifyReply,
  print: boolean,
) {
  const { organisationId } = request.params;
  if (!isUuid(organisationId)) return notFound(reply);
  const query = request.query as Record<string, unknown>;
  const { releasedYears } = await cyclesOf(deps, request);
  const { year, errors } = chosenYear(query, releasedYears);
  if (year === null)
    return renderPage(reply, 'features/provider-dashboard/views/no-results.njk', {
      title: 'Provider dashboard',
    });
  const measureKey = queryText(query, 'measure') || undefined;
  const data = await deps.graph.request(request, StaffPortalProviderDashboardDocument, {
    organisationId,
    year,
  });
  const view = providerDashboardView(data, year, measureKey);
  if (!view) return notFound(reply);
  if (measureKey && !view.selectedMeasure)
    errors.push({ field: 'measure', message: 'Choose a measure from the list' });
  const measure = view.selectedMeasure;
  const detail = measure
    ? await deps.graph.request(request, StaffPortalProviderMeasureDocument, {
        organisationId,
        measure: measure.key,
        year,
        fromYear: Math.min(FIRST_SURVEY_YEAR, ...releasedYears),
      })
    : null;
  const sites = measure && detail ? sitesTable(view.sites, detail.siteResults, measure, year) : null;
  const trend =
    measure && detail ? providerTrendFigure(view.organisation.name, measure, detail.measureTrend) : null;
  const [measuresChart] = view.measuresChart ? await renderChartFigures([view.measuresChart]) : [];
  const [trendChart] = trend ? await renderChartFigures([trend]) : [];
  const page = {
    title: `${view.organisation.name}: NETS ${year}`,
    view,
    sites,
    measuresChart,
    trendChart,
    errors,
    print,
    years: yearOptions(releasedYears, year),
    hrefs: {
      self: dashboardHref(organisationId),
      print: dashboardHref(organisationId, { year, measure: view.selectedMeasure?.key, print: true }),
      dashboard: dashboardHref(organisationId, { year, measure: view.selectedMeasure?.key }),
      comments: `/comments/${encodeURIComponent(organisationId)}?year=${year}`,
    },
  };
  if (print)
    return renderPage(reply, 'features/provider-dashboard/views/provider-dashboard-print.njk', {
      ...page,
      navigation: [],
      backHref: page.hrefs.dashboard,
    });
  return renderPageOrExport(
    request,
    reply,
    'features/provider-dashboard/views/provider-dashboard.njk',
    page,
    [view.measures, view.flags, ...(sites ? [sites] : []), ...(trend ? [trend.table] : [])],
  );
}

function register(app: FastifyInstance, deps: PortalDependencies): void {
  app.get('/provider-dashboard', (request, reply) => chooseOrganisation(deps, request, reply));
  app.get<{ Params: { organisationId: string } }>('/provider-dashboard/:organisationId', (request, reply) =>
    dashboard(deps, request, reply, false),
  );
  app.get<{ Params: { organisationId: string } }>(
    '/provider-dashboard/:organisationId/print',
    (request, reply) => dashboard(deps, request, reply, true),
  );
}

/** An organisation's measures, flags, sites and trend; for a provider user, their own organisation only. */
export const providerDashboardFeature: StaffFeature = {
  name: 'provider-dashboard',
  navigation: { href: '/provider-dashboard', text: 'Provider dashboard', roles: EVERY_ROLE },
  register,
};
