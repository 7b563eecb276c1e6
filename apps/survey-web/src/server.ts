import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyHttpProxy from '@fastify/http-proxy';
import fastifyStatic from '@fastify/static';
import type { FastifyError, FastifyInstance } from 'fastify';
import { createHttpServer } from '@nets/shared/graphql-server';
import type { Logger } from '@nets/shared/util-logger';
import { createGraphClient, GraphClientError, type GraphClient } from '@nets/web/graph-client';
import { registerNhsukViews, renderPage } from '@nets/web/ui-nhsuk';
import { persistedDocuments } from './__generated__/persisted-documents';
import type { SurveyWebConfig } from './config';
import { registerFollowUpRoutes } from './features/follow-up/follow-up.routes';
import { registerPlacementRoutes } from './features/placement/placement.routes';
import { registerSectionRoutes } from './features/questionnaire/section.routes';
import { registerStartRoutes } from './features/start/start.routes';
import { registerDraftRoutes } from './features/submission/draft.routes';
import { registerSubmissionRoutes } from './features/submission/submission.routes';
import { SurveyGraph } from './graph/survey-graph';
import { SurveyClosedError, type JourneyDependencies } from './journey/journey-context';
import { createMemorySessionStore, type SessionStore } from './session/learner-session';
import { createPostgresSessionStore } from './session/postgres-session-store';
import { createSessionDataSource } from './session/session-database';
import { keepSessionsIn } from './session/session-hooks';

export const SERVICE_NAME = 'National Education and Training Survey';

export interface SurveyWebServer {
  app: FastifyInstance;
  url: string;
  stop(): Promise<void>;
}

/** The links in every page's footer. */
const FOOTER_LINKS = [
  { href: '/accessibility-statement', text: 'Accessibility statement' },
  { href: '/follow-up', text: 'Follow up a serious concern' },
  { href: '/resume', text: 'Continue a saved survey' },
];

export async function buildSurveyWeb(
  config: SurveyWebConfig,
  logger: Logger,
  graphClient: GraphClient = createGraphClient({
    url: config.SURVEY_WEB_GATEWAY_URL,
    forwardClientAddress: config.SURVEY_WEB_FORWARD_CLIENT_ADDRESS,
    persistedBodies: persistedDocuments,
  }),
): Promise<FastifyInstance> {
  const production = config.NETS_ENV === 'production';
  const publicDir = resolve(config.SURVEY_WEB_PUBLIC_DIR);
  const hasBundle = existsSync(join(publicDir, 'app.js'));
  if (!hasBundle) logger.warn({ publicDir }, 'no browser bundle: pages work, without enhancements');
  const app = createHttpServer({
    logger,
    bodyLimitBytes: 256 * 1024,
    trustedProxies: config.SURVEY_WEB_TRUSTED_PROXIES,
    readinessChecks: {
      gateway: async () => {
        const response = await fetch(new URL('/healthz', config.SURVEY_WEB_GATEWAY_URL));
        if (!response.ok) throw new Error(`gateway answered ${response.status}`);
      },
    },
  });
  app.addHook('onClose', async () => graphClient.close());
  // Phones on weak networks: pages, styles and the bundle go compressed (brotli or gzip) when asked.
  await app.register(fastifyCompress, { encodings: ['br', 'gzip'], threshold: 1024 });
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  await registerNhsukViews(app, {
    viewsDirs: [join(__dirname, 'views')],
    production,
    globals: {
      serviceName: SERVICE_NAME,
      footerLinks: FOOTER_LINKS,
      manifestHref: '/manifest.webmanifest',
      stylesheets: ['/app.css'],
      scripts: hasBundle ? ['/app.js'] : [],
    },
  });
  await app.register(fastifyStatic, {
    root: publicDir,
    prefix: '/',
    decorateReply: false,
    index: false,
    wildcard: false,
    // The service worker must be re-checked on every visit; the rest may be cached briefly.
    setHeaders: (reply, path) => {
      reply.header('cache-control', path.endsWith('sw.js') ? 'no-cache' : 'public, max-age=300');
    },
  });
  // The browser reaches the graph on this origin: no CORS anywhere, and the gateway applies its own limits.
  await app.register(fastifyHttpProxy, {
    upstream: new URL(config.SURVEY_WEB_GATEWAY_URL).origin,
    prefix: '/graphql',
    rewritePrefix: new URL(config.SURVEY_WEB_GATEWAY_URL).pathname,
    httpMethods: ['POST'],
  });

  const sessions = await createSessionStore(config);
  app.addHook('onClose', async () => sessions.close());
  const deps: JourneyDependencies = {
    graph: new SurveyGraph(graphClient),
    sessions,
    secureCookies: production,
    sessionTtlMs: config.SURVEY_WEB_SESSION_TTL_MINUTES * 60_000,
  };

  app.setNotFoundHandler(async (_request, reply) =>
    renderPage(reply.code(404), 'not-found.njk', { title: 'Page not found' }),
  );
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (error instanceof SurveyClosedError) return reply.redirect('/', 303);
    const rateLimited = error instanceof GraphClientError && error.code === 'RATE_LIMITED';
    request.log.error(
      { err: error instanceof GraphClientError ? { code: error.code, message: error.message } : error },
      'page failed',
    );
    return renderPage(reply.code(rateLimited ? 429 : 503), 'problem.njk', {
      title: 'Sorry, there is a problem with the service',
      rateLimited,
    });
  });
  // The journey's pages, in a context of their own: only they load and store the learner's session.
  await app.register(async (journey) => {
    keepSessionsIn(journey, sessions);
    registerStartRoutes(journey, deps);
    registerPlacementRoutes(journey, deps);
    registerSectionRoutes(journey, deps);
    registerDraftRoutes(journey, deps);
    registerSubmissionRoutes(journey, deps);
    registerFollowUpRoutes(journey, deps);
  });
  return app;
}

/** Sessions in the shared database when one is configured, in this process's memory otherwise. */
async function createSessionStore(config: SurveyWebConfig): Promise<SessionStore> {
  const ttlMs = config.SURVEY_WEB_SESSION_TTL_MINUTES * 60_000;
  const max = config.SURVEY_WEB_MAX_SESSIONS;
  if (!config.SURVEY_WEB_SESSION_DATABASE_URL) return createMemorySessionStore({ ttlMs, max });
  const dataSource = await createSessionDataSource(config.SURVEY_WEB_SESSION_DATABASE_URL).initialize();
  const store = createPostgresSessionStore({ dataSource, ttlMs, max });
  return {
    ...store,
    close: async () => {
      await store.close();
      await dataSource.destroy();
    },
  };
}

export async function startSurveyWeb(config: SurveyWebConfig, logger: Logger): Promise<SurveyWebServer> {
  const app = await buildSurveyWeb(config, logger);
  await app.listen({ host: config.HOST, port: config.PORT });
  const { port } = app.server.address() as AddressInfo;
  const url = `http://${config.HOST}:${port}`;
  logger.info({ url, gateway: config.SURVEY_WEB_GATEWAY_URL }, 'survey web app ready');
  return { app, url, stop: () => app.close() };
}
