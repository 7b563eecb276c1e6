// Loading data through the gateway, as any API client would, with the shared platform steps' client.
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, DEV_AUTH_SECRET, mintDevToken } from '@nets/shared/auth';
import { GatewayClient, type PlatformClient } from '@nets/shared/testing';

/** The gateway as an administrator, with a token signed by the development key (`AUTH_DEV_SECRET`). */
export async function adminClient(gatewayUrl: string): Promise<PlatformClient> {
  const token = await mintDevToken(
    { role: 'ADMIN', subject: 'demo-admin' },
    {
      devSecret: process.env['AUTH_DEV_SECRET'] ?? DEV_AUTH_SECRET,
      issuer: DEFAULT_ISSUER,
      audience: DEFAULT_AUDIENCE,
    },
  );
  return clientFor(gatewayUrl, token);
}

/** The gateway as the holder of `token` (anonymous without one). */
export function clientFor(gatewayUrl: string, token?: string): PlatformClient {
  return new GatewayClient(gatewayUrl).as(token);
}
