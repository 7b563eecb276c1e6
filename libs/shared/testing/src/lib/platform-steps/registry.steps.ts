import type { Region } from '@nets/shared/auth';
import type { PlatformClient } from './gateway-client';

export interface RegisteredOrganisation {
  id: string;
  odsCode: string;
  name: string;
  region: Region;
  sites: Array<{ id: string; code: string; name: string }>;
}

/** An administrator registers an NHS trust (ODS code `R` + two letters) with one site. */
export async function registerTrust(
  admin: PlatformClient,
  odsCode: string,
  name: string,
  region: Region,
): Promise<RegisteredOrganisation> {
  const { registerOrganisation } = await admin.call<{ registerOrganisation: RegisteredOrganisation }>(
    `mutation($input: RegisterOrganisationInput!) {
      registerOrganisation(input: $input) { id odsCode name region sites { id code name } }
    }`,
    {
      input: {
        odsCode,
        name,
        kind: 'NHS_TRUST',
        roles: ['PLACEMENT_PROVIDER'],
        region,
        sites: [{ code: `${odsCode}01`, name: `${name.split(' ')[0]} General Hospital` }],
      },
    },
  );
  return registerOrganisation;
}
