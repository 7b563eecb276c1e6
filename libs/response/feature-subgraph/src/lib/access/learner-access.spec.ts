import { ForbiddenError } from '@nets/shared/util-errors';
import { newResumeToken } from '@nets/response/domain';
import { assertLearner, checkResumeToken, isWellFormedResumeToken } from './learner-access';
import { unredactedFor } from '../services/feedback.service';

describe('who may respond, and resume tokens', () => {
  it('lets anonymous callers respond and refuses any signed-in user', () => {
    expect(() => assertLearner({ kind: 'anonymous' })).not.toThrow();
    expect(() =>
      assertLearner({ kind: 'user', role: 'PROVIDER_USER', subject: 's', organisationId: 'o' } as never),
    ).toThrow(ForbiddenError);
  });

  it('refuses an empty or over-long token and recognises only tokens the server could have made', () => {
    expect(checkResumeToken('')[0]?.message).toContain('cannot be empty');
    expect(checkResumeToken('   ')).toHaveLength(1);
    expect(checkResumeToken('x'.repeat(101))).toHaveLength(1);
    const token = newResumeToken();
    expect(checkResumeToken(token)).toEqual([]);
    expect(isWellFormedResumeToken(token)).toBe(true);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(isWellFormedResumeToken('my-own-token')).toBe(false);
  });
});

describe('unredacted text', () => {
  const comment = {
    status: 'IN_REVIEW' as const,
    region: 'LONDON',
    originalText: 'Call Sam on 07700 900123',
  };
  it('is shown only for a comment in review, only to the quality team of its region', () => {
    expect(unredactedFor(comment, 'LONDON')).toBe(comment.originalText);
    expect(unredactedFor(comment, 'NORTH_WEST')).toBeNull();
    expect(unredactedFor(comment, undefined)).toBeNull();
    expect(unredactedFor({ ...comment, status: 'RELEASED' }, 'LONDON')).toBeNull();
  });
});
