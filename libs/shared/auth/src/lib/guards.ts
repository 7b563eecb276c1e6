import { ForbiddenError, UnauthenticatedError } from '@nets/shared/util-errors';
import type { Identity, Region, Role, UserIdentity } from './identity';

export function requireSignedIn(identity: Identity): UserIdentity {
  if (identity.kind !== 'user') {
    throw new UnauthenticatedError();
  }
  return identity;
}

export function requireRole(identity: Identity, ...roles: readonly Role[]): UserIdentity {
  const user = requireSignedIn(identity);
  if (!roles.includes(user.role)) {
    throw new ForbiddenError(`This needs one of the roles ${roles.join(', ')}.`);
  }
  return user;
}

export function hasRole(identity: Identity, ...roles: readonly Role[]): identity is UserIdentity {
  return identity.kind === 'user' && roles.includes(identity.role);
}

/** Roles that read every organisation and region. */
export function isNational(identity: Identity): boolean {
  return hasRole(identity, 'NATIONAL_ANALYST', 'ADMIN');
}

export interface ScopedOrganisation {
  id: string;
  region: Region;
}

/**
 * Whether a user may read data about an organisation: its own users, the quality team of its region,
 * national roles. Education-provider access to programme learners is decided by the owning domain.
 */
export function canReadOrganisation(identity: Identity, organisation: ScopedOrganisation): boolean {
  if (identity.kind !== 'user') return false;
  switch (identity.role) {
    case 'ADMIN':
    case 'NATIONAL_ANALYST':
      return true;
    case 'QUALITY_TEAM':
      return identity.region === organisation.region;
    case 'PROVIDER_USER':
    case 'EDUCATION_PROVIDER_USER':
      return identity.organisationId === organisation.id;
    default:
      return assertNever(identity.role);
  }
}

export function assertCanReadOrganisation(
  identity: Identity,
  organisation: ScopedOrganisation,
): UserIdentity {
  const user = requireSignedIn(identity);
  if (!canReadOrganisation(user, organisation)) {
    throw new ForbiddenError('You may only see organisations within your scope.');
  }
  return user;
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value ${String(value)}`);
}
