import {
  createServiceDataSource,
  databaseConfigSchema,
  migrateDatabase,
} from '@nets/shared/data-access-typeorm';
import type { RequestContext } from '@nets/shared/graphql-server';
import { ConfigError, baseConfigSchema, loadConfig } from '@nets/shared/util-config';
import type { z } from 'zod';
import { createLogger } from '@nets/shared/util-logger';
import { runMain } from './run-main';
import { startService, type ServiceDefinition } from './run-service';
import { serviceConfigSchema } from './service-config';

export interface ServiceDefaults {
  port: number;
  database: string;
}

/** The body of `apps/<service>/src/main.ts`: configuration from the environment, then run until a signal. */
export function runServiceProcess<TContext extends RequestContext, TSettings>(
  definition: ServiceDefinition<TContext, TSettings>,
  defaults: ServiceDefaults,
): void {
  const config = configOrExit(serviceConfigSchema(defaults));
  if (definition.settingsSchema) configOrExit(definition.settingsSchema);
  const logger = createLogger(definition.name, config.LOG_LEVEL);
  runMain(definition.name, logger, () => startService(definition, config, logger));
}

/**
 * The body of `apps/<service>/src/migrate.ts`, the explicit migration step (`npm start` runs it before the
 * services; production runs it as a job). It reads only the database settings.
 */
export function runMigrationProcess<TContext extends RequestContext, TSettings>(
  definition: ServiceDefinition<TContext, TSettings>,
  defaults: Pick<ServiceDefaults, 'database'>,
): void {
  const config = configOrExit(baseConfigSchema.extend(databaseConfigSchema(defaults.database).shape));
  const logger = createLogger(`${definition.name}-migrate`, config.LOG_LEVEL);
  const dataSource = createServiceDataSource({
    service: `${definition.name}-migrate`,
    config,
    entities: definition.entities,
    migrations: definition.migrations,
  });
  migrateDatabase(dataSource).then(
    (report) => logger.info(report, `${definition.name} database migrated`),
    (error: unknown) => {
      logger.fatal({ err: error }, `${definition.name} migration failed`);
      process.exit(1);
    },
  );
}

/** A process with bad configuration says what is wrong and stops before touching anything. */
export function configOrExit<S extends z.ZodType>(schema: S): z.output<S> {
  try {
    return loadConfig(schema);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
}
