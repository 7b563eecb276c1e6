import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE } from '../journey/journey-context';
import type { SessionStore } from './learner-session';

/**
 * The journey's pages in `app` read the learner's session as the store has it now, and what they change is
 * stored before the reply leaves: the next page may be served by another replica.
 */
export function keepSessionsIn(app: FastifyInstance, sessions: SessionStore): void {
  app.addHook('preHandler', async (request) => sessions.load(request.cookies[SESSION_COOKIE]));
  app.addHook('onSend', async (_request, _reply, payload) => {
    await sessions.flush();
    return payload;
  });
}
