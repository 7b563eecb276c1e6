import type { FastifyRequest } from 'fastify';
import { StaffPortalCyclesDocument, type StaffPortalCyclesQuery } from '../__generated__/graphql';
import type { PortalDependencies } from '../portal-context';

export type Cycle = StaffPortalCyclesQuery['surveyCycles'][number];

/** The survey cycles, oldest first, and which of them have released results (the only ones with figures). */
export async function cyclesOf(
  deps: PortalDependencies,
  request: FastifyRequest,
): Promise<{ cycles: Cycle[]; releasedYears: number[] }> {
  const { surveyCycles } = await deps.graph.request(request, StaffPortalCyclesDocument, {});
  const cycles = [...surveyCycles].sort((a, b) => a.year - b.year);
  return {
    cycles,
    releasedYears: cycles.filter((c) => c.resultsRelease.status === 'RELEASED').map((c) => c.year),
  };
}
