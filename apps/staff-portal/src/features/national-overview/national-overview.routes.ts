import type { FastifyInstance } from 'fastify';
import {
  StaffPortalReferenceDataDocument,
  StaffPortalNationalSummaryDocument,
} from '../../__generated__/graphql';
import { EVERY_ROLE } from '../../auth/roles';
import { renderChartFigures } from '../../charts/chart-figure';
import { renderPageOrExport } from '../../exports/export-reply';
import { cyclesOf } from '../../graph/cycles';
import type { PortalDependencies } from '../../portal-context';
import type { StaffFeature } from '../staff-feature';
import { nationalOverviewView } from './national-overview.view';

function register(app: FastifyInstance, deps: PortalDependencies): void {
  app.get('/overview', async (request, reply) => {
    const [{ releasedYears, cycles }, { measures }] = await Promise.all([
      cyclesOf(deps, request),
      deps.graph.request(request, StaffPortalReferenceDataDocument, {}),
    ]);
    const answers = await Promise.all(
      releasedYears.map((year) => deps.graph.request(request, StaffPortalNationalSummaryDocument, { year })),
    );
    const view = nationalOverviewView({
      measures,
      summaries: answers.map((answer) => answer.nationalSummary),
      publishedReasons: answers.flatMap((answer) => answer.publishedReasonShares),
    });
    const [respondentsChart] = view.respondentsChart ? await renderChartFigures([view.respondentsChart]) : [];
    const [themes, reasons] = await Promise.all([
      renderChartFigures(view.themes),
      renderChartFigures(view.reasons),
    ]);
    const tables = [
      ...(view.headlines ? [view.headlines] : []),
      ...(respondentsChart ? [respondentsChart.table] : []),
      ...themes.map((figure) => figure.table),
      ...reasons.map((figure) => figure.table),
    ];
    const openCycle = cycles.find((cycle) => cycle.status === 'OPEN');
    return renderPageOrExport(
      request,
      reply,
      'features/national-overview/views/national-overview.njk',
      { title: 'National overview', view, respondentsChart, themes, reasons, openCycle },
      tables,
    );
  });
}

export const nationalOverviewFeature: StaffFeature = {
  name: 'national-overview',
  navigation: { href: '/overview', text: 'National overview', roles: EVERY_ROLE },
  register,
};
