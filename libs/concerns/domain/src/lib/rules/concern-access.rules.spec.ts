import type { UserIdentity } from '@nets/shared/auth';
import { ForbiddenError } from '@nets/shared/util-errors';
import {
  LEARNER_ACTOR_ROLE,
  assertCanAct,
  canReadConcern,
  canSeeLearnerDetails,
  disclosedTime,
  learnerOriginDisclosure,
  readerScope,
  toUtcDay,
} from './concern-access.rules';

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

describe('what a learner-originated concern discloses', () => {
  const learner = { ...concern, learnerIdentifiable: false };
  const identified = { ...learner, learnerIdentifiable: true };
  const raisedByStaff = { ...learner, source: 'QUALITY_TEAM' as const };
  const provider = user({ role: 'PROVIDER_USER', organisationId: 'org-1' });
  const educationProvider = user({ role: 'EDUCATION_PROVIDER_USER', organisationId: 'hei-1' });

  it('shows the regional quality team everything', () => {
    expect(learnerOriginDisclosure(user({ region: 'LONDON' }), learner)).toEqual({
      exactTimes: true,
      placementDetails: true,
    });
  });

  it('shows providers, education providers and another region the day and no placement details', () => {
    for (const reader of [provider, educationProvider, user({ region: 'NORTH_WEST' })])
      expect(learnerOriginDisclosure(reader, learner)).toEqual({
        exactTimes: false,
        placementDetails: false,
      });
  });

  it('shows placement details, never the time, once the learner agreed to be identified', () => {
    expect(learnerOriginDisclosure(provider, identified)).toEqual({
      exactTimes: false,
      placementDetails: true,
    });
  });

  it('leaves concerns people raised as they are', () => {
    expect(learnerOriginDisclosure(provider, raisedByStaff)).toEqual({
      exactTimes: true,
      placementDetails: true,
    });
  });

  it('rounds only what a learner set off to the UTC day', () => {
    const at = new Date('2025-10-02T23:59:59.999Z');
    expect(toUtcDay(at).toISOString()).toBe('2025-10-02T00:00:00.000Z');
    expect(disclosedTime(learner, LEARNER_ACTOR_ROLE, at).toISOString()).toBe('2025-10-02T00:00:00.000Z');
    expect(disclosedTime(learner, 'QUALITY_TEAM', at)).toBe(at);
    expect(disclosedTime(raisedByStaff, LEARNER_ACTOR_ROLE, at)).toBe(at);
  });
});
