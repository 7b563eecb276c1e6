import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode, isDomainError } from '@nets/shared/util-errors';
import type { Logger } from '@nets/shared/util-logger';

/** The `extensions.code` each domain error code is reported under. */
export function graphQLCodeFor(code: ErrorCode): string {
  switch (code) {
    case ErrorCode.BadUserInput:
      return 'BAD_USER_INPUT';
    case ErrorCode.Unauthenticated:
      return 'UNAUTHENTICATED';
    case ErrorCode.Forbidden:
      return 'FORBIDDEN';
    case ErrorCode.NotFound:
      return 'NOT_FOUND';
    case ErrorCode.Conflict:
      return 'CONFLICT';
    case ErrorCode.RateLimited:
      return 'RATE_LIMITED';
    default: {
      const unexpected: never = code;
      throw new Error(`Unmapped error code ${String(unexpected)}`);
    }
  }
}

/**
 * Codes passed through as they are: Apollo's own request errors, and our domain codes as they arrive at
 * the gateway from a subgraph (with their details).
 */
const PASS_THROUGH_CODES = new Set<string>([
  ...Object.values(ErrorCode).map(graphQLCodeFor),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export function createErrorFormatter(logger: Logger, exposeStack: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (isDomainError(original)) {
      return {
        message: original.message,
        ...(formatted.path ? { path: formatted.path } : {}),
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        extensions: {
          code: graphQLCodeFor(original.code),
          ...(original.details.length > 0 ? { details: original.details } : {}),
        },
      };
    }
    const code = formatted.extensions?.['code'];
    if (typeof code === 'string' && PASS_THROUGH_CODES.has(code)) {
      if (exposeStack) return formatted;
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error in resolver');
    return {
      message: 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...(exposeStack ? { detail: formatted.message } : {}) },
    };
  };
}
