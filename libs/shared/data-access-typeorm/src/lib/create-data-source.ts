import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import type { DatabaseConfig } from './database-config';
import { AfterCommitSubscriber } from './unit-of-work';
import { PLATFORM_ENTITIES } from './platform-entities';
import { PlatformTables1732233600000 } from './migrations/1732233600000-platform-tables';
import { OutboxRetention1765000000000 } from './migrations/1765000000000-outbox-retention';
import { ProcessedEventDay1766000000000 } from './migrations/1766000000000-processed-event-day';
import { OutboxTraceContext1767000000000 } from './migrations/1767000000000-outbox-trace-context';

export interface ServiceDataSourceOptions {
  /** Used as the connection's application_name, visible in pg_stat_activity. */
  service: string;
  config: DatabaseConfig;
  // TypeORM's own option type: entity classes.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
}

/**
 * One DataSource per service over its own database. Schema changes only ever come from migrations
 * (`synchronize` is off); the outbox and processed-event tables come with every service.
 */
export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  const { config } = options;
  return new DataSource({
    type: 'postgres',
    url: config.DATABASE_URL,
    applicationName: options.service,
    entities: [...PLATFORM_ENTITIES, ...(options.entities as never[])],
    migrations: [
      PlatformTables1732233600000,
      OutboxRetention1765000000000,
      ProcessedEventDay1766000000000,
      OutboxTraceContext1767000000000,
      ...(options.migrations as never[]),
    ],
    subscribers: [AfterCommitSubscriber],
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    migrationsRun: false,
    installExtensions: false,
    parseInt8: false,
    poolSize: config.DATABASE_POOL_SIZE,
    connectTimeoutMS: config.DATABASE_CONNECT_TIMEOUT_MS,
    extra: {
      // pg-pool: fail instead of queueing forever when every connection is busy.
      connectionTimeoutMillis: config.DATABASE_CONNECT_TIMEOUT_MS,
      idleTimeoutMillis: 30000,
      statement_timeout: config.DATABASE_STATEMENT_TIMEOUT_MS || undefined,
    },
  });
}
