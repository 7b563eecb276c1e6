import type { Region } from '@nets/shared/auth';
import { errorCode, graphqlRequest, testToken, type GraphQLResponse } from '../graphql-client';

/** A GraphQL call that failed: the message (with the first details) and every error's code. */
export class GraphqlError extends Error {
  constructor(
    message: string,
    readonly codes: readonly string[],
  ) {
    super(message);
  }
}

/** One caller of the platform (a token, or anonymous): what the platform steps take. */
export interface PlatformClient {
  /** The data of a call that must succeed; any GraphQL error throws a `GraphqlError`. */
  call<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

/** A client of the gateway, the only door the journeys, the dataset loader and the benchmarks use. */
export class GatewayClient {
  constructor(readonly url: string) {}

  request<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<GraphQLResponse<T>> {
    return graphqlRequest<T>(this.url, query, { variables, token });
  }

  /** The data of a call that must succeed; a GraphQL error fails with its message and codes. */
  async call<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<T> {
    const response = await this.request<T>(query, variables, token);
    if (response.errors?.length || !response.data) throw failure(response, query);
    return response.data;
  }

  /** This gateway as one caller (`token` undefined: anonymous). */
  as(token?: string): PlatformClient {
    return { call: (query, variables) => this.call(query, variables, token) };
  }
}

function failure(response: GraphQLResponse<unknown>, query: string): GraphqlError {
  if (!response.errors?.length)
    return new GraphqlError(`HTTP ${response.status}: no data\n${query}`, [`HTTP_${response.status}`]);
  const codes = response.errors.map((error) => {
    const code = error.extensions?.['code'];
    return typeof code === 'string' ? code : 'UNKNOWN';
  });
  const messages = response.errors.map((error) => {
    const details = (error.extensions?.['details'] ?? []) as Array<{ path?: string; message: string }>;
    return [error.message, ...details.slice(0, 3).map((d) => `${d.path}: ${d.message}`)].join(' ');
  });
  return new GraphqlError(
    `GraphQL call failed (${String(errorCode(response))}): ${messages.join('; ')}\n${query}`,
    codes,
  );
}

/** Tokens of the roles the steps act as, signed with the development key every test process shares. */
export const tokens = {
  admin: () => testToken({ role: 'ADMIN', subject: 'e2e-admin' }),
  analyst: () => testToken({ role: 'NATIONAL_ANALYST', subject: 'e2e-analyst' }),
  qualityTeam: (region: Region, subject = `e2e-qt-${region.toLowerCase()}`) =>
    testToken({ role: 'QUALITY_TEAM', region, subject }),
  provider: (organisationId: string, subject = `e2e-provider-${organisationId.slice(0, 8)}`) =>
    testToken({ role: 'PROVIDER_USER', organisationId, subject }),
};

/**
 * Retries what fails only because another service has not yet seen an event (a questionnaire or an
 * organisation not in its replica yet): the services are eventually consistent.
 */
export async function untilAccepted<T>(
  attempt: () => Promise<T>,
  what: string,
  timeoutMs = 120_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 200; ; delay = Math.min(delay * 2, 3_000)) {
    try {
      return await attempt();
    } catch (error) {
      const retryable =
        error instanceof GraphqlError &&
        error.codes.every((code) => code === 'BAD_USER_INPUT' || code === 'CONFLICT' || code === 'NOT_FOUND');
      if (!retryable || Date.now() + delay > deadline) {
        throw new Error(`${what}: ${error instanceof Error ? error.message : String(error)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
