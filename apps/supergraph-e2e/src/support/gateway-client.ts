import type { Region } from '@nets/shared/auth';
import { errorCode, graphqlRequest, testToken, type GraphQLResponse } from '@nets/shared/testing';

/** A client of the gateway, the only door the journeys use. `token` undefined means anonymous. */
export class GatewayClient {
  constructor(readonly url: string) {}

  request<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<GraphQLResponse<T>> {
    return graphqlRequest<T>(this.url, query, { variables, token });
  }

  /** The data of a call that must succeed; a GraphQL error fails the journey with its message and code. */
  async call<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<T> {
    const response = await this.request<T>(query, variables, token);
    if (response.errors?.length || !response.data) {
      throw new Error(
        `GraphQL call failed (${String(errorCode(response))}): ${JSON.stringify(response.errors)}\n${query}`,
      );
    }
    return response.data;
  }
}

export const tokens = {
  admin: () => testToken({ role: 'ADMIN', subject: 'e2e-admin' }),
  analyst: () => testToken({ role: 'NATIONAL_ANALYST', subject: 'e2e-analyst' }),
  qualityTeam: (region: Region, subject = `e2e-qt-${region.toLowerCase()}`) =>
    testToken({ role: 'QUALITY_TEAM', region, subject }),
  provider: (organisationId: string, subject = `e2e-provider-${organisationId.slice(0, 8)}`) =>
    testToken({ role: 'PROVIDER_USER', organisationId, subject }),
};
