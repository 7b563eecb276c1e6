import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import type { FastifyRequest, RouteHandlerMethod } from 'fastify';
import { supergraphSdlUrls } from './supergraph-urls';
import type { TokenVerifier } from '@nets/shared/auth';
import {
  createErrorFormatter,
  createHttpServer,
  identifyOrRefuse,
  refuseRequest,
  type RunningServer,
} from '@nets/shared/graphql-server';
import type { Logger } from '@nets/shared/util-logger';
import type { GatewayConfig } from './gateway-config';
import { trustedDocumentsFromEnv, trustedDocumentsHook } from './trusted-documents';
import {
  ProvenSubgraphDataSource,
  createKeepAliveFetcher,
  type GatewayRequestContext,
} from './subgraph-data-source';

export interface GatewayOptions {
  config: GatewayConfig;
  supergraphSdl: string;
  /** Subgraph name → URL, overriding the URLs composed into the supergraph. */
  subgraphUrls?: Record<string, string>;
  tokenVerifier: TokenVerifier;
  logger: Logger;
}

/** Query text beyond this is refused before parsing: graphql-armor's Apollo adapter has no character limit. */
const MAX_QUERY_CHARACTERS = 20_000;

export async function startGateway(options: GatewayOptions): Promise<RunningServer> {
  const { config, logger } = options;
  const development = config.NETS_ENV === 'development';
  const production = config.NETS_ENV === 'production';
  const keepAlive = createKeepAliveFetcher(config.GATEWAY_SUBGRAPH_CONNECTIONS);
  const composed = supergraphSdlUrls(options.supergraphSdl);
  // Overrides only for subgraphs the supergraph has: readiness must not wait for services it does not serve.
  const urls = Object.fromEntries(
    Object.entries(composed).map(([name, url]) => [name, options.subgraphUrls?.[name] ?? url]),
  );
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) =>
      new ProvenSubgraphDataSource(urls[name] ?? url ?? '', keepAlive.fetcher, config.GATEWAY_SECRET),
    logger,
  });
  const armor = new ApolloArmor({
    maxDepth: { n: config.GATEWAY_MAX_DEPTH },
    maxAliases: { n: config.GATEWAY_MAX_ALIASES },
    costLimit: { maxCost: config.GATEWAY_MAX_COST },
    maxTokens: { n: config.GATEWAY_MAX_TOKENS },
    maxDirectives: { n: 50 },
    blockFieldSuggestion: { enabled: !development },
  });
  const protection = armor.protect();

  const app = createHttpServer({
    logger,
    bodyLimitBytes: config.GATEWAY_MAX_BODY_BYTES,
    trustedProxies: config.GATEWAY_TRUSTED_PROXIES,
    readinessChecks: Object.fromEntries(
      Object.entries(urls).map(([name, url]) => [
        name,
        async () => {
          const response = await fetch(url.replace(/\/graphql$/, '/healthz'));
          if (!response.ok) throw new Error(`${name} answered ${response.status}`);
        },
      ]),
    ),
  });
  const apollo = new ApolloServer<GatewayRequestContext>({
    gateway,
    introspection: !production,
    includeStacktraceInErrorResponses: development,
    hideSchemaDetailsFromClientErrors: !development,
    csrfPrevention: true,
    // Shutdown is ours (runMain): Apollo's own signal handler would re-raise the signal mid-shutdown.
    stopOnTerminationSignals: false,
    persistedQueries: production ? false : undefined,
    allowBatchedHttpRequests: false,
    validationRules: protection.validationRules,
    formatError: createErrorFormatter(logger, development),
    plugins: [
      ...protection.plugins,
      fastifyApolloDrainPlugin(app),
      // No cache hints are used; the plugin's per-field hooks would run over every merged answer.
      ApolloServerPluginCacheControlDisabled(),
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();

  const identities = new WeakMap<FastifyRequest, true>();
  const trustedDocuments = trustedDocumentsFromEnv(process.env, config.NETS_ENV, logger);
  if (trustedDocuments) app.addHook('preHandler', trustedDocumentsHook(trustedDocuments));

  app.route({
    url: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    preHandler: async (request, reply) => {
      const query =
        (request.body as { query?: unknown } | undefined)?.query ??
        (request.query as { query?: unknown }).query;
      if (typeof query === 'string' && query.length > MAX_QUERY_CHARACTERS) {
        return refuseRequest(
          reply,
          400,
          'BAD_USER_INPUT',
          `The operation is longer than ${MAX_QUERY_CHARACTERS} characters.`,
        );
      }
      // Verified here so a bad token is refused before any subgraph is asked; subgraphs verify again.
      if (!(await identifyOrRefuse(options.tokenVerifier, request, reply))) return reply;
      identities.set(request, true);
      return undefined;
    },
    handler: fastifyApolloHandler(apollo, {
      context: async (request) => ({
        authorization: identities.has(request) ? request.headers.authorization : undefined,
        requestId: String(request.id),
        clientAddress: request.ip,
      }),
    }) as RouteHandlerMethod,
  });

  await app.listen({ host: config.HOST, port: config.PORT });
  const port = (app.server.address() as AddressInfo).port;
  const url = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${port}/graphql`;
  logger.info({ url, subgraphs: urls }, 'gateway listening');
  return {
    url,
    port,
    async stop() {
      await app.close();
      await apollo.stop();
      await keepAlive.close();
    },
  };
}
