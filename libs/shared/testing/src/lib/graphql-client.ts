import {
  DEFAULT_AUDIENCE,
  DEFAULT_ISSUER,
  DEV_AUTH_SECRET,
  mintDevToken,
  type DevTokenClaims,
} from '@nets/shared/auth';

export interface GraphQLResponse<TData = Record<string, unknown>> {
  status: number;
  data?: TData | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

export interface GraphQLRequestOptions {
  variables?: Record<string, unknown>;
  token?: string;
  headers?: Record<string, string>;
}

/** Posts one operation to a subgraph or the gateway, the way a client would. */
export async function graphqlRequest<TData = Record<string, unknown>>(
  url: string,
  query: string,
  options: GraphQLRequestOptions = {},
): Promise<GraphQLResponse<TData>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables: options.variables ?? {} }),
  });
  const text = await response.text();
  let body: Omit<GraphQLResponse<TData>, 'status'>;
  try {
    body = JSON.parse(text) as Omit<GraphQLResponse<TData>, 'status'>;
  } catch {
    throw new Error(`Non-JSON answer (${response.status}) from ${url}: ${text.slice(0, 200)}`);
  }
  return { status: response.status, ...body };
}

/** The first error's code, for asserting refusals. */
export function errorCode(response: GraphQLResponse<unknown>): unknown {
  return response.errors?.[0]?.extensions?.['code'];
}

/** A token signed with the development key every test process and service shares. */
export function testToken(claims: DevTokenClaims): Promise<string> {
  return mintDevToken(claims, {
    devSecret: DEV_AUTH_SECRET,
    issuer: DEFAULT_ISSUER,
    audience: DEFAULT_AUDIENCE,
  });
}
