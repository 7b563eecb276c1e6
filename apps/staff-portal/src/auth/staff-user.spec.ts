import { staffUserFromClaims, UnusableClaimsError } from './staff-user';

const DEMO = { role: 'role', organisation: 'org', region: 'region', name: 'name' };

describe('staff user from ID token claims', () => {
  it('reads role, organisation, region and name through the configured claim names', () => {
    expect(
      staffUserFromClaims({ sub: 'u1', role: 'PROVIDER_USER', org: 'a3c1', name: 'Pat Provider' }, DEMO),
    ).toEqual({
      subject: 'u1',
      name: 'Pat Provider',
      role: 'PROVIDER_USER',
      organisationId: 'a3c1',
      region: undefined,
    });
    const live = { role: 'nets_role', organisation: 'nhs_org', region: 'nhs_region', name: 'given_name' };
    expect(
      staffUserFromClaims(
        { sub: 'u2', nets_role: 'QUALITY_TEAM', nhs_region: 'LONDON', given_name: 'Quinn' },
        live,
      ),
    ).toEqual({
      subject: 'u2',
      name: 'Quinn',
      role: 'QUALITY_TEAM',
      organisationId: undefined,
      region: 'LONDON',
    });
  });

  it('names the user by their subject when the token has no name', () => {
    expect(staffUserFromClaims({ sub: 'u3', role: 'NATIONAL_ANALYST' }, DEMO).name).toBe('u3');
  });

  it('signs nobody in without a subject, with an unknown role or an unknown region', () => {
    expect(() => staffUserFromClaims({ role: 'ADMIN' }, DEMO)).toThrow(UnusableClaimsError);
    expect(() => staffUserFromClaims({ sub: 'u', role: 'LEARNER' }, DEMO)).toThrow(/names no NETS role/);
    expect(() => staffUserFromClaims({ sub: 'u', role: 'QUALITY_TEAM', region: 'WALES' }, DEMO)).toThrow(
      /names no NHS region/,
    );
  });
});
