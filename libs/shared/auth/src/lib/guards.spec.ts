import { ForbiddenError, UnauthenticatedError } from '@nets/shared/util-errors';
import { canReadOrganisation, requireRole, requireSignedIn } from './guards';
import { ANONYMOUS, type UserIdentity } from './identity';

const user = (overrides: Partial<UserIdentity>): UserIdentity => ({
  kind: 'user',
  subject: 's',
  role: 'ADMIN',
  ...overrides,
});

describe('guards', () => {
  it('requires a signed-in user', () => {
    expect(() => requireSignedIn(ANONYMOUS)).toThrow(UnauthenticatedError);
    expect(requireSignedIn(user({}))).toMatchObject({ role: 'ADMIN' });
  });

  it('requires one of the roles', () => {
    expect(() => requireRole(user({ role: 'NATIONAL_ANALYST' }), 'ADMIN')).toThrow(ForbiddenError);
    expect(requireRole(user({ role: 'ADMIN' }), 'ADMIN', 'NATIONAL_ANALYST').role).toBe('ADMIN');
  });

  it('scopes organisations by role', () => {
    const org = { id: 'o1', region: 'LONDON' as const };
    expect(canReadOrganisation(ANONYMOUS, org)).toBe(false);
    expect(canReadOrganisation(user({ role: 'PROVIDER_USER', organisationId: 'o1' }), org)).toBe(true);
    expect(canReadOrganisation(user({ role: 'PROVIDER_USER', organisationId: 'o2' }), org)).toBe(false);
    expect(canReadOrganisation(user({ role: 'QUALITY_TEAM', region: 'LONDON' }), org)).toBe(true);
    expect(canReadOrganisation(user({ role: 'QUALITY_TEAM', region: 'NORTH_WEST' }), org)).toBe(false);
    expect(canReadOrganisation(user({ role: 'NATIONAL_ANALYST' }), org)).toBe(true);
  });
});
