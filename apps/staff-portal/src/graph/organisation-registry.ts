import type { FastifyRequest } from 'fastify';
import {
  StaffPortalOrganisationRegistryDocument,
  type StaffPortalOrganisationRegistryQuery,
} from '../__generated__/graphql';
import type { PortalDependencies } from '../portal-context';

export type RegistryOrganisation =
  StaffPortalOrganisationRegistryQuery['organisations']['edges'][number]['node'];

export interface OrganisationRegistry {
  organisations: RegistryOrganisation[];
  byId: ReadonlyMap<string, RegistryOrganisation>;
  /** Site id → the site and its organisation. */
  sites: ReadonlyMap<string, { name: string; code: string; organisation: RegistryOrganisation }>;
}

const REGISTRY_TTL_MS = 60_000;
let cached: { at: number; registry: Promise<OrganisationRegistry> } | undefined;

async function loadRegistry(
  deps: PortalDependencies,
  request: FastifyRequest,
): Promise<OrganisationRegistry> {
  const organisations: RegistryOrganisation[] = [];
  let after: string | null = null;
  do {
    const page: StaffPortalOrganisationRegistryQuery = await deps.graph.request(
      request,
      StaffPortalOrganisationRegistryDocument,
      { after },
    );
    organisations.push(...page.organisations.edges.map((edge) => edge.node));
    after = page.organisations.pageInfo.hasNextPage ? page.organisations.pageInfo.endCursor : null;
  } while (after);
  organisations.sort((a, b) => a.name.localeCompare(b.name));
  return {
    organisations,
    byId: new Map(organisations.map((o) => [o.id, o])),
    sites: new Map(
      organisations.flatMap((organisation) =>
        organisation.sites.map(
          (site) => [site.id, { name: site.name, code: site.code, organisation }] as const,
        ),
      ),
    ),
  };
}

/**
 * The public organisation registry, read a page at a time and kept for a minute: every user may read it, so
 * one copy serves all (results stay per user, asked with their own token).
 */
export function organisationRegistry(
  deps: PortalDependencies,
  request: FastifyRequest,
): Promise<OrganisationRegistry> {
  if (!cached || Date.now() - cached.at > REGISTRY_TTL_MS) {
    const registry = loadRegistry(deps, request);
    const entry = { at: Date.now(), registry };
    cached = entry;
    registry.catch(() => {
      if (cached === entry) cached = undefined;
    });
  }
  return cached.registry;
}
