import type { UserIdentity } from '@nets/shared/auth';
import type { ConcernSource } from '@nets/concerns/contract-events';
import { BadUserInputError, ForbiddenError } from '@nets/shared/util-errors';
import type { NewConcernRecord } from '../models/concern.models';

/** The registry's view of an organisation that raising a concern needs. */
export interface RegisteredOrganisation {
  id: string;
  name: string;
  region: string;
  status: string;
  roles: readonly string[];
  sites: ReadonlyArray<{ id: string }>;
}

/** Who raises decides the source; the quality team may record one raised by a regulator. */
export function concernSourceFor(
  user: UserIdentity,
  requested: ConcernSource | null | undefined,
): ConcernSource {
  switch (user.role) {
    case 'QUALITY_TEAM':
      if (requested && requested !== 'QUALITY_TEAM' && requested !== 'REGULATOR')
        throw new BadUserInputError('The quality team records concerns of its own or from a regulator.', [
          { path: 'input.source', message: 'QUALITY_TEAM or REGULATOR' },
        ]);
      return requested ?? 'QUALITY_TEAM';
    case 'PROVIDER_USER':
      return 'PROVIDER_SELF_REPORT';
    case 'EDUCATION_PROVIDER_USER':
      return 'EDUCATION_PROVIDER';
    case 'NATIONAL_ANALYST':
    case 'ADMIN':
      throw new ForbiddenError('Analysts and administrators do not raise concerns.');
  }
}

/**
 * A provider raises concerns about its own organisation, the quality team in its own region; a site named
 * must be a site of the organisation concerned.
 */
export function assertMayRaiseAbout(
  user: UserIdentity,
  organisation: RegisteredOrganisation | undefined,
  siteId: string | null,
): asserts organisation is RegisteredOrganisation {
  if (!organisation)
    throw new BadUserInputError('No such organisation in the registry.', [
      { path: 'input.organisationId', message: 'unknown organisation' },
    ]);
  if (user.role === 'PROVIDER_USER' && organisation.id !== user.organisationId)
    throw new ForbiddenError('A provider may raise concerns about its own organisation only.');
  if (user.role === 'QUALITY_TEAM' && organisation.region !== user.region)
    throw new ForbiddenError('The quality team raises concerns in its own region.');
  if (siteId && !organisation.sites.some((site) => site.id === siteId))
    throw new BadUserInputError(`The site is not a site of ${organisation.name}.`, [
      { path: 'input.siteId', message: 'a site of the organisation concerned' },
    ]);
}

/** The education provider a concern names must be an active education provider of the registry. */
export function assertEducationProvider(organisation: RegisteredOrganisation | undefined): void {
  if (!organisation || organisation.status !== 'ACTIVE' || !organisation.roles.includes('EDUCATION_PROVIDER'))
    throw new BadUserInputError('educationProviderId is not an education provider in the registry.', [
      { path: 'input.educationProviderId', message: 'an active education provider' },
    ]);
}

type RaisedConcernFields = Pick<
  NewConcernRecord,
  | 'id'
  | 'source'
  | 'organisationId'
  | 'originalOrganisationId'
  | 'region'
  | 'category'
  | 'description'
  | 'raisedBy'
  | 'raisedByRole'
  | 'raisedAt'
> &
  Partial<NewConcernRecord>;

/** A concern as it stands when raised, by a person or by intake: nothing graded, escalated or closed yet. */
export function raisedConcern(fields: RaisedConcernFields): NewConcernRecord {
  return {
    status: 'RAISED',
    siteId: null,
    programme: null,
    learnerGroups: [],
    educationProviderId: null,
    standardsAtRisk: [],
    learnerText: null,
    contactDetails: null,
    followUpCodeHash: null,
    learnerIdentifiable: false,
    intakeKey: null,
    likelihood: null,
    consequence: null,
    controls: null,
    isfLevel: null,
    isfConfigVersion: null,
    isfRationale: null,
    isfReviewProposed: false,
    escalationStep: 1,
    nextUpdateDue: null,
    updatedAt: fields.raisedAt,
    resolvedAt: null,
    closedAt: null,
    ...fields,
  };
}
