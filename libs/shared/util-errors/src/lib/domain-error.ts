/** Stable error codes every service reports in GraphQL `extensions.code`. */
export enum ErrorCode {
  BadUserInput = 'BAD_USER_INPUT',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  RateLimited = 'RATE_LIMITED',
}

export interface ErrorDetail {
  /** Where the problem is, e.g. `sections[2].questions[0].code`. */
  path?: string;
  message: string;
}

/**
 * A mistake by the caller or a rule of the domain that refuses the request. Services throw these
 * (never a bare `Error`) so the edge can map them to a stable GraphQL error; anything else is a bug.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class BadUserInputError extends DomainError {
  constructor(message: string, details: readonly ErrorDetail[] = []) {
    super(ErrorCode.BadUserInput, message, details);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'You must be signed in to do this.') {
    super(ErrorCode.Unauthenticated, message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this.') {
    super(ErrorCode.Forbidden, message);
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string) {
    super(ErrorCode.NotFound, message);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super(ErrorCode.Conflict, message);
  }
}

export class RateLimitedError extends DomainError {
  constructor(message: string) {
    super(ErrorCode.RateLimited, message);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
