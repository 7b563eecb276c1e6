import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import type { GraphClient } from '@nets/web/graph-client';

/**
 * `organisationByOdsCode` is open to anonymous callers (the learner's survey lets anyone pick a placement), so
 * the identity provider asks the gateway without a token of its own. In production the real identity service
 * carries the organisation id itself; this lookup exists because demo organisations get their ids when
 * they are registered.
 */
const OrganisationByOdsCode: TypedDocumentNode<
  { organisationByOdsCode: { id: string } | null },
  { odsCode: string }
> = parse(`query IdentityProviderOrganisationByOdsCode($odsCode: String!) {
  organisationByOdsCode(odsCode: $odsCode) { id }
}`);

export interface OrganisationDirectory {
  /** The registry's id for an ODS code; undefined when no such organisation is registered. */
  idOf(odsCode: string): Promise<string | undefined>;
}

/** Ids never change once registered, so they are kept; a miss is asked again next time. */
export function createOrganisationDirectory(graph: GraphClient): OrganisationDirectory {
  const known = new Map<string, string>();
  return {
    async idOf(odsCode) {
      const cached = known.get(odsCode);
      if (cached) return cached;
      const { organisationByOdsCode } = await graph.request(OrganisationByOdsCode, { odsCode });
      if (organisationByOdsCode) known.set(odsCode, organisationByOdsCode.id);
      return organisationByOdsCode?.id;
    },
  };
}
