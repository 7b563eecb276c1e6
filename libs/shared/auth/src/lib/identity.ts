/** Roles of DESIGN.md §2. A learner has no account: learners are anonymous callers. */
export const ROLES = [
  'PROVIDER_USER',
  'EDUCATION_PROVIDER_USER',
  'QUALITY_TEAM',
  'NATIONAL_ANALYST',
  'ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

/** The seven NHS England regions. */
export const REGIONS = [
  'LONDON',
  'SOUTH_EAST',
  'SOUTH_WEST',
  'MIDLANDS',
  'EAST_OF_ENGLAND',
  'NORTH_EAST_AND_YORKSHIRE',
  'NORTH_WEST',
] as const;
export type Region = (typeof REGIONS)[number];

/** Each region's name as people read it. */
export const REGION_NAMES: Readonly<Record<Region, string>> = {
  LONDON: 'London',
  SOUTH_EAST: 'South East',
  SOUTH_WEST: 'South West',
  MIDLANDS: 'Midlands',
  EAST_OF_ENGLAND: 'East of England',
  NORTH_EAST_AND_YORKSHIRE: 'North East and Yorkshire',
  NORTH_WEST: 'North West',
};

export interface AnonymousIdentity {
  kind: 'anonymous';
}

export interface UserIdentity {
  kind: 'user';
  subject: string;
  role: Role;
  /** Set for PROVIDER_USER and EDUCATION_PROVIDER_USER: the organisation they act for. */
  organisationId?: string;
  /** Set for QUALITY_TEAM: the region they work on. */
  region?: Region;
  name?: string;
}

export type Identity = AnonymousIdentity | UserIdentity;

export const ANONYMOUS: AnonymousIdentity = Object.freeze({ kind: 'anonymous' });

export function isUser(identity: Identity): identity is UserIdentity {
  return identity.kind === 'user';
}
