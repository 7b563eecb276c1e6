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

/**
 * The SQLSTATE of a PostgreSQL error (TypeORM's QueryFailedError carries the driver's `code`), or undefined.
 * Read by shape: the server lib does not import TypeORM or pg.
 */
export function sqlStateOf(error: unknown): string | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const candidates = [error, (error as { driverError?: unknown }).driverError];
  for (const candidate of candidates) {
    const code = (candidate as { code?: unknown } | undefined)?.code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/**
 * Database refusals a caller's value can cause: the value is not valid for its column (class 22: a non-UUID
 * id, a NUL byte, a date out of range, a number or text too large), or breaks a check or a reference. The
 * answer names no table, column or SQL. Unique violations are conflicts. Anything else stays internal.
 */
function codeForDatabaseError(sqlState: string): { code: string; message: string } | undefined {
  if (sqlState.startsWith('22')) {
    return {
      code: 'BAD_USER_INPUT',
      message: 'A value in the request is not valid (wrong form, or out of range).',
    };
  }
  if (sqlState === '23503' || sqlState === '23514') {
    return {
      code: 'BAD_USER_INPUT',
      message: 'A value in the request refers to nothing known, or is not allowed.',
    };
  }
  if (sqlState === '23505') return { code: 'CONFLICT', message: 'This already exists.' };
  return undefined;
}

/** Only these extensions reach a client: nothing about the subgraph, the server or its stack. */
function publicExtensions(extensions: GraphQLFormattedError['extensions']): Record<string, unknown> {
  const { code, details } = extensions ?? {};
  return { ...(code !== undefined ? { code } : {}), ...(details !== undefined ? { details } : {}) };
}

export function createErrorFormatter(logger: Logger, exposeStack: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const sqlState = sqlStateOf(original);
    const database = sqlState ? codeForDatabaseError(sqlState) : undefined;
    if (database) {
      // Not the error itself: it carries the statement's parameters, the caller's (possibly personal) text.
      logger.warn({ sqlState, path: formatted.path }, 'database refused a value from the request');
      return {
        message: database.message,
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: database.code },
      };
    }
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
      return { ...formatted, extensions: publicExtensions(formatted.extensions) };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error in resolver');
    return {
      message: 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...(exposeStack ? { detail: formatted.message } : {}) },
    };
  };
}
