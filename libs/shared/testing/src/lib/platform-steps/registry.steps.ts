import type { Region } from '@nets/shared/auth';
import type { PlatformClient } from './gateway-client';

export interface RegisteredOrganisation {
  id: string;
  odsCode: string;
  name: string;
  region: Region;
  sites: Array<{ id: string; code: string; name: string }>;
}

const REGISTER = `mutation($input: RegisterOrganisationInput!) {
  registerOrganisation(input: $input) { id odsCode name region sites { id code name } }
}`;

async function register(
  admin: PlatformClient,
  input: Record<string, unknown>,
): Promise<RegisteredOrganisation> {
  const { registerOrganisation } = await admin.call<{ registerOrganisation: RegisteredOrganisation }>(
    REGISTER,
    {
      input,
    },
  );
  return registerOrganisation;
}

/** An administrator registers an NHS trust (ODS code `R` + two letters) with one site. */
export function registerTrust(
  admin: PlatformClient,
  odsCode: string,
  name: string,
  region: Region,
): Promise<RegisteredOrganisation> {
  return register(admin, {
    odsCode,
    name,
    kind: 'NHS_TRUST',
    roles: ['PLACEMENT_PROVIDER'],
    region,
    sites: [{ code: `${odsCode}01`, name: `${name.split(' ')[0]} General Hospital` }],
  });
}

/** An administrator registers a university, an education provider without sites. */
export function registerUniversity(
  admin: PlatformClient,
  odsCode: string,
  name: string,
  region: Region,
): Promise<RegisteredOrganisation> {
  return register(admin, {
    odsCode,
    name,
    kind: 'UNIVERSITY',
    roles: ['EDUCATION_PROVIDER'],
    region,
    sites: [],
  });
}
