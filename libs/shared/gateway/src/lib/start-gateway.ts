import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import fastifyCors from '@fastify/cors';
import type { FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { startProcessObservability, type TracingOptions } from '@nets/shared/observability';
import { supergraphSdlUrls } from './supergraph-urls';
import type { TokenVerifier } from '@nets/shared/auth';
import {
  createErrorFormatter,
  createHttpServer,
  identifyOrRefuse,
  observabilityPlugin,
  REQUEST_ID_HEADER,
  tracedHandler,
  unsafeTextPlugin,
  type RunningServer,
} from '@nets/shared/graphql-server';
import type { Logger } from '@nets/shared/util-logger';
import { corsOrigins, type GatewayConfig } from './gateway-config';
import {
  rememberedDocumentProblem,
  operationResolutionPlugin,
  refuseGraphQLRequest,
  requestErrorStatus,
} from './http-contract';
import { DEFAULT_OPERATION_LIMITS } from './operation-limits';
import { trustedDocumentsFromEnv, trustedDocumentsHook } from './trusted-documents';
import {
  ProvenSubgraphDataSource,
  createKeepAliveFetcher,
  timedFetcher,
  type GatewayRequestContext,
} from './subgraph-data-source';

export interface GatewayOptions {
  config: GatewayConfig;
  supergraphSdl: string;
  /** Subgraph name → URL, overriding the URLs composed into the supergraph. */
  subgraphUrls?: Record<string, string>;
  tokenVerifier: TokenVerifier;
  logger: Logger;
  /** Test span exporters, beside what the environment configures. */
  spanExporters?: TracingOptions['exporters'];
}

/** Query text beyond this is refused before parsing: graphql-armor's Apollo adapter has no character limit. */
const MAX_QUERY_CHARACTERS = 20_000;

export async function startGateway(options: GatewayOptions): Promise<RunningServer> {
  const { config, logger } = options;
  const observability = await startProcessObservability({
    service: 'gateway',
    config,
    logger,
    exporters: options.spanExporters,
  });
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
      new ProvenSubgraphDataSource(
        urls[name] ?? url ?? '',
        timedFetcher(name, keepAlive.fetcher),
        config.GATEWAY_SECRET,
      ),
    logger,
  });
  const armor = new ApolloArmor({
    maxDepth: { n: config.GATEWAY_MAX_DEPTH },
    maxAliases: { n: config.GATEWAY_MAX_ALIASES },
    costLimit: { maxCost: config.GATEWAY_MAX_COST },
    // Apollo's own parser enforces the token limit (parseOptions): armor's plugin re-throws syntax errors as 500s.
    maxTokens: { enabled: false },
    maxDirectives: { n: DEFAULT_OPERATION_LIMITS.maxDirectives },
    blockFieldSuggestion: { enabled: !development },
  });
  const protection = armor.protect();
  const documentProblem = rememberedDocumentProblem({
    maxCharacters: MAX_QUERY_CHARACTERS,
    maxTokens: config.GATEWAY_MAX_TOKENS,
    limits: {
      ...DEFAULT_OPERATION_LIMITS,
      maxSelections: config.GATEWAY_MAX_SELECTIONS,
      maxFieldRepeats: config.GATEWAY_MAX_FIELD_REPEATS,
      maxDepth: config.GATEWAY_MAX_DEPTH,
    },
  });

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
    parseOptions: { maxTokens: config.GATEWAY_MAX_TOKENS },
    // Each error costs a stack trace mapped through source maps (~0.5 ms): ten are plenty to fix a query.
    validationOptions: { maxErrors: 10 },
    validationRules: protection.validationRules,
    formatError: createErrorFormatter(logger, development),
    plugins: [
      observabilityPlugin(),
      operationResolutionPlugin(),
      unsafeTextPlugin(),
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

  // Preflights (OPTIONS) are answered here, for allowed origins only; CSRF prevention stays Apollo's.
  await app.register(fastifyCors, {
    origin: corsOrigins(config),
    methods: ['GET', 'POST'],
    allowedHeaders: ['authorization', 'content-type', 'apollo-require-preflight', REQUEST_ID_HEADER],
    exposedHeaders: [REQUEST_ID_HEADER],
    maxAge: 600,
    strictPreflight: true,
  });

  app.route({
    url: '/graphql',
    method: ['GET', 'POST'],
    onSend: requestErrorStatus,
    preHandler: async (request, reply) => {
      const query =
        (request.body as { query?: unknown } | undefined)?.query ??
        (request.query as { query?: unknown } | undefined)?.query;
      const problem = typeof query === 'string' ? documentProblem(query) : undefined;
      if (problem) return refuseGraphQLRequest(request, reply, problem.code, problem.message);
      // Verified here so a bad token is refused before any subgraph is asked; subgraphs verify again.
      if (!(await identifyOrRefuse(options.tokenVerifier, request, reply))) return reply;
      identities.set(request, true);
      return undefined;
    },
    handler: tracedHandler(
      'gateway graphql',
      fastifyApolloHandler(apollo, {
        context: async (request) => ({
          authorization: identities.has(request) ? request.headers.authorization : undefined,
          requestId: String(request.id),
          clientAddress: request.ip,
        }),
      }) as (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
    ) as RouteHandlerMethod,
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
      await observability.stop();
    },
  };
}
