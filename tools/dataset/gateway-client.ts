// Loading data through the gateway, as any API client would, with the shared platform steps' client.
import { GatewayClient, type PlatformClient } from '@nets/shared/testing';
import { mintToolToken } from '../dev-token/token-signing';

/**
 * The gateway as an administrator, with a development token: signed by the development identity provider's
 * key when AUTH_SIGNING_KEYS_FILE names it (`npm start`), else by the development key (`AUTH_DEV_SECRET`).
 */
export async function adminClient(gatewayUrl: string): Promise<PlatformClient> {
  return clientFor(gatewayUrl, await toolToken('ADMIN'));
}

/** A development token for a national role, signed as `adminClient`'s is. */
export function toolToken(role: 'ADMIN' | 'NATIONAL_ANALYST'): Promise<string> {
  return mintToolToken({ role, subject: `demo-${role.toLowerCase()}` });
}

/** The gateway as the holder of `token` (anonymous without one). */
export function clientFor(gatewayUrl: string, token?: string): PlatformClient {
  return new GatewayClient(gatewayUrl).as(token);
}
