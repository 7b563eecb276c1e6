import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { REGION_NAMES } from '@nets/shared/auth';
import type { PageError } from '@nets/web/ui-nhsuk';
import {
  StaffPortalPsaSummaryDocument,
  StaffPortalSelfAssessmentYearsDocument,
} from '../../__generated__/graphql';
import { EVERY_ROLE } from '../../auth/roles';
import { renderPageOrExport } from '../../exports/export-reply';
import { userOf, type PortalDependencies } from '../../portal-context';
import type { StaffFeature } from '../staff-feature';
import { queryText, yearOptions } from '../provider-dashboard/dashboard-address';
import { isRegion } from '../quality-flags/region-names';
import { PSA_WITHHELD_NOTE, psaSummaryView } from './psa-summary.view';

async function psaSummary(deps: PortalDependencies, request: FastifyRequest, reply: FastifyReply) {
  const user = userOf(request);
  const query = request.query as Record<string, unknown>;
  const errors: PageError[] = [];
  const years = (
    await deps.graph.request(request, StaffPortalSelfAssessmentYearsDocument, {})
  ).selfAssessmentCycles
    .map((c) => c.year)
    .sort((a, b) => a - b);
  const yearText = queryText(query, 'year');
  let year = years[years.length - 1] ?? null;
  if (yearText) {
    if (years.includes(Number(yearText))) year = Number(yearText);
    else errors.push({ field: 'year', message: 'Choose a year from the list' });
  }
  // A quality team starts with its own region beside England; anyone may compare any region.
  const regionText = query['region'] === undefined ? (user.region ?? '') : queryText(query, 'region');
  const region = isRegion(regionText) ? regionText : null;
  if (regionText && !region) errors.push({ field: 'region', message: 'Choose a region from the list' });
  const regionOptions = [
    { value: '', text: 'England only', selected: region === null },
    ...Object.entries(REGION_NAMES).map(([value, text]) => ({ value, text, selected: value === region })),
  ];
  const page = {
    title: 'Provider Self-Assessment summary',
    errors,
    regions: regionOptions,
    years: yearOptions(years, year),
  };
  if (year === null)
    return renderPageOrExport(
      request,
      reply,
      'features/psa-summary/views/psa-summary.njk',
      { ...page, view: null },
      [],
    );
  const data = await deps.graph.request(request, StaffPortalPsaSummaryDocument, {
    year,
    region,
    withRegion: region !== null,
  });
  const view = psaSummaryView(data.national, data.regional ?? null);
  return renderPageOrExport(
    request,
    reply,
    'features/psa-summary/views/psa-summary.njk',
    { ...page, view, withheldNote: PSA_WITHHELD_NOTE },
    [view.table],
  );
}

function register(app: FastifyInstance, deps: PortalDependencies): void {
  app.get('/psa-summary', (request, reply) => psaSummary(deps, request, reply));
}

/** National and regional Provider Self-Assessment indicators with their change on the year before. */
export const psaSummaryFeature: StaffFeature = {
  name: 'psa-summary',
  navigation: { href: '/psa-summary', text: 'Self-assessment summary', roles: EVERY_ROLE },
  register,
};
