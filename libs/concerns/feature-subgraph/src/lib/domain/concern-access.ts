import type { Identity, UserIdentity } from '@nets/shared/auth';
import type { ConcernRecord, ConcernScope } from '@nets/concerns/data-access';
import { ForbiddenError } from '@nets/shared/util-errors';
import type { ConcernOperation } from './concern-lifecycle';

type ScopedConcern = Pick<ConcernRecord, 'region' | 'organisationId' | 'educationProviderId' | 'source'>;

/**
 * Which concerns a user may read: the quality team its region, a placement provider concerns about it,
 * an education provider those it raised or that are about its programmes. Analysts and administrators
 * read counts only (the dashboard), never a concern.
 */
export function readerScope(identity: Identity): ConcernScope | undefined {
  if (identity.kind !== 'user') return undefined;
  switch (identity.role) {
    case 'QUALITY_TEAM':
      return identity.region ? { kind: 'region', region: identity.region } : undefined;
    case 'PROVIDER_USER':
      return identity.organisationId
        ? { kind: 'organisation', organisationId: identity.organisationId }
        : undefined;
    case 'EDUCATION_PROVIDER_USER':
      return identity.organisationId
        ? { kind: 'education-provider', organisationId: identity.organisationId }
        : undefined;
    case 'NATIONAL_ANALYST':
    case 'ADMIN':
      return undefined;
  }
}

export function requireReaderScope(identity: Identity): ConcernScope {
  const scope = readerScope(identity);
  if (!scope)
    throw new ForbiddenError('Only the quality team and the providers concerned may read concerns.');
  return scope;
}

export function inScope(scope: ConcernScope, concern: ScopedConcern): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'region':
      return concern.region !== null && concern.region === scope.region;
    case 'organisation':
      return concern.organisationId === scope.organisationId;
    case 'education-provider':
      return concern.educationProviderId === scope.organisationId;
  }
}

export function canReadConcern(identity: Identity, concern: ScopedConcern): boolean {
  const scope = readerScope(identity);
  return scope !== undefined && inScope(scope, concern);
}

/** Learner text and contact details: the quality team of the concern's region, and nobody else. */
export function canSeeLearnerDetails(identity: Identity, concern: ScopedConcern): boolean {
  return (
    identity.kind === 'user' &&
    identity.role === 'QUALITY_TEAM' &&
    concern.region !== null &&
    identity.region === concern.region
  );
}

/** Scope for acting: reading is required, and withdrawing is for the quality team or whoever raised it. */
export function assertCanAct(user: UserIdentity, concern: ScopedConcern, operation: ConcernOperation): void {
  if (!canReadConcern(user, concern)) throw new ForbiddenError('This concern is outside your scope.');
  if (operation !== 'WITHDRAW' || user.role === 'QUALITY_TEAM') return;
  const raisedByCaller =
    (user.role === 'PROVIDER_USER' && concern.source === 'PROVIDER_SELF_REPORT') ||
    (user.role === 'EDUCATION_PROVIDER_USER' && concern.source === 'EDUCATION_PROVIDER');
  if (!raisedByCaller)
    throw new ForbiddenError('Only the quality team or whoever raised a concern may withdraw it.');
}
