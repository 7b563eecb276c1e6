// `registerTrust` is a shared platform step (`@nets/shared/testing`, taking `gateway.as(admin)`). This adapter
// only keeps the survey web journeys' call working until they call the shared step themselves.
import {
  registerTrust as registerTrustAs,
  type GatewayClient,
  type RegisteredOrganisation,
} from '@nets/shared/testing';
import type { Region } from '@nets/shared/auth';

export type { RegisteredOrganisation };

export function registerTrust(
  gateway: GatewayClient,
  admin: string,
  odsCode: string,
  name: string,
  region: Region,
): Promise<RegisteredOrganisation> {
  return registerTrustAs(gateway.as(admin), odsCode, name, region);
}
