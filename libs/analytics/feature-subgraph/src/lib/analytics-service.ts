import { join } from 'node:path';
import { loadSchemaFiles } from '@nets/shared/graphql-server';
import type { ServiceDefinition } from '@nets/shared/service-runtime';
import { analyticsFlagsTopic } from '@nets/analytics/contract-events';
import { ANALYTICS_ENTITIES, ANALYTICS_MIGRATIONS } from '@nets/analytics/data-access';
import { analyticsResolvers } from './resolvers/analytics.resolvers';
import { HealthService } from './services/health.service';
import { createAnalyticsContext, type AnalyticsContext, type AnalyticsServices } from './analytics-context';

export const ANALYTICS_SCHEMA_FOLDER = join(__dirname, '..', 'schema');

/** What the service runtime starts: schema, database, topics, and the module of services and resolvers. */
export const analyticsService: ServiceDefinition<AnalyticsContext> = {
  name: 'analytics',
  typeDefs: loadSchemaFiles(ANALYTICS_SCHEMA_FOLDER),
  entities: ANALYTICS_ENTITIES,
  migrations: ANALYTICS_MIGRATIONS,
  topics: [analyticsFlagsTopic],
  createModule() {
    const services: AnalyticsServices = {
      health: new HealthService(),
    };
    return {
      resolvers: analyticsResolvers,
      extendContext: (base) => createAnalyticsContext(base, services),
    };
  },
};
