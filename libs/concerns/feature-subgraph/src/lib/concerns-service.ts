import { join } from 'node:path';
import { loadSchemaFiles } from '@nets/shared/graphql-server';
import type { ServiceDefinition } from '@nets/shared/service-runtime';
import { concernsTopic } from '@nets/concerns/contract-events';
import { CONCERNS_ENTITIES, CONCERNS_MIGRATIONS } from '@nets/concerns/data-access';
import { concernsResolvers } from './resolvers/concerns.resolvers';
import { HealthService } from './services/health.service';
import { createConcernsContext, type ConcernsContext, type ConcernsServices } from './concerns-context';

export const CONCERNS_SCHEMA_FOLDER = join(__dirname, '..', 'schema');

/** What the service runtime starts: schema, database, topics, and the module of services and resolvers. */
export const concernsService: ServiceDefinition<ConcernsContext> = {
  name: 'concerns',
  typeDefs: loadSchemaFiles(CONCERNS_SCHEMA_FOLDER),
  entities: CONCERNS_ENTITIES,
  migrations: CONCERNS_MIGRATIONS,
  topics: [concernsTopic],
  createModule() {
    const services: ConcernsServices = {
      health: new HealthService(),
    };
    return {
      resolvers: concernsResolvers,
      extendContext: (base) => createConcernsContext(base, services),
    };
  },
};
