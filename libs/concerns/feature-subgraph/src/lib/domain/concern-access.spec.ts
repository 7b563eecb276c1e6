import type { UserIdentity } from '@nets/shared/auth';
import { ForbiddenError } from '@nets/shared/util-errors';
import { assertCanAct, canReadConcern, canSeeLearnerDetails, readerScope } from './concern-access';

const user = (overrides: Partial<UserIdentity>): UserIdentity => ({
  kind: 'user',
  subject: 'u',
  role: 'QUALITY_TEAM',
  ...overrides,
});
const concern = {
  region: 'LONDON',
  organisationId: 'org-1',
  educationProviderId: 'hei-1',
  source: 'LEARNER_SERIOUS_CONCERN' as const,
};

describe('concern access', () => {
  it('scopes readers by role', () => {
    expect(canReadConcern(user({ region: 'LONDON' }), concern)).toBe(true);
    expect(canReadConcern(user({ region: 'NORTH_WEST' }), concern)).toBe(false);
    expect(canReadConcern(user({ role: 'PROVIDER_USER', organisationId: 'org-1' }), concern)).toBe(true);
    expect(canReadConcern(user({ role: 'PROVIDER_USER', organisationId: 'org-2' }), concern)).toBe(false);
    expect(canReadConcern(user({ role: 'EDUCATION_PROVIDER_USER', organisationId: 'hei-1' }), concern)).toBe(
      true,
    );
    expect(canReadConcern(user({ role: 'NATIONAL_ANALYST' }), concern)).toBe(false);
    expect(readerScope({ kind: 'anonymous' })).toBeUndefined();
  });

  it('shows learner details only to the quality team of the region', () => {
    expect(canSeeLearnerDetails(user({ region: 'LONDON' }), concern)).toBe(true);
    expect(canSeeLearnerDetails(user({ region: 'MIDLANDS' }), concern)).toBe(false);
    expect(canSeeLearnerDetails(user({ role: 'PROVIDER_USER', organisationId: 'org-1' }), concern)).toBe(
      false,
    );
    expect(canSeeLearnerDetails(user({ role: 'ADMIN' }), concern)).toBe(false);
    expect(canSeeLearnerDetails(user({ region: 'LONDON' }), { ...concern, region: null })).toBe(false);
  });

  it('lets a provider withdraw only what it raised', () => {
    const provider = user({ role: 'PROVIDER_USER', organisationId: 'org-1' });
    expect(() => assertCanAct(provider, concern, 'WITHDRAW')).toThrow(ForbiddenError);
    expect(() =>
      assertCanAct(provider, { ...concern, source: 'PROVIDER_SELF_REPORT' }, 'WITHDRAW'),
    ).not.toThrow();
  });
});
