import type { FastifyInstance } from 'fastify';
import { renderPage } from '@nets/web/ui-nhsuk';
import { GraphClientError } from '@nets/web/graph-client';
import { callerOf, formBody, type JourneyDependencies } from '../../journey/journey-context';
import { text } from '../placement/placement.rules';

/** What each status means to the learner who raised the concern. */
const STATUS_TEXT: Record<string, { label: string; meaning: string }> = {
  RAISED: { label: 'Received', meaning: 'The regional quality team has your concern and will look at it.' },
  TRIAGED: {
    label: 'Being looked at',
    meaning: 'The quality team has assessed your concern and is deciding what to do.',
  },
  ESCALATED: { label: 'Escalated', meaning: 'Your concern has been passed to a more senior team to act on.' },
  ACTION_PLAN_AGREED: {
    label: 'Action agreed',
    meaning: 'The placement provider has agreed actions to put things right.',
  },
  MONITORING: {
    label: 'Being monitored',
    meaning: 'The quality team is checking that the agreed actions happen.',
  },
  RESOLUTION_PROPOSED: {
    label: 'Nearly resolved',
    meaning: 'The quality team believes the concern is resolved and is confirming it.',
  },
  RESOLVED: { label: 'Resolved', meaning: 'The quality team has confirmed the concern is resolved.' },
  CLOSED: { label: 'Closed', meaning: 'The quality team has closed this concern.' },
  WITHDRAWN: { label: 'Withdrawn', meaning: 'This concern was withdrawn.' },
};

const FOLLOW_UP_CODE = /^SC-[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/;

const formatTime = (iso: string): string =>
  new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/London',
  });

export function registerFollowUpRoutes(app: FastifyInstance, deps: JourneyDependencies): void {
  app.get('/follow-up', async (_request, reply) =>
    renderPage(reply, 'follow-up.njk', { title: 'Follow up a serious concern', backHref: '/' }),
  );

  // A POST, not a GET: the code is the learner's secret and must not sit in an address or a log.
  app.post('/follow-up', async (request, reply) => {
    const code = text(formBody(request), 'code').toUpperCase().replace(/\s+/g, '');
    const fail = (message: string) =>
      renderPage(reply, 'follow-up.njk', {
        title: 'Follow up a serious concern',
        backHref: '/',
        enteredCode: code,
        errors: [{ field: 'code', message }],
      });
    if (!code) return fail('Enter your follow-up code');
    if (!FOLLOW_UP_CODE.test(code))
      return fail('Enter the follow-up code as it was shown to you, like SC-AB12-CD34-EF56-GH78');
    try {
      const followUp = await deps.graph.followUp(code, callerOf(request));
      const status = STATUS_TEXT[followUp.status] ?? { label: followUp.status, meaning: '' };
      return renderPage(reply, 'follow-up-status.njk', {
        title: `Your serious concern ${followUp.reference}`,
        backHref: '/follow-up',
        followUp,
        status,
        raisedAt: formatTime(followUp.raisedAt),
        updatedAt: formatTime(followUp.updatedAt),
        replies: followUp.replies.map((r) => ({ text: r.text, at: formatTime(r.at) })),
      });
    } catch (error) {
      if (
        error instanceof GraphClientError &&
        (error.code === 'NOT_FOUND' || error.code === 'BAD_USER_INPUT')
      )
        return fail(
          'We could not find a concern with this code. Check the code and try again. A concern sent in the last few minutes may not have reached the quality team yet',
        );
      throw error;
    }
  });
}
