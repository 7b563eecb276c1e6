import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CallerContext } from '@nets/web/graph-client';
import type { SurveyGraph } from '../graph/survey-graph';
import type { FormBody } from '../features/placement/placement.rules';
import type { OpenCycle, Questionnaire } from '../features/questionnaire/questionnaire.rules';
import type { LearnerSession, SessionStore } from '../session/learner-session';
import { sessionCookieOptions } from '@nets/web/sessions';

export const SESSION_COOKIE = 'nets_survey_session';

export interface JourneyDependencies {
  graph: SurveyGraph;
  sessions: SessionStore;
  secureCookies: boolean;
  sessionTtlMs: number;
}

/** The learner, as the gateway should see them: this request's id and their address. */
export const callerOf = (request: FastifyRequest): CallerContext => ({
  requestId: String(request.id),
  clientAddress: request.ip,
});

export const formBody = (request: FastifyRequest): FormBody => (request.body ?? {}) as FormBody;

/**
 * The learner's session, started on first use; its cookie is first-party, HTTP-only and SameSite=Lax, and is
 * sent again with every page so that its expiry slides with the session's (a learner active for longer than
 * the TTL keeps their answers).
 */
export function sessionOf(
  deps: JourneyDependencies,
  request: FastifyRequest,
  reply: FastifyReply,
): LearnerSession {
  const session = deps.sessions.get(request.cookies[SESSION_COOKIE]) ?? deps.sessions.create();
  reply.setCookie(
    SESSION_COOKIE,
    session.id,
    sessionCookieOptions({ secure: deps.secureCookies, ttlMs: deps.sessionTtlMs }),
  );
  return session;
}

/** Thrown when no survey cycle is open: the start page says so. */
export class SurveyClosedError extends Error {
  constructor() {
    super('No survey cycle is open');
    this.name = 'SurveyClosedError';
  }
}

export async function openQuestionnaire(
  deps: JourneyDependencies,
): Promise<{ cycle: OpenCycle; questionnaire: Questionnaire }> {
  const cycle = await deps.graph.openCycle();
  if (!cycle?.questionnaire) throw new SurveyClosedError();
  return { cycle, questionnaire: cycle.questionnaire };
}

/** Change links come back to check your answers; a form keeps the flag in its action. */
export const isChange = (request: FastifyRequest): boolean =>
  (request.query as Record<string, string | undefined>)['change'] === '1';

export const withChange = (path: string, change: boolean): string => (change ? `${path}?change=1` : path);
