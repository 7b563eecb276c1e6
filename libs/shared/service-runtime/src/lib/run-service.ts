import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { Kafka, Producer } from 'kafkajs';
import type { DataSource, EntitySchema, MixedList } from 'typeorm';
import type { z } from 'zod';
import { createTokenVerifier, toAuthConfig } from '@nets/shared/auth';
import type { TopicDefinition } from '@nets/shared/contract-events';
import {
  ConsumerRunner,
  OutboxRelay,
  createIdempotentProducer,
  createKafkaClient,
  provisionTopics,
  type ConsumerRunnerOptions,
  type EventHandler,
} from '@nets/shared/data-access-kafka';
import { createServiceDataSource, instrumentDataSource } from '@nets/shared/data-access-typeorm';
import {
  addScrapeCollector,
  startProcessObservability,
  type TracingOptions,
} from '@nets/shared/observability';
import { startSubgraphServer, type RequestContext } from '@nets/shared/graphql-server';
import { loadConfig } from '@nets/shared/util-config';
import { createLogger, type Logger } from '@nets/shared/util-logger';
import { scheduleJobs, type ScheduledJob } from './scheduled-jobs';
import type { ServiceConfig } from './service-config';

export interface ServiceDependencies<TSettings = unknown> {
  config: ServiceConfig;
  /** The service's own variables, parsed by its `settingsSchema`. */
  settings: TSettings;
  dataSource: DataSource;
  kafka: Kafka;
  producer: Producer;
  logger: Logger;
}

export interface SubgraphModule<TContext extends RequestContext> {
  resolvers: GraphQLResolverMap<TContext>;
  extendContext(base: RequestContext): TContext;
  /** Event handlers run under one consumer group named after the service. */
  consumers?: readonly EventHandler[];
  /** How the consumer group takes its work; the runner's defaults otherwise (one partition, 500 per transaction). */
  consumerOptions?: Pick<ConsumerRunnerOptions, 'partitionsConsumedConcurrently' | 'transactionBatchSize'>;
  /** Jobs repeated every `SCHEDULE_INTERVAL_MS`, each on one replica at a time (see scheduleJobs). */
  scheduledJobs?: readonly ScheduledJob[];
  /**
   * Sets the service's own gauges (`@nets/shared/observability`) from its database before each metrics scrape,
   * e.g. overdue concerns; a failure is logged and the scrape still answers.
   */
  collectMetrics?: () => Promise<void>;
  /** Apollo Server plugins of the service's own. */
  plugins?: ApolloServerPlugin<TContext>[];
}

export interface ServiceDefinition<TContext extends RequestContext, TSettings = unknown> {
  name: string;
  /** The subgraph's schema, from its `.graphql` files. */
  typeDefs: DocumentNode;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
  /** Topics the service writes or reads: created (with their dead-letter topics) if missing. */
  topics: readonly TopicDefinition[];
  /**
   * The service's own environment variables beyond the shared ones: checked before anything starts, so a bad
   * value stops the process with every problem named, like the shared configuration.
   */
  settingsSchema?: z.ZodType<TSettings>;
  createModule(dependencies: ServiceDependencies<TSettings>): SubgraphModule<TContext>;
}

export interface RunningService {
  url: string;
  port: number;
  dataSource: DataSource;
  relay: OutboxRelay;
  stop(): Promise<void>;
}

/**
 * Starts a subgraph service: database pool (migrations are a separate step), Kafka topics, the outbox
 * relay, its consumers and the GraphQL server. `stop()` shuts down in reverse order, finishing work in flight.
 */
export async function startService<TContext extends RequestContext, TSettings>(
  definition: ServiceDefinition<TContext, TSettings>,
  config: ServiceConfig,
  logger: Logger = createLogger(definition.name, config.LOG_LEVEL),
  options: { spanExporters?: TracingOptions['exporters'] } = {},
): Promise<RunningService> {
  // First, so every span and metric of the start-up belongs to this process's telemetry.
  const observability = await startProcessObservability({
    service: definition.name,
    config,
    logger,
    exporters: options.spanExporters,
  });
  const settings = (
    definition.settingsSchema ? loadConfig(definition.settingsSchema, process.env) : {}
  ) as TSettings;
  const dataSource = createServiceDataSource({
    service: definition.name,
    config,
    entities: definition.entities,
    migrations: definition.migrations,
  });
  try {
    await dataSource.initialize();
  } catch (error) {
    await observability.stop();
    throw error;
  }
  const stops: Array<() => Promise<void> | void> = [
    () => observability.stop(),
    () => dataSource.destroy(),
    instrumentDataSource(dataSource),
  ];
  const stopAll = async () => {
    for (const stop of stops.reverse()) {
      try {
        await stop();
      } catch (error) {
        logger.error({ err: error }, 'error while stopping');
      }
    }
  };
  try {
    const kafka = createKafkaClient(config, definition.name, logger);
    const admin = kafka.admin();
    await admin.connect();
    await provisionTopics(admin, definition.topics, {
      prefix: config.KAFKA_TOPIC_PREFIX,
      partitions: config.KAFKA_TOPIC_PARTITIONS,
      replicationFactor: config.KAFKA_REPLICATION_FACTOR,
    });
    const producer = createIdempotentProducer(kafka);
    await producer.connect();
    stops.push(async () => {
      await admin.disconnect();
      await producer.disconnect();
    });
    const relay = new OutboxRelay({ dataSource, producer, topicPrefix: config.KAFKA_TOPIC_PREFIX, logger });
    relay.start();
    stops.push(() => relay.stop());

    const module = definition.createModule({ config, settings, dataSource, kafka, producer, logger });
    if (module.collectMetrics) stops.push(addScrapeCollector(module.collectMetrics));
    if (module.consumers && module.consumers.length > 0) {
      const consumer = new ConsumerRunner({
        kafka,
        dataSource,
        // The prefix keeps copies of a service on one broker (tests, benchmarks) from sharing partitions.
        groupId: `${config.KAFKA_TOPIC_PREFIX}nets-${definition.name}`,
        handlers: module.consumers,
        deadLetterProducer: producer,
        topicPrefix: config.KAFKA_TOPIC_PREFIX,
        logger,
        ...module.consumerOptions,
      });
      await consumer.start();
      stops.push(() => consumer.stop());
    }
    if (module.scheduledJobs && module.scheduledJobs.length > 0) {
      stops.push(
        scheduleJobs(module.scheduledJobs, { dataSource, intervalMs: config.SCHEDULE_INTERVAL_MS, logger }),
      );
    }

    const server = await startSubgraphServer({
      name: definition.name,
      typeDefs: definition.typeDefs,
      resolvers: module.resolvers,
      host: config.HOST,
      port: config.PORT,
      netsEnv: config.NETS_ENV,
      logger,
      tokenVerifier: createTokenVerifier(toAuthConfig(config, config.NETS_ENV)),
      gatewaySecret: config.GATEWAY_SECRET,
      extendContext: (base) => module.extendContext(base),
      plugins: module.plugins,
      readinessChecks: {
        database: () => dataSource.query<unknown>('SELECT 1'),
        kafka: async () => {
          await admin.describeCluster();
        },
      },
    });
    stops.push(() => server.stop());
    return { url: server.url, port: server.port, dataSource, relay, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
