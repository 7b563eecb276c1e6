import type { Identity, UserIdentity } from '@nets/shared/auth';
import type { ConcernRecord, ConcernScope } from '../models/concern.models';
import { ForbiddenError } from '@nets/shared/util-errors';
import type { ConcernOperation } from './concern-lifecycle.rules';

type ScopedConcern = Pick<ConcernRecord, 'region' | 'organisationId' | 'educationProviderId' | 'source'>;
type DisclosedConcern = ScopedConcern & Pick<ConcernRecord, 'learnerIdentifiable'>;

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
  if (operation === 'WITHDRAW' && !mayWithdraw(user, concern))
    throw new ForbiddenError('Only the quality team or whoever raised a concern may withdraw it.');
}

/** The quality team withdraws any concern it reads; a provider or education provider only one it raised. */
export function mayWithdraw(user: UserIdentity, concern: Pick<ConcernRecord, 'source'>): boolean {
  return (
    user.role === 'QUALITY_TEAM' ||
    (user.role === 'PROVIDER_USER' && concern.source === 'PROVIDER_SELF_REPORT') ||
    (user.role === 'EDUCATION_PROVIDER_USER' && concern.source === 'EDUCATION_PROVIDER')
  );
}

/** A concern whose source is a learner: what they did, and when, could point at them. */
export function isLearnerOriginated(concern: Pick<ConcernRecord, 'source'>): boolean {
  return concern.source === 'LEARNER_SERIOUS_CONCERN';
}

/** The role recorded for what a learner's own action set off (intake, its timeline entry and event). */
export const LEARNER_ACTOR_ROLE = 'LEARNER';

export interface LearnerOriginDisclosure {
  /** Times a learner's action set off are shown to the millisecond; otherwise as the UTC day. */
  exactTimes: boolean;
  /** The site and learner groups, which narrow down who the learner is. */
  placementDetails: boolean;
}

/**
 * What of a learner-originated concern a caller sees, on every path (DESIGN.md §7): the regional quality
 * team of its region sees everything; everyone else (providers, education providers) the day, never the
 * time, and the site and learner group only if the learner agreed to be identified.
 */
export function learnerOriginDisclosure(
  identity: Identity,
  concern: DisclosedConcern,
): LearnerOriginDisclosure {
  if (!isLearnerOriginated(concern) || canSeeLearnerDetails(identity, concern))
    return { exactTimes: true, placementDetails: true };
  return { exactTimes: false, placementDetails: concern.learnerIdentifiable };
}

/** The start of the UTC day: the precision of times a learner's action sets off, for providers and topics. */
export function toUtcDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

/**
 * The time an event or timeline entry of a concern shows outside the quality team: the day when a learner's
 * action set it off (the intake of their serious concern), the exact time for everything people did.
 */
export function disclosedTime(concern: Pick<ConcernRecord, 'source'>, actorRole: string, at: Date): Date {
  return isLearnerOriginated(concern) && actorRole === LEARNER_ACTOR_ROLE ? toUtcDay(at) : at;
}
