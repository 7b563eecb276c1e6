import { join } from 'node:path';
import { loadSchemaFiles } from '@nets/shared/graphql-server';
import type { ServiceDefinition } from '@nets/shared/service-runtime';
import { responsesTopic, seriousConcernsTopic } from '@nets/response/contract-events';
import { RESPONSE_ENTITIES, RESPONSE_MIGRATIONS } from '@nets/response/data-access';
import { responseResolvers } from './resolvers/response.resolvers';
import { HealthService } from './services/health.service';
import { createResponseContext, type ResponseContext, type ResponseServices } from './response-context';

export const RESPONSE_SCHEMA_FOLDER = join(__dirname, '..', 'schema');

/** What the service runtime starts: schema, database, topics, and the module of services and resolvers. */
export const responseService: ServiceDefinition<ResponseContext> = {
  name: 'response',
  typeDefs: loadSchemaFiles(RESPONSE_SCHEMA_FOLDER),
  entities: RESPONSE_ENTITIES,
  migrations: RESPONSE_MIGRATIONS,
  topics: [responsesTopic, seriousConcernsTopic],
  createModule() {
    const services: ResponseServices = {
      health: new HealthService(),
    };
    return {
      resolvers: responseResolvers,
      extendContext: (base) => createResponseContext(base, services),
    };
  },
};
