import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Identity, TokenVerifier } from '@nets/shared/auth';
import { isDomainError } from '@nets/shared/util-errors';

/** Answers a request that will not reach GraphQL execution, in the GraphQL error shape clients expect. */
export function refuseRequest(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
): FastifyReply {
  return reply.code(status).send({ errors: [{ message, extensions: { code } }] });
}

/**
 * The caller's verified identity (anonymous without a token), or undefined after answering 401 for a token
 * that fails verification: a bad token is refused before any resolver runs, on the gateway and subgraphs alike.
 */
export async function identifyOrRefuse(
  verifier: TokenVerifier,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Identity | undefined> {
  try {
    return await verifier.identify(request.headers.authorization);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    refuseRequest(reply, 401, 'UNAUTHENTICATED', error.message);
    return undefined;
  }
}
