import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError, OperationTypeNode, parse, type DocumentNode } from 'graphql';
import { operationShapeProblem, type OperationLimits } from './operation-limits';

export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
const APPLICATION_JSON = 'application/json';

/**
 * Codes of errors in a well-formed GraphQL-over-HTTP request: the spec wants 400 for them with
 * `application/graphql-response+json` and 200 with `application/json` (whose clients read the body).
 */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * The media type the answer will have, as Apollo Server chooses it: `application/json` unless the client
 * prefers `application/graphql-response+json` (ties go to `application/json`).
 */
export function prefersGraphQLResponseJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const entries = accept.split(',').map((part) => {
    const [type = '', ...parameters] = part.split(';').map((item) => item.trim().toLowerCase());
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    return { type, q: q ? Number(q.slice(2)) : 1 };
  });
  const quality = (mediaType: string) => {
    const match =
      entries.find((entry) => entry.type === mediaType) ??
      entries.find((entry) => entry.type === 'application/*') ??
      entries.find((entry) => entry.type === '*/*');
    return match && Number.isFinite(match.q) ? match.q : 0;
  };
  const graphql = quality(GRAPHQL_RESPONSE_JSON);
  return graphql > 0 && graphql > quality(APPLICATION_JSON);
}

/** A refusal before GraphQL runs, in the media type the client asked for (status adjusted by the hook below). */
export function refuseGraphQLRequest(
  request: FastifyRequest,
  reply: FastifyReply,
  code: string,
  message: string,
): FastifyReply {
  const type = prefersGraphQLResponseJson(request.headers.accept) ? GRAPHQL_RESPONSE_JSON : APPLICATION_JSON;
  return reply
    .code(400)
    .type(`${type}; charset=utf-8`)
    .send(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * onSend hook of the GraphQL route: a request error answered as `application/json` gets 200, as the
 * GraphQL-over-HTTP spec says (Apollo Server answers 400 whatever the media type).
 */
export async function requestErrorStatus(
  _request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  if (reply.statusCode !== 400 || typeof payload !== 'string') return payload;
  if (!String(reply.getHeader('content-type') ?? '').startsWith(APPLICATION_JSON)) return payload;
  try {
    const body = JSON.parse(payload) as {
      data?: unknown;
      errors?: Array<{ extensions?: { code?: unknown } }>;
    };
    const errors = body.errors ?? [];
    if (
      errors.length > 0 &&
      errors.every((error) => REQUEST_ERROR_CODES.has(String(error.extensions?.code)))
    ) {
      reply.code(200);
    }
  } catch {
    // Not a GraphQL answer (e.g. a body that was not JSON): its 400 stands.
  }
  return payload;
}

export interface DocumentGuardOptions {
  maxCharacters: number;
  maxTokens: number;
  limits: OperationLimits;
}

/**
 * Why an operation's text is refused before Apollo parses and validates it: too long, or a shape whose
 * validation would be slow (see operation-limits). Text that does not parse is left to Apollo, which
 * reports the syntax error itself (with the same token limit).
 */
export function documentProblem(
  query: string,
  options: DocumentGuardOptions,
): { code: string; message: string } | undefined {
  if (query.length > options.maxCharacters) {
    return {
      code: 'BAD_USER_INPUT',
      message: `The operation is longer than ${options.maxCharacters} characters.`,
    };
  }
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: options.maxTokens, noLocation: true });
  } catch {
    return undefined;
  }
  const problem = operationShapeProblem(document, options.limits);
  return problem ? { code: 'GRAPHQL_VALIDATION_FAILED', message: problem } : undefined;
}

const DOCUMENT_VERDICTS_KEPT = 1000;

/**
 * `documentProblem` remembered per query text (the verdict depends only on the text and the options): the
 * clients' operations come back on every request, and parsing and walking them again was ~3% of the gateway's
 * CPU on the submit path. Bounded: an attacker's stream of distinct texts only churns the memory.
 */
export function rememberedDocumentProblem(
  options: DocumentGuardOptions,
  kept = DOCUMENT_VERDICTS_KEPT,
): (query: string) => { code: string; message: string } | undefined {
  const verdicts = new Map<string, { code: string; message: string } | null>();
  return (query) => {
    const known = verdicts.get(query);
    if (known !== undefined) return known ?? undefined;
    const problem = documentProblem(query, options);
    // Texts over the length limit are refused before parsing anyway: not worth a slot.
    if (query.length <= options.maxCharacters) {
      if (verdicts.size >= kept) verdicts.delete(verdicts.keys().next().value as string);
      verdicts.set(query, problem ?? null);
    }
    return problem;
  };
}

/**
 * Answers what graphql-js and the gateway would otherwise turn into a 500: no operation to run (several
 * without `operationName`, or an unknown name) and subscriptions, which the graph does not serve over HTTP.
 */
export function operationResolutionPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (!operation) {
            throw new GraphQLError(
              request.operationName
                ? `Unknown operation named "${request.operationName}".`
                : 'Must provide operationName when the document contains several operations.',
              { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } },
            );
          }
          if (operation.operation === OperationTypeNode.SUBSCRIPTION) {
            throw new GraphQLError('The graph has no subscriptions.', {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
