import { REGIONS, ROLES, type Region, type Role } from '@nets/shared/auth';

/** The signed-in member of staff, as the identity provider's ID token describes them. */
export interface StaffUser {
  subject: string;
  name: string;
  role: Role;
  /** Provider and education-provider users: their organisation's id. */
  organisationId?: string;
  /** Quality teams: their NHS region. */
  region?: Region;
}

/** Which claim carries each fact: NHS England's identity service names them differently from the demo's. */
export interface ClaimMapping {
  role: string;
  organisation: string;
  region: string;
  name: string;
}

export class UnusableClaimsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnusableClaimsError';
  }
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** The user an ID token's claims describe; a token without a known role signs nobody in. */
export function staffUserFromClaims(claims: Record<string, unknown>, mapping: ClaimMapping): StaffUser {
  const subject = text(claims['sub']);
  if (!subject) throw new UnusableClaimsError('The ID token names no subject.');
  const role = text(claims[mapping.role]);
  if (!role || !(ROLES as readonly string[]).includes(role))
    throw new UnusableClaimsError(`The ID token's ${mapping.role} claim names no NETS role.`);
  const region = text(claims[mapping.region]);
  if (region !== undefined && !(REGIONS as readonly string[]).includes(region))
    throw new UnusableClaimsError(`The ID token's ${mapping.region} claim names no NHS region.`);
  return {
    subject,
    name: text(claims[mapping.name]) ?? subject,
    role: role as Role,
    organisationId: text(claims[mapping.organisation]),
    region: region as Region | undefined,
  };
}
