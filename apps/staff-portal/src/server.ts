import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHttpServer } from '@nets/shared/graphql-server';
import type { Logger } from '@nets/shared/util-logger';
import {
  createGraphClient,
  gatewayReadiness,
  GraphClientError,
  type GraphClient,
} from '@nets/web/graph-client';
import { registerNhsukViews, renderPage } from '@nets/web/ui-nhsuk';
import { persistedDocuments } from './__generated__/persisted-documents';
import { SignInRequiredError } from './auth/access-tokens';
import type { IdentityProvider } from './auth/identity-provider';
import { createOidcIdentityProvider } from './auth/oidc-identity-provider';
import { renderNotAvailable } from './auth/role-gate';
import { sessionFromCookie } from './auth/session-cookie';
import { registerSignInRoutes, signInPath } from './auth/sign-in.routes';
import { createMemorySessionStore, type SessionStore } from './auth/staff-session';
import { createPostgresSessionStore } from './auth/postgres-session-store';
import { createSessionDataSource } from './auth/session-database';
import type { StaffPortalConfig } from './config';
import { FEATURES } from './features/features';
import { homeFor, navigationFor } from './navigation/navigation';
import { StaffGraph, type PortalDependencies } from './portal-context';

export const SERVICE_NAME = 'NETS Reporting Tool';

export interface StaffPortalServer {
  app: FastifyInstance;
  url: string;
  stop(): Promise<void>;
}

const FOOTER_LINKS = [{ href: '/accessibility-statement', text: 'Accessibility statement' }];
const NAVIGATION = FEATURES.flatMap((feature) => (feature.navigation ? [feature.navigation] : []));

/** Assets and health checks need no user; a route says so itself with `config: { public: true }`. */
const isPublic = (request: FastifyRequest): boolean =>
  (request.routeOptions.config as { public?: boolean }).public === true ||
  /^\/(assets\/|healthz$|readyz$)/.test(request.url);

/** Sessions in the shared database when one is configured (several replicas), in this process's memory otherwise. */
async function createSessionStore(config: StaffPortalConfig): Promise<SessionStore> {
  const ttlMs = config.STAFF_PORTAL_SESSION_TTL_MINUTES * 60_000;
  if (!config.STAFF_PORTAL_SESSION_DATABASE_URL)
    return createMemorySessionStore({ ttlMs, max: config.STAFF_PORTAL_MAX_SESSIONS });
  const dataSource = await createSessionDataSource(config.STAFF_PORTAL_SESSION_DATABASE_URL).initialize();
  return createPostgresSessionStore({ dataSource, ttlMs });
}

export interface StaffPortalOverrides {
  graphClient?: GraphClient;
  identityProvider?: IdentityProvider;
}

export async function buildStaffPortal(
  config: StaffPortalConfig,
  logger: Logger,
  overrides: StaffPortalOverrides = {},
): Promise<FastifyInstance> {
  const production = config.NETS_ENV === 'production';
  const publicUrl = config.STAFF_PORTAL_PUBLIC_URL.replace(/\/$/, '');
  const graphClient =
    overrides.graphClient ??
    createGraphClient({
      url: config.STAFF_PORTAL_GATEWAY_URL,
      forwardClientAddress: false,
      persistedBodies: persistedDocuments,
      timeoutMs: config.STAFF_PORTAL_GRAPH_TIMEOUT_MS,
    });
  const sessions = await createSessionStore(config);
  const identityProvider =
    overrides.identityProvider ??
    createOidcIdentityProvider({
      issuer: config.STAFF_PORTAL_OIDC_ISSUER,
      clientId: config.STAFF_PORTAL_OIDC_CLIENT_ID,
      clientSecret: config.STAFF_PORTAL_OIDC_CLIENT_SECRET,
      redirectUri: `${publicUrl}/auth/callback`,
      postLogoutRedirectUri: `${publicUrl}/signed-out`,
      scopes: config.STAFF_PORTAL_OIDC_SCOPES,
      resource: config.STAFF_PORTAL_OIDC_RESOURCE || undefined,
    });
  const deps: PortalDependencies = {
    graph: new StaffGraph(graphClient, { sessions, identityProvider }),
    sessions,
    identityProvider,
    claimMapping: {
      role: config.STAFF_PORTAL_CLAIM_ROLE,
      organisation: config.STAFF_PORTAL_CLAIM_ORGANISATION,
      region: config.STAFF_PORTAL_CLAIM_REGION,
      name: config.STAFF_PORTAL_CLAIM_NAME,
    },
    secureCookies: publicUrl.startsWith('https:'),
    sessionTtlMs: config.STAFF_PORTAL_SESSION_TTL_MINUTES * 60_000,
  };

  const app = createHttpServer({
    logger,
    bodyLimitBytes: 64 * 1024,
    trustedProxies: config.STAFF_PORTAL_TRUSTED_PROXIES,
    readinessChecks: { gateway: gatewayReadiness(config.STAFF_PORTAL_GATEWAY_URL) },
  });
  app.addHook('onClose', async () => deps.graph.close());
  app.addHook('onClose', async () => sessions.close());
  await app.register(fastifyCompress, { encodings: ['br', 'gzip'], threshold: 1024 });
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  await registerNhsukViews(app, {
    // Feature pages are named from src/: `features/<feature>/views/<page>.njk`.
    viewsDirs: [join(__dirname, 'views'), __dirname],
    production,
    globals: {
      serviceName: SERVICE_NAME,
      footerLinks: FOOTER_LINKS,
      stylesheets: ['/assets/portal/portal.css'],
      scripts: ['/assets/portal/portal.mjs'],
    },
    // Signing out posts here and is redirected to the identity provider's end-session page.
    formActionOrigins: [new URL(config.STAFF_PORTAL_OIDC_ISSUER).origin],
  });
  await app.register(fastifyStatic, {
    root: join(__dirname, 'public'),
    prefix: '/assets/portal/',
    decorateReply: false,
    index: false,
    maxAge: 300_000,
  });

  app.addHook('preHandler', async (request, reply) => {
    request.staffSession = await sessionFromCookie(deps, request);
    const user = request.staffSession?.user;
    reply.locals = {
      user,
      navigation: navigationFor(NAVIGATION, user?.role, request.url.split('?')[0] ?? '/'),
      homeHref: user ? homeFor(NAVIGATION, user.role) : '/',
    };
    if (!user && !isPublic(request)) return reply.redirect(signInPath(request.url), 303);
    return undefined;
  });

  registerSignInRoutes(app, deps, publicUrl);
  for (const feature of FEATURES) feature.register(app, deps);

  app.setNotFoundHandler(async (_request, reply) =>
    renderPage(reply.code(404), 'not-found.njk', { title: 'Page not found' }),
  );
  app.setErrorHandler(async (error: FastifyError, request, reply) => handleError(error, request, reply));
  return app;
}

async function handleError(
  error: Error,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const graphCode = error instanceof GraphClientError ? error.code : undefined;
  if (error instanceof SignInRequiredError || graphCode === 'UNAUTHENTICATED') {
    if (request.staffSession) request.staffSession.tokens = undefined;
    return reply.redirect(signInPath(request.url), 303);
  }
  // The graph decides what a user may see: its refusal is the "not available" page, whatever the menu showed.
  if (graphCode === 'FORBIDDEN') return renderNotAvailable(reply);
  request.log.error(
    { err: error instanceof GraphClientError ? { code: error.code, message: error.message } : error },
    'page failed',
  );
  return renderPage(reply.code(503), 'problem.njk', { title: 'Sorry, there is a problem with the service' });
}

export async function startStaffPortal(
  config: StaffPortalConfig,
  logger: Logger,
): Promise<StaffPortalServer> {
  const app = await buildStaffPortal(config, logger);
  await app.listen({ host: config.HOST, port: config.STAFF_PORTAL_PORT });
  const { port } = app.server.address() as AddressInfo;
  const url = `http://${config.HOST}:${port}`;
  logger.info({ url, gateway: config.STAFF_PORTAL_GATEWAY_URL }, 'staff portal ready');
  return { app, url, stop: () => app.close() };
}
