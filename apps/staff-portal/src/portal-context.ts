import type { FastifyRequest } from 'fastify';
import type { CallerContext, GraphClient } from '@nets/web/graph-client';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { accessTokenFor } from './auth/access-tokens';
import type { IdentityProvider } from './auth/identity-provider';
import type { SessionStore, StaffSession } from './auth/staff-session';
import type { ClaimMapping, StaffUser } from './auth/staff-user';

/** What every route of the portal is given. */
export interface PortalDependencies {
  graph: StaffGraph;
  sessions: SessionStore;
  identityProvider: IdentityProvider;
  claimMapping: ClaimMapping;
  secureCookies: boolean;
  sessionTtlMs: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The session found from the cookie (set by the sign-in hook on every page). */
    staffSession?: StaffSession;
  }
  interface FastifyReply {
    /** Variables every page of this request sees (@fastify/view merges them): the user and navigation. */
    locals?: Record<string, unknown>;
  }
}

/** The signed-in user of a page that needs one (every page but the public ones). */
export function userOf(request: FastifyRequest): StaffUser {
  const user = request.staffSession?.user;
  if (!user) throw new Error('This page needs a signed-in user: it is not public');
  return user;
}

/** The graph, asked as the signed-in user: their access token goes to the gateway, refreshed when due. */
export class StaffGraph {
  constructor(
    private readonly client: GraphClient,
    private readonly auth: Pick<PortalDependencies, 'sessions' | 'identityProvider'>,
  ) {}

  async request<TData, TVariables extends Record<string, unknown>>(
    request: FastifyRequest,
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
  ): Promise<TData> {
    const caller: CallerContext = {
      requestId: String(request.id),
      token: await accessTokenFor(request.staffSession, this.auth),
    };
    return this.client.request(document, variables, caller);
  }

  close(): Promise<void> {
    return this.client.close();
  }
}
