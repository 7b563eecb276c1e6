import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { STATUS_CODES } from 'node:http';
import type { Fetcher, FetcherHeaders, FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import { Agent, type Dispatcher } from 'undici';
import { CLIENT_ADDRESS_HEADER, GATEWAY_SECRET_HEADER, REQUEST_ID_HEADER } from '@nets/shared/graphql-server';
import { metricsRecording, secondsSince, subgraphFetches, traceHeaders } from '@nets/shared/observability';

export interface GatewayRequestContext {
  authorization?: string;
  requestId: string;
  clientAddress: string;
}

/**
 * Keep-alive connections with a bounded socket pool per subgraph: measured here, the default fetcher
 * (a new connection per request) gives about half the throughput. Requests go through undici's dispatcher API
 * (`Agent.request`), not its WHATWG `fetch`: fetch builds a Request, web streams for both bodies and a tee of
 * the request body per call, about a tenth of the gateway's CPU on the submit path (issue 19's profile). The
 * answer is a minimal `FetcherResponse`: what `RemoteGraphQLDataSource` reads of it (status, headers, body).
 */
export function createKeepAliveFetcher(connections: number): { fetcher: Fetcher; close(): Promise<void> } {
  const agent = new Agent({ connections, keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000 });
  const targets = new Map<string, { origin: string; path: string }>();
  const targetOf = (url: string) => {
    let target = targets.get(url);
    if (!target) {
      const parsed = new URL(url);
      target = { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
      if (targets.size < 100) targets.set(url, target);
    }
    return target;
  };
  const fetcher: Fetcher = async (url, init) => {
    const { origin, path } = targetOf(url);
    const answer = await agent.request({
      origin,
      path,
      method: (init?.method ?? 'GET') as Dispatcher.HttpMethod,
      headers: init?.headers,
      body: init?.body,
      signal: init?.signal,
    });
    return new DispatcherResponse(url, answer);
  };
  return { fetcher, close: () => agent.close() };
}

/** Response headers as undici's dispatcher gives them (lower-case names), read through the fetch interface. */
class RawHeaders implements FetcherHeaders {
  constructor(private readonly raw: Record<string, string | string[] | undefined>) {}

  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }

  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const current = this.get(key);
    this.raw[key] = current === null ? value : `${current}, ${value}`;
  }

  set(name: string, value: string): void {
    this.raw[name.toLowerCase()] = value;
  }

  delete(name: string): void {
    delete this.raw[name.toLowerCase()];
  }

  *entries(): IterableIterator<[string, string]> {
    for (const name of Object.keys(this.raw).sort()) {
      const value = this.get(name);
      if (value !== null) yield [name, value];
    }
  }

  *keys(): IterableIterator<string> {
    for (const [name] of this.entries()) yield name;
  }

  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}

class DispatcherResponse implements FetcherResponse {
  readonly redirected = false;
  readonly status: number;
  readonly ok: boolean;
  readonly statusText: string;
  readonly headers: RawHeaders;
  private readonly body: Dispatcher.ResponseData['body'];

  constructor(
    readonly url: string,
    answer: Dispatcher.ResponseData,
  ) {
    this.status = answer.statusCode;
    this.ok = answer.statusCode >= 200 && answer.statusCode < 300;
    this.statusText = STATUS_CODES[answer.statusCode] ?? '';
    this.headers = new RawHeaders({ ...answer.headers });
    this.body = answer.body;
  }

  get bodyUsed(): boolean {
    return this.body.bodyUsed;
  }

  text(): Promise<string> {
    return this.body.text();
  }

  json(): Promise<unknown> {
    return this.body.json();
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return this.body.arrayBuffer();
  }

  clone(): FetcherResponse {
    throw new Error('A subgraph answer cannot be cloned: read it once.');
  }
}

/** Times every fetch from one subgraph (`nets_gateway_subgraph_fetch_duration_seconds`). */
export function timedFetcher(subgraph: string, fetcher: Fetcher): Fetcher {
  return (async (url: string, init?: Parameters<Fetcher>[1]) => {
    if (!metricsRecording()) return fetcher(url, init);
    const start = process.hrtime.bigint();
    try {
      const response = await fetcher(url, init);
      subgraphFetches
        .labels({ subgraph, outcome: response.ok ? 'ok' : 'error' })
        .observe(secondsSince(start));
      return response;
    } catch (error) {
      subgraphFetches.labels({ subgraph, outcome: 'error' }).observe(secondsSince(start));
      throw error;
    }
  }) as Fetcher;
}

/** Forwards the caller's token (subgraphs verify it again), the request id and the gateway's proof. */
export class ProvenSubgraphDataSource extends RemoteGraphQLDataSource<GatewayRequestContext> {
  constructor(
    url: string,
    fetcher: Fetcher,
    private readonly gatewaySecret: string | undefined,
  ) {
    super({ url, fetcher });
  }

  override willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayRequestContext>): void {
    const headers = request.http?.headers;
    if (!headers) return;
    if (this.gatewaySecret) headers.set(GATEWAY_SECRET_HEADER, this.gatewaySecret);
    // Health checks and schema loading run without a client request behind them.
    const client = context as Partial<GatewayRequestContext>;
    if (client.requestId) headers.set(REQUEST_ID_HEADER, client.requestId);
    if (client.clientAddress) headers.set(CLIENT_ADDRESS_HEADER, client.clientAddress);
    if (client.authorization) headers.set('authorization', client.authorization);
    // The gateway's fetch span is active here: the subgraph continues the same trace.
    for (const [name, value] of Object.entries(traceHeaders())) headers.set(name, value);
  }

  /**
   * A subgraph that refuses a request outright (HTTP 4xx) says why in GraphQL errors; relay the first one with
   * its code instead of Apollo's "400: Bad Request" (which clients saw as INTERNAL_SERVER_ERROR). The
   * gateway has validated the operation against the API schema, where custom scalars accept anything, so a
   * subgraph's validation or coercion failure is a bad value (an invalid DateTime): BAD_USER_INPUT.
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    if (response.status >= 400 && response.status < 500) {
      const relayed = relayableError(await this.parseBody(response).catch(() => undefined));
      if (relayed) return relayed;
    }
    const error = await super.errorFromResponse(response);
    // Never forward the subgraph's URL or body to the client.
    const code = error.extensions['code'];
    return new GraphQLError(error.message, { extensions: typeof code === 'string' ? { code } : {} });
  }
}

const SUBGRAPH_INPUT_CODES = new Set(['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

function relayableError(body: unknown): GraphQLError | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const first = (body as { errors?: unknown }).errors;
  if (!Array.isArray(first) || first.length === 0) return undefined;
  const error = first[0] as { message?: unknown; extensions?: { code?: unknown; details?: unknown } };
  const code = error.extensions?.code;
  if (typeof error.message !== 'string' || typeof code !== 'string') return undefined;
  return new GraphQLError(error.message, {
    extensions: {
      code: SUBGRAPH_INPUT_CODES.has(code) ? 'BAD_USER_INPUT' : code,
      ...(error.extensions?.details ? { details: error.extensions.details } : {}),
    },
  });
}
