import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import type { FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { DocumentNode } from 'graphql';
import { ANONYMOUS, type Identity, type TokenVerifier } from '@nets/shared/auth';
import type { NetsEnvironment } from '@nets/shared/util-config';
import type { Logger } from '@nets/shared/util-logger';
import { createErrorFormatter } from './error-formatting';
import { hasGatewayProof } from './gateway-proof';
import { createHttpServer, tracedHandler, type ReadinessChecks } from './http-server';
import { observabilityPlugin } from './observability-plugin';
import { CLIENT_ADDRESS_HEADER, GATEWAY_SECRET_HEADER, type RequestContext } from './request-context';
import { identifyOrRefuse, refuseRequest } from './request-guard';
import { unguardedResolvers } from './resolver-policy';
import { unsafeTextPlugin } from './unsafe-text';

export interface SubgraphServerOptions<TContext extends RequestContext> {
  name: string;
  typeDefs: DocumentNode | DocumentNode[];
  resolvers: GraphQLResolverMap<TContext>;
  host: string;
  port: number;
  netsEnv: NetsEnvironment;
  logger: Logger;
  tokenVerifier: TokenVerifier;
  /** When set, every GraphQL request must carry it: only the gateway can call the subgraph. */
  gatewaySecret?: string;
  readinessChecks: ReadinessChecks;
  /** Adds the service's own members (services, loaders) to the per-request context. */
  extendContext: (base: RequestContext) => TContext;
  /** The service's own Apollo Server plugins (e.g. a cache of answers that cannot change). */
  plugins?: ApolloServerPlugin<TContext>[];
}

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

interface RequestAuth {
  identity: Identity;
  clientAddress: string;
}

export async function startSubgraphServer<TContext extends RequestContext>(
  options: SubgraphServerOptions<TContext>,
): Promise<RunningServer> {
  const missing = unguardedResolvers(options.resolvers as Record<string, unknown>);
  if (missing.length > 0) {
    throw new Error(`Resolvers without an access policy in ${options.name}: ${missing.join(', ')}`);
  }
  const development = options.netsEnv === 'development';
  const logger = options.logger;
  const app = createHttpServer({ logger, readinessChecks: options.readinessChecks });
  const apollo = new ApolloServer<TContext>({
    schema: buildSubgraphSchema([
      {
        typeDefs: mergeTypeDefs(options.typeDefs),
        resolvers: options.resolvers as GraphQLResolverMap<unknown>,
      },
    ]),
    introspection: options.netsEnv !== 'production',
    includeStacktraceInErrorResponses: development,
    hideSchemaDetailsFromClientErrors: !development,
    csrfPrevention: true,
    // Shutdown is ours (runMain): Apollo's own signal handler would re-raise the signal mid-shutdown.
    stopOnTerminationSignals: false,
    formatError: createErrorFormatter(logger, development),
    plugins: [
      observabilityPlugin(),
      unsafeTextPlugin(),
      fastifyApolloDrainPlugin(app),
      ApolloServerPluginInlineTraceDisabled(),
      // No field carries cache hints, and the plugin's per-field hooks cost ~15% of a large answer.
      ApolloServerPluginCacheControlDisabled(),
      ...(options.netsEnv === 'production' ? [ApolloServerPluginLandingPageDisabled()] : []),
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();

  const auth = new WeakMap<FastifyRequest, RequestAuth>();

  app.route({
    url: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    preHandler: async (request, reply) => {
      const proven = options.gatewaySecret
        ? hasGatewayProof(request.headers[GATEWAY_SECRET_HEADER], options.gatewaySecret)
        : false;
      if (options.gatewaySecret && !proven) {
        return refuseRequest(reply, 403, 'FORBIDDEN', `${options.name} only answers the NETS gateway.`);
      }
      const identity = await identifyOrRefuse(options.tokenVerifier, request, reply);
      if (!identity) return reply;
      const forwarded = request.headers[CLIENT_ADDRESS_HEADER];
      const clientAddress = proven && typeof forwarded === 'string' ? forwarded : request.ip;
      auth.set(request, { identity, clientAddress });
      return undefined;
    },
    handler: tracedHandler(
      `${options.name} graphql`,
      fastifyApolloHandler(apollo, {
        context: async (request) => {
          const { identity, clientAddress } = auth.get(request) ?? {
            identity: ANONYMOUS,
            clientAddress: request.ip,
          };
          return options.extendContext({
            identity,
            clientAddress,
            requestId: String(request.id),
            logger: request.log as unknown as Logger,
          });
        },
      }) as (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
    ) as RouteHandlerMethod,
  });

  await app.listen({ host: options.host, port: options.port });
  const port = (app.server.address() as AddressInfo).port;
  const url = `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${port}/graphql`;
  logger.info({ url }, `${options.name} subgraph listening`);
  return {
    url,
    port,
    async stop() {
      await app.close();
      await apollo.stop();
    },
  };
}

function mergeTypeDefs(typeDefs: DocumentNode | DocumentNode[]): DocumentNode {
  if (!Array.isArray(typeDefs)) return typeDefs;
  return {
    kind: 'Document' as DocumentNode['kind'],
    definitions: typeDefs.flatMap((doc) => doc.definitions),
  } as DocumentNode;
}
