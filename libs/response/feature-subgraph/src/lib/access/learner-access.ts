import type { Identity } from '@nets/shared/auth';
import { ForbiddenError, type ErrorDetail } from '@nets/shared/util-errors';

/**
 * Only learners, who answer anonymously, submit or save drafts: a signed-in user (any role) could otherwise
 * stuff their own organisation's results, and would skip the per-address limit.
 */
export function assertLearner(identity: Identity): void {
  if (identity.kind !== 'anonymous') {
    throw new ForbiddenError(
      'Only learners, answering anonymously, may respond to the survey or save a draft: sign out first.',
    );
  }
}

/** Resume tokens are 32 random bytes in base64url (43 characters), always made by the server. */
const RESUME_TOKEN = /^[A-Za-z0-9_-]{43}$/;
export const MAX_RESUME_TOKEN_LENGTH = 100;

/** A resume token the learner sends back: never empty, never chosen (a token the server did not make is unknown). */
export function checkResumeToken(token: string, path = 'resumeToken'): ErrorDetail[] {
  if (token.trim() === '') {
    return [{ path, message: 'Leave the resume token out to start a new draft; it cannot be empty.' }];
  }
  if (token.length > MAX_RESUME_TOKEN_LENGTH) {
    return [{ path, message: `A resume token is at most ${MAX_RESUME_TOKEN_LENGTH} characters.` }];
  }
  return [];
}

/** Whether a token could have been made by the server; any other is unknown without a database read. */
export const isWellFormedResumeToken = (token: string): boolean => RESUME_TOKEN.test(token);
