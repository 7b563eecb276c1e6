import type { FastifyRequest } from 'fastify';
import {
  StaffPortalQualityFlagConcernsDocument,
  type NhsRegion,
  type StaffPortalQualityFlagConcernsQuery,
} from '../../__generated__/graphql';
import type { PortalDependencies } from '../../portal-context';
import type { Concern } from './quality-flags.view';

/** Enough for every concern of a region; the graph offers no filter by source, so they are read a page at a time. */
const MAX_PAGES = 10;

/** The reader's concerns (in one region when the list is filtered by one), to find those RED flags opened. */
export async function concernsInScope(
  deps: PortalDependencies,
  request: FastifyRequest,
  region: NhsRegion | null,
): Promise<Concern[]> {
  const concerns: Concern[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer: StaffPortalQualityFlagConcernsQuery = await deps.graph.request(
      request,
      StaffPortalQualityFlagConcernsDocument,
      { region, after },
    );
    concerns.push(...answer.concerns.nodes);
    if (!answer.concerns.hasNextPage || !answer.concerns.endCursor) break;
    after = answer.concerns.endCursor;
  }
  return concerns;
}
