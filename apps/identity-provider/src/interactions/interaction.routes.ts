import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { InteractionResults, Provider } from 'oidc-provider';
import { renderPage } from '@nets/web/ui-nhsuk';
import type { Accounts } from '../accounts/accounts';
import { DEMO_PASSWORD, DEMO_USERS, demoUserScope } from '../accounts/demo-users';
import { grantEverything } from '../provider/provider-configuration';

interface UidParams {
  uid: string;
}

const demoUserRows = DEMO_USERS.map((user) => ({
  username: user.username,
  role: user.role,
  scope: demoUserScope(user),
}));

/** The login and consent steps oidc-provider hands over to us (`/interaction/:uid`), as NHS.UK pages. */
export function registerInteractionRoutes(
  app: FastifyInstance,
  provider: Provider,
  accounts: Accounts,
): void {
  const finish = async (request: FastifyRequest, reply: FastifyReply, result: InteractionResults) => {
    const returnTo = await provider.interactionResult(request.raw, reply.raw, result, {
      mergeWithLastSubmission: false,
    });
    return reply.redirect(returnTo, 303);
  };
  const signInPage = (
    reply: FastifyReply,
    uid: string,
    form: { username?: string; errors?: Array<{ field: string; message: string }> } = {},
  ) =>
    renderPage(reply, 'sign-in.njk', {
      title: 'Sign in',
      uid,
      username: form.username ?? '',
      errors: form.errors,
      demoUsers: demoUserRows,
      demoPassword: DEMO_PASSWORD,
    });

  app.get('/', async (_request, reply) =>
    renderPage(reply, 'home.njk', {
      title: 'Development sign-in',
      demoUsers: demoUserRows,
      demoPassword: DEMO_PASSWORD,
    }),
  );

  // For tests and tools that sign in as each role: who the demo users are (the password is on the page).
  app.get('/demo-users', async () => DEMO_USERS);

  app.get<{ Params: UidParams }>('/interaction/:uid', async (request, reply) => {
    const details = await provider.interactionDetails(request.raw, reply.raw);
    if (details.prompt.name === 'login') return signInPage(reply, details.uid);
    return renderPage(reply, 'consent.njk', {
      title: 'Allow access to NETS',
      uid: details.uid,
      clientId: details.params.client_id,
    });
  });

  app.post<{ Params: UidParams; Body: { username?: string; password?: string } }>(
    '/interaction/:uid/login',
    async (request, reply) => {
      const details = await provider.interactionDetails(request.raw, reply.raw);
      const username = String(request.body?.username ?? '');
      const outcome = await accounts.signIn(username, String(request.body?.password ?? ''));
      if (!outcome.ok) {
        request.log.info({ username, reason: outcome.message }, 'sign-in refused');
        return signInPage(reply, details.uid, {
          username,
          errors: [{ field: outcome.field, message: outcome.message }],
        });
      }
      request.log.info({ sub: outcome.claims.sub, role: outcome.claims.role }, 'signed in');
      return finish(request, reply, { login: { accountId: outcome.claims.sub } });
    },
  );

  app.post<{ Params: UidParams }>('/interaction/:uid/confirm', async (request, reply) => {
    const details = await provider.interactionDetails(request.raw, reply.raw);
    if (!details.session || details.prompt.name !== 'consent')
      return reply.redirect(`/interaction/${details.uid}`, 303);
    const existing = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
    const grant =
      existing ??
      new provider.Grant({
        clientId: String(details.params.client_id),
        accountId: details.session.accountId,
      });
    grantEverything(grant);
    return finish(request, reply, { consent: { grantId: await grant.save() } });
  });

  app.post<{ Params: UidParams }>('/interaction/:uid/abort', async (request, reply) =>
    finish(request, reply, { error: 'access_denied', error_description: 'The user did not allow access.' }),
  );
}
