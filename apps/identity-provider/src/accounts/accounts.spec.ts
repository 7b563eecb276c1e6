import { identityFromClaims, REGIONS, ROLES } from '@nets/shared/auth';
import { createDemoAccounts } from './accounts';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users';
import type { OrganisationDirectory } from './organisation-directory';

const registered = (ids: Record<string, string>): OrganisationDirectory => ({
  idOf: async (odsCode) => ids[odsCode],
});
const ID_OF = Object.fromEntries(
  DEMO_USERS.flatMap((user, index) =>
    user.organisation
      ? [[user.organisation.odsCode, `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`]]
      : [],
  ),
);

describe('demo users', () => {
  it('cover every role, a quality team for every region, with unique usernames', () => {
    expect(new Set(DEMO_USERS.map((user) => user.role))).toEqual(new Set(ROLES));
    expect(DEMO_USERS.filter((user) => user.role === 'QUALITY_TEAM').map((user) => user.region)).toEqual([
      ...REGIONS,
    ]);
    expect(new Set(DEMO_USERS.map((user) => user.username)).size).toBe(DEMO_USERS.length);
    expect(DEMO_USERS.map((user) => user.username)).toEqual(
      expect.arrayContaining([
        'admin',
        'national.analyst',
        'quality.london',
        'provider.r2s',
        'education.10001006',
        'education.10001002',
      ]),
    );
  });

  it('sign in with the demo password to claims the services accept', async () => {
    const accounts = createDemoAccounts(registered(ID_OF));
    for (const user of DEMO_USERS) {
      const outcome = await accounts.signIn(user.username, DEMO_PASSWORD);
      if (!outcome.ok) throw new Error(`${user.username}: ${outcome.message}`);
      const identity = identityFromClaims({ ...outcome.claims });
      expect(identity).toMatchObject({ subject: user.username, role: user.role });
      expect(identity.region).toBe(user.region);
      expect(identity.organisationId).toBe(user.organisation ? ID_OF[user.organisation.odsCode] : undefined);
    }
  });

  it('refuse a wrong password, an unknown user and empty fields, each saying what to correct', async () => {
    const accounts = createDemoAccounts(registered(ID_OF));
    await expect(accounts.signIn('admin', 'nope')).resolves.toEqual({
      ok: false,
      field: 'password',
      message: 'The username or password is not correct',
    });
    await expect(accounts.signIn('nobody', DEMO_PASSWORD)).resolves.toMatchObject({
      ok: false,
      field: 'password',
    });
    await expect(accounts.signIn(' ', DEMO_PASSWORD)).resolves.toMatchObject({
      message: 'Enter your username',
    });
    await expect(accounts.signIn('admin', '')).resolves.toMatchObject({ message: 'Enter your password' });
  });

  it('refuse a provider user whose organisation is not registered, naming it', async () => {
    const accounts = createDemoAccounts(registered({}));
    await expect(accounts.signIn('provider.r2s', DEMO_PASSWORD)).resolves.toMatchObject({
      ok: false,
      message: expect.stringMatching(/Penmouth Hospitals NHS Trust \(R2S\) is not registered/),
    });
    await expect(accounts.claimsOf('provider.r2s')).resolves.toBeUndefined();
    await expect(accounts.claimsOf('admin')).resolves.toMatchObject({ role: 'ADMIN' });
  });
});
