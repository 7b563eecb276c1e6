import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { REGIONS } from '@nets/shared/auth';
import { GraphClientError } from '@nets/web/graph-client';
import { renderPage } from '@nets/web/ui-nhsuk';
import {
  StaffPortalFlagConcernDocument,
  StaffPortalReferenceDataDocument,
  StaffPortalQualityFlagsDocument,
} from '../../__generated__/graphql';
import { EVERY_ROLE, NATIONAL_ROLES } from '../../auth/roles';
import { renderPageOrExport } from '../../exports/export-reply';
import { cyclesOf } from '../../graph/cycles';
import { organisationRegistry } from '../../graph/organisation-registry';
import { userOf, type PortalDependencies } from '../../portal-context';
import type { StaffFeature } from '../staff-feature';
import { isUuid } from '../provider-dashboard/dashboard-address';
import { concernsInScope } from './flag-concerns';
import {
  describeFilters,
  filterOptions,
  parseQualityFlagFilters,
  qualityFlagVariables,
} from './quality-flags.filters';
import { concernView } from './flag-concern.view';
import { qualityFlagsTable } from './quality-flags.view';

async function qualityFlags(deps: PortalDependencies, request: FastifyRequest, reply: FastifyReply) {
  const user = userOf(request);
  // National roles filter by any region; a quality team sees its own; providers their own organisation.
  const regions = NATIONAL_ROLES.includes(user.role) ? [...REGIONS] : [];
  const [{ releasedYears }, { measures }] = await Promise.all([
    cyclesOf(deps, request),
    deps.graph.request(request, StaffPortalReferenceDataDocument, {}),
  ]);
  const { filters, errors } = parseQualityFlagFilters(
    request.query as Record<string, unknown>,
    releasedYears,
    measures.map((m) => m.key),
  );
  const options = filterOptions(filters, releasedYears, measures, regions);
  if (!filters)
    return renderPage(reply, 'features/quality-flags/views/quality-flags.njk', {
      title: 'Quality flags',
      errors,
      options,
      filters,
    });
  const measureTitle = measures.find((m) => m.key === filters.measure)?.title ?? null;
  // Concerns are the quality team's and the providers' concerned: national roles are not answered.
  const readsConcerns = !NATIONAL_ROLES.includes(user.role);
  const [{ qualityFlags }, registry, concerns] = await Promise.all([
    deps.graph.request(request, StaffPortalQualityFlagsDocument, qualityFlagVariables(filters)),
    organisationRegistry(deps, request),
    readsConcerns ? concernsInScope(deps, request, filters.region) : null,
  ]);
  const caption = describeFilters(filters, measureTitle);
  const table = qualityFlagsTable(qualityFlags, {
    year: filters.year,
    caption,
    persistentOnly: filters.persistent,
    showRegion: regions.length > 0,
    organisations: registry.byId,
    concerns,
  });
  return renderPageOrExport(
    request,
    reply,
    'features/quality-flags/views/quality-flags.njk',
    {
      title: 'Quality flags',
      errors,
      options,
      filters,
      flagsTable: table,
      flagsCaption: caption,
      showRegions: regions.length > 0,
    },
    [table],
  );
}

async function flagConcern(
  deps: PortalDependencies,
  request: FastifyRequest<{ Params: { concernId: string } }>,
  reply: FastifyReply,
) {
  const { concernId } = request.params;
  const concern = isUuid(concernId)
    ? await deps.graph
        .request(request, StaffPortalFlagConcernDocument, { id: concernId })
        .then((data) => data.concern)
        .catch((error: unknown) => {
          if (error instanceof GraphClientError && error.code === 'NOT_FOUND') return null;
          throw error;
        })
    : null;
  if (!concern) return renderPage(reply.code(404), 'not-found.njk', { title: 'Page not found' });
  const view = concernView(concern);
  return renderPage(reply, 'features/quality-flags/views/flag-concern.njk', {
    title: `Concern ${view.reference}`,
    view,
    backHref: '/quality-flags',
  });
}

function register(app: FastifyInstance, deps: PortalDependencies): void {
  app.get('/quality-flags', (request, reply) => qualityFlags(deps, request, reply));
  app.get<{ Params: { concernId: string } }>('/quality-flags/concerns/:concernId', (request, reply) =>
    flagConcern(deps, request, reply),
  );
}

/** Flagged organisations, filtered by region, measure, colour and persistence in the URL. */
export const qualityFlagsFeature: StaffFeature = {
  name: 'quality-flags',
  navigation: { href: '/quality-flags', text: 'Quality flags', roles: EVERY_ROLE },
  register,
};
