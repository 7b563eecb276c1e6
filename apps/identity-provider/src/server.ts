import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import fastifyFormbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import { Provider, type OidcContext } from 'oidc-provider';
import { loadOrCreateSigningKeys } from '@nets/shared/auth';
import { createHttpServer } from '@nets/shared/graphql-server';
import type { Logger } from '@nets/shared/util-logger';
import { createGraphClient } from '@nets/web/graph-client';
import { registerNhsukViews, renderPage } from '@nets/web/ui-nhsuk';
import { createDemoAccounts } from './accounts/accounts';
import { createOrganisationDirectory } from './accounts/organisation-directory';
import type { IdentityProviderConfig } from './config';
import { registerInteractionRoutes } from './interactions/interaction.routes';
import { providerConfiguration, type ProviderPages } from './provider/provider-configuration';

export const SERVICE_NAME = 'NETS sign in (development)';

export interface IdentityProviderServer {
  app: FastifyInstance;
  issuer: string;
  stop(): Promise<void>;
}

/**
 * The development OpenID Provider: oidc-provider for the protocol (discovery, JWKS, authorization with PKCE,
 * token, refresh, revocation, end session), fastify for the NHS.UK sign-in pages and /readyz.
 */
export async function buildIdentityProvider(
  config: IdentityProviderConfig,
  logger: Logger,
): Promise<FastifyInstance> {
  const keys = await loadOrCreateSigningKeys(config.IDP_KEYS_FILE);
  const graph = createGraphClient({ url: config.IDP_GATEWAY_URL, forwardClientAddress: false });
  const accounts = createDemoAccounts(createOrganisationDirectory(graph));
  const app = createHttpServer({ logger, bodyLimitBytes: 64 * 1024, readinessChecks: {} });
  app.addHook('onClose', async () => graph.close());
  await app.register(fastifyFormbody);
  await registerNhsukViews(app, {
    viewsDirs: [join(__dirname, 'views')],
    production: false,
    globals: { serviceName: SERVICE_NAME, footerLinks: [] },
    // The sign-in and sign-out forms' redirect chains end at a client's redirect URIs.
    formActionOrigins: [
      ...new Set(
        [...config.IDP_STAFF_PORTAL_REDIRECT_URIS, ...config.IDP_STAFF_PORTAL_POST_LOGOUT_REDIRECT_URIS].map(
          (uri) => new URL(uri).origin,
        ),
      ),
    ],
  });

  const page = async (ctx: OidcContext, template: string, data: Record<string, unknown>) => {
    ctx.type = 'html';
    ctx.body = await app.view(template, data);
  };
  const pages: ProviderPages = {
    logout: (ctx, form) => page(ctx, 'sign-out.njk', { title: 'Sign out', form }),
    signedOut: (ctx) => page(ctx, 'signed-out.njk', { title: 'You have signed out' }),
    error: (ctx, out) =>
      page(ctx, 'problem.njk', {
        title: 'Sorry, the sign in did not work',
        error: out['error'],
        description: out['error_description'],
      }),
  };
  const provider = new Provider(config.IDP_ISSUER, providerConfiguration(config, keys, accounts, pages));
  provider.on('server_error', (_ctx, error) => logger.error({ err: error }, 'identity provider error'));

  registerInteractionRoutes(app, provider, accounts);
  // Everything else is the OpenID Provider's: its own body parsing, so fastify must not read the body.
  const handle = provider.callback();
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
    scope.all('/*', async (request, reply) => {
      reply.hijack();
      handle(request.raw, reply.raw);
    });
  });
  app.setNotFoundHandler(async (_request, reply) =>
    renderPage(reply.code(404), 'problem.njk', { title: 'Page not found' }),
  );
  return app;
}

export async function startIdentityProvider(
  config: IdentityProviderConfig,
  logger: Logger,
): Promise<IdentityProviderServer> {
  const app = await buildIdentityProvider(config, logger);
  await app.listen({ host: config.HOST, port: config.IDP_PORT });
  const { port } = app.server.address() as AddressInfo;
  logger.info(
    { issuer: config.IDP_ISSUER, url: `http://${config.HOST}:${port}`, keysFile: config.IDP_KEYS_FILE },
    'identity provider ready',
  );
  return { app, issuer: config.IDP_ISSUER, stop: () => app.close() };
}
