import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '@nets/shared/auth';
import { renderPage } from '@nets/web/ui-nhsuk';
import { userOf } from '../portal-context';

/** The "not available" page, for a page the role may not use or data the graph refused to this user. */
export const renderNotAvailable = (reply: FastifyReply, reason?: string): FastifyReply =>
  renderPage(reply.code(403), 'not-available.njk', { title: 'This page is not available to you', reason });

/** A route's preHandler: only these roles reach the page; the graph refuses the others' data anyway. */
export const allowRoles =
  (roles: readonly Role[]) =>
  async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> =>
    roles.includes(userOf(request).role) ? undefined : renderNotAvailable(reply);
