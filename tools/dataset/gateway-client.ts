// A small GraphQL client for loading data through the gateway, as any API client would.
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, DEV_AUTH_SECRET, mintDevToken } from '@nets/shared/auth';

export class GraphqlError extends Error {
  constructor(
    message: string,
    readonly codes: readonly string[],
  ) {
    super(message);
  }
}

export interface GatewayClient {
  call<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

export async function adminClient(gatewayUrl: string): Promise<GatewayClient> {
  const token = await mintDevToken(
    { role: 'ADMIN', subject: 'demo-admin' },
    {
      devSecret: process.env['AUTH_DEV_SECRET'] ?? DEV_AUTH_SECRET,
      issuer: DEFAULT_ISSUER,
      audience: DEFAULT_AUDIENCE,
    },
  );
  return clientFor(gatewayUrl, token);
}

export function clientFor(gatewayUrl: string, token?: string): GatewayClient {
  return {
    async call<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      const response = await fetch(gatewayUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as {
        data?: T;
        errors?: Array<{
          message: string;
          extensions?: { code?: string; details?: Array<{ path?: string; message: string }> };
        }>;
      };
      if (!body.data && !body.errors?.length) {
        throw new GraphqlError(`HTTP ${response.status}: ${JSON.stringify(body).slice(0, 300)}`, [
          `HTTP_${response.status}`,
        ]);
      }
      if (body.errors?.length) {
        const message = body.errors
          .map((e) =>
            [
              e.message,
              ...(e.extensions?.details ?? []).slice(0, 3).map((d) => `${d.path}: ${d.message}`),
            ].join(' '),
          )
          .join('; ');
        throw new GraphqlError(
          message,
          body.errors.map((e) => e.extensions?.code ?? 'UNKNOWN'),
        );
      }
      return body.data as T;
    },
  };
}

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
