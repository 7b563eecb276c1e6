import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Kind, print, type OperationDefinitionNode } from 'graphql';
import { Agent, request } from 'undici';

/** One GraphQL error as the gateway reports it; `code` is its stable `extensions.code`. */
export interface GraphErrorDetail {
  message: string;
  code: string;
  details: Array<{ path?: string; message: string }>;
}

/** The graph refused the operation (or part of it): the caller decides what the learner is told. */
export class GraphClientError extends Error {
  constructor(
    readonly operationName: string,
    readonly errors: GraphErrorDetail[],
    readonly status: number,
  ) {
    super(`${operationName} failed: ${errors.map((e) => `${e.code}: ${e.message}`).join('; ')}`);
    this.name = 'GraphClientError';
  }

  get code(): string {
    return this.errors[0]?.code ?? 'INTERNAL_SERVER_ERROR';
  }
}

/** Who the request is made for: forwarded so the gateway logs and rate-limits the learner, not the web server. */
export interface CallerContext {
  requestId?: string;
  /** The learner's address; sent as X-Forwarded-For only when `forwardClientAddress` is on. */
  clientAddress?: string;
  token?: string;
}

export interface GraphClientOptions {
  /** The gateway's GraphQL endpoint. */
  url: string;
  /**
   * Only when the gateway lists this server in GATEWAY_TRUSTED_PROXIES: otherwise the gateway ignores the
   * header and every learner shares this server's address.
   */
  forwardClientAddress: boolean;
  /** The registered body of each operation by name (trusted documents); sent instead of re-printing. */
  persistedBodies?: Readonly<Record<string, { body: string }>>;
  timeoutMs?: number;
  connections?: number;
}

export interface GraphClient {
  request<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
    caller?: CallerContext,
  ): Promise<TData>;
  close(): Promise<void>;
}

interface GraphQLResponseBody<TData> {
  data?: TData | null;
  errors?: Array<{ message?: string; extensions?: { code?: unknown; details?: unknown } }>;
}

function operationName(document: TypedDocumentNode<unknown, never>): string {
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation?.name) throw new Error('Every operation sent to the graph must be named');
  return operation.name.value;
}

function toDetail(error: NonNullable<GraphQLResponseBody<unknown>['errors']>[number]): GraphErrorDetail {
  const details = Array.isArray(error.extensions?.details)
    ? (error.extensions.details as Array<{ path?: string; message: string }>)
    : [];
  return {
    message: error.message ?? 'Unknown error',
    code: typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL_SERVER_ERROR',
    details,
  };
}

/** A server-side client of the one graph, through the gateway, like any other client. */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  const dispatcher = new Agent({ connections: options.connections ?? 32, keepAliveTimeout: 30_000 });
  const bodies = new Map<TypedDocumentNode<unknown, never>, { name: string; query: string }>();
  const bodyOf = (document: TypedDocumentNode<unknown, never>) => {
    let entry = bodies.get(document);
    if (!entry) {
      const name = operationName(document);
      entry = { name, query: options.persistedBodies?.[name]?.body ?? print(document) };
      bodies.set(document, entry);
    }
    return entry;
  };
  return {
    async request<TData, TVariables extends Record<string, unknown>>(
      document: TypedDocumentNode<TData, TVariables>,
      variables: TVariables,
      caller: CallerContext = {},
    ): Promise<TData> {
      const { name, query } = bodyOf(document as TypedDocumentNode<unknown, never>);
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        accept: 'application/json',
        // Apollo Server refuses a request without a preflight-forcing header as a possible CSRF.
        'apollo-require-preflight': 'true',
      };
      if (caller.requestId) headers['x-request-id'] = caller.requestId;
      if (caller.token) headers['authorization'] = `Bearer ${caller.token}`;
      if (options.forwardClientAddress && caller.clientAddress)
        headers['x-forwarded-for'] = caller.clientAddress;
      const response = await request(options.url, {
        method: 'POST',
        dispatcher,
        headers,
        body: JSON.stringify({ query, operationName: name, variables }),
        headersTimeout: options.timeoutMs ?? 15_000,
        bodyTimeout: options.timeoutMs ?? 15_000,
      });
      const text = await response.body.text();
      let body: GraphQLResponseBody<TData>;
      try {
        body = JSON.parse(text) as GraphQLResponseBody<TData>;
      } catch {
        throw new GraphClientError(
          name,
          [
            {
              message: `The gateway answered ${response.statusCode} without JSON`,
              code: 'BAD_GATEWAY',
              details: [],
            },
          ],
          response.statusCode,
        );
      }
      if (body.errors?.length || !body.data) {
        throw new GraphClientError(
          name,
          (body.errors ?? [{ message: 'No data' }]).map(toDetail),
          response.statusCode,
        );
      }
      return body.data;
    },
    close: () => dispatcher.close(),
  };
}
