import { randomBytes } from 'node:crypto';
import { createTokenVerifier, DEV_AUTH_SECRET, toAuthConfig } from '@nets/shared/auth';
import {
  createServiceDataSource,
  migrateDatabase,
  pendingSchemaChanges,
} from '@nets/shared/data-access-typeorm';
import { composeSupergraph, gatewayConfigSchema, startGateway } from '@nets/shared/gateway';
import type { RunningServer } from '@nets/shared/graphql-server';
import {
  serviceConfigSchema,
  startService,
  type RunningService,
  type ServiceDefinition,
} from '@nets/shared/service-runtime';
import { createTestDatabase, type TestDatabase } from './test-database';
import { TEST_KAFKA_BROKERS, deleteTestTopics, uniqueTopicPrefix } from './test-kafka';
import { testLogger } from './test-logger';

export const TEST_GATEWAY_SECRET = `test-gateway-secret-${randomBytes(8).toString('hex')}`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- services have different context types
export type PlatformService = ServiceDefinition<any>;

export interface TestPlatform {
  gatewayUrl: string;
  topicPrefix: string;
  services: Record<string, RunningService>;
  databases: Record<string, TestDatabase>;
  stop(): Promise<void>;
}

/**
 * The services under test, each on its own fresh database, migrated by the real migration step, on
 * topics of their own prefix, behind a real gateway that proves itself to them, as in production.
 */
export async function startTestPlatform(services: readonly PlatformService[]): Promise<TestPlatform> {
  const topicPrefix = uniqueTopicPrefix();
  const running: Record<string, RunningService> = {};
  const databases: Record<string, TestDatabase> = {};
  let gateway: RunningServer | undefined;
  const stop = async () => {
    await gateway?.stop();
    for (const service of Object.values(running)) await service.stop();
    for (const database of Object.values(databases)) await database.drop();
    await deleteTestTopics(topicPrefix).catch(() => undefined);
  };
  try {
    for (const definition of services) {
      const database = await createTestDatabase(definition.name);
      databases[definition.name] = database;
      const config = serviceConfigSchema({ port: 0, database: 'unused' }).parse({
        NETS_ENV: 'test',
        PORT: '0',
        DATABASE_URL: database.url,
        KAFKA_BROKERS: TEST_KAFKA_BROKERS.join(','),
        KAFKA_TOPIC_PREFIX: topicPrefix,
        GATEWAY_SECRET: TEST_GATEWAY_SECRET,
        AUTH_DEV_SECRET: DEV_AUTH_SECRET,
        SCHEDULE_INTERVAL_MS: '300',
      });
      await migrateDatabase(
        createServiceDataSource({
          service: `${definition.name}-migrate`,
          config,
          entities: definition.entities,
          migrations: definition.migrations,
        }),
      );
      running[definition.name] = await startService(definition, config, testLogger(definition.name));
    }
    const supergraphSdl = composeSupergraph(
      services.map((definition) => ({
        name: definition.name,
        url: running[definition.name].url,
        typeDefs: definition.typeDefs,
      })),
    );
    const gatewayConfig = gatewayConfigSchema.parse({
      NETS_ENV: 'test',
      PORT: '0',
      GATEWAY_SECRET: TEST_GATEWAY_SECRET,
      AUTH_DEV_SECRET: DEV_AUTH_SECRET,
    });
    gateway = await startGateway({
      config: gatewayConfig,
      supergraphSdl,
      tokenVerifier: createTokenVerifier(toAuthConfig(gatewayConfig, 'test')),
      logger: testLogger('gateway'),
    });
    return { gatewayUrl: gateway.url, topicPrefix, services: running, databases, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Asserts a service's entities and migrations agree: the migrated schema needs no further change. */
export async function schemaDriftOf(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any service's definition
  definition: ServiceDefinition<any>,
): Promise<string[]> {
  const database = await createTestDatabase(`${definition.name}_drift`);
  const config = serviceConfigSchema({ port: 0, database: 'unused' }).parse({ DATABASE_URL: database.url });
  const dataSource = createServiceDataSource({
    service: `${definition.name}-drift`,
    config,
    entities: definition.entities,
    migrations: definition.migrations,
  });
  try {
    await migrateDatabase(dataSource);
    await dataSource.initialize();
    return await pendingSchemaChanges(dataSource);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
  }
}
