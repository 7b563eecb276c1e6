import type { Identity } from '@nets/shared/auth';
import type { Logger } from '@nets/shared/util-logger';

/** What every resolver gets: who is calling, and how to log about this request. */
export interface RequestContext {
  identity: Identity;
  requestId: string;
  /** The learner's or user's address as the gateway saw it, for rate limits. */
  clientAddress: string;
  logger: Logger;
}

export const GATEWAY_SECRET_HEADER = 'x-nets-gateway-secret';
export const CLIENT_ADDRESS_HEADER = 'x-nets-client-address';
export const REQUEST_ID_HEADER = 'x-request-id';
