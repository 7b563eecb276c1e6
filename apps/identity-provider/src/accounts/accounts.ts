import type { Region, Role } from '@nets/shared/auth';
import { DEMO_PASSWORD, findDemoUser, type DemoUser } from './demo-users';
import type { OrganisationDirectory } from './organisation-directory';

/** The claims the gateway and subgraphs read (`identityFromClaims`), in the ID token and the access token. */
export interface NetsClaims {
  sub: string;
  role: Role;
  name: string;
  org?: string;
  region?: Region;
}

export type SignInResult =
  | { ok: true; claims: NetsClaims }
  | { ok: false; field: 'username' | 'password'; message: string };

export class OrganisationNotRegisteredError extends Error {
  constructor(readonly user: DemoUser) {
    super(
      `${user.organisation?.name} (${user.organisation?.odsCode}) is not registered on this platform, so ` +
        `${user.username} cannot sign in: load the demo data (npm start does) or register the organisation.`,
    );
    this.name = 'OrganisationNotRegisteredError';
  }
}

export interface Accounts {
  /** Checks the password and resolves the user's organisation; a refusal says what to correct. */
  signIn(username: string, password: string): Promise<SignInResult>;
  /** The claims of a signed-in user (for tokens and refresh); undefined when they can no longer sign in. */
  claimsOf(sub: string): Promise<NetsClaims | undefined>;
}

export function createDemoAccounts(directory: OrganisationDirectory): Accounts {
  const claimsFor = async (user: DemoUser): Promise<NetsClaims> => {
    const claims: NetsClaims = { sub: user.username, role: user.role, name: user.name };
    if (user.region) claims.region = user.region;
    if (user.organisation) {
      const org = await directory.idOf(user.organisation.odsCode);
      if (!org) throw new OrganisationNotRegisteredError(user);
      claims.org = org;
    }
    return claims;
  };
  return {
    async signIn(username, password) {
      if (username.trim() === '') return { ok: false, field: 'username', message: 'Enter your username' };
      if (password === '') return { ok: false, field: 'password', message: 'Enter your password' };
      const user = findDemoUser(username);
      if (!user || password !== DEMO_PASSWORD) {
        return { ok: false, field: 'password', message: 'The username or password is not correct' };
      }
      try {
        return { ok: true, claims: await claimsFor(user) };
      } catch (error) {
        if (error instanceof OrganisationNotRegisteredError) {
          return { ok: false, field: 'username', message: error.message };
        }
        throw error;
      }
    },
    async claimsOf(sub) {
      const user = findDemoUser(sub);
      if (!user) return undefined;
      try {
        return await claimsFor(user);
      } catch (error) {
        if (error instanceof OrganisationNotRegisteredError) return undefined;
        throw error;
      }
    },
  };
}
