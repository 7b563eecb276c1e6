import type { FastifyInstance } from 'fastify';
import { renderPage } from '@nets/web/ui-nhsuk';
import {
  StaffPortalMeasureResultsDocument,
  StaffPortalReferenceDataDocument,
} from '../../__generated__/graphql';
import { EVERY_ROLE } from '../../auth/roles';
import { renderNotAvailable } from '../../auth/role-gate';
import { renderChartFigure } from '../../charts/chart-figure';
import { renderPageOrExport } from '../../exports/export-reply';
import { cyclesOf } from '../../graph/cycles';
import { organisationRegistry } from '../../graph/organisation-registry';
import { userOf, type PortalDependencies } from '../../portal-context';
import { REGION_NAMES } from '@nets/shared/auth';
import type { StaffFeature } from '../staff-feature';
import { explorerFormView } from './explorer-form.view';
import { graphFilter, parseExplorerFilters, tableFor } from './explorer-filters';
import { measureExplorerView } from './measure-explorer.view';

const TEMPLATE = 'features/measure-explorer/views/measure-explorer.njk';

function register(app: FastifyInstance, deps: PortalDependencies): void {
  app.get('/explorer', async (request, reply) => {
    const user = userOf(request);
    const [{ releasedYears }, { measures, learnerGroups }, registry] = await Promise.all([
      cyclesOf(deps, request),
      deps.graph.request(request, StaffPortalReferenceDataDocument, {}),
      organisationRegistry(deps, request),
    ]);
    const title = 'Measure explorer';
    if (releasedYears.length === 0) return renderPage(reply, TEMPLATE, { title, notReleased: true });
    const { filters, errors, notForRole } = parseExplorerFilters(
      request.query as Record<string, unknown>,
      {
        years: releasedYears,
        measures: measures.map((m) => m.key),
        learnerGroups,
        organisationIds: new Set(registry.byId.keys()),
      },
      user,
    );
    if (notForRole)
      return renderNotAvailable(
        reply,
        'It compares NHS regions: your account shows your own organisation and the national benchmarks.',
      );
    const form = explorerFormView(filters, { years: releasedYears, measures, learnerGroups, registry, user });
    const table = tableFor(filters);
    if (errors.length > 0 || !table) return renderPage(reply, TEMPLATE, { title, form, errors });

    const { measureResults } = await deps.graph.request(request, StaffPortalMeasureResultsDocument, {
      year: filters.year,
      measure: filters.measure,
      groupBy: table.groupBy,
      filter: graphFilter(filters),
    });
    const view = measureExplorerView(measureResults, filters, {
      measureTitle: measures.find((m) => m.key === filters.measure)?.title ?? filters.measure,
      regions: REGION_NAMES,
      learnerGroups: new Map(learnerGroups.map((g) => [g.code, g.name])),
      professions: new Map(learnerGroups.flatMap((g) => g.professions.map((p) => [p.code, p.name] as const))),
      organisations: registry.byId,
      sites: registry.sites,
    });
    const figure = await renderChartFigure(view.figure);
    return renderPageOrExport(request, reply, TEMPLATE, { title, form, figure, view }, [figure.table]);
  });
}

export const measureExplorerFeature: StaffFeature = {
  name: 'measure-explorer',
  navigation: { href: '/explorer', text: 'Measure explorer', roles: EVERY_ROLE },
  register,
};
