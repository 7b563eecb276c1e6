import { join } from 'node:path';
import { z } from 'zod';
import { loadSchemaFiles } from '@nets/shared/graphql-server';
import type { ServiceDefinition } from '@nets/shared/service-runtime';
import { ReplicaRepository } from '@nets/replicas/data-access';
import { createUnitOfWork } from '@nets/shared/data-access-typeorm';
import { organisationsTopic } from '@nets/provider-assessment/contract-events';
import { responsesTopic } from '@nets/response/contract-events';
import { surveyTopic } from '@nets/survey/contract-events';
import { DEFAULT_MIN_CELL_SIZE } from '@nets/analytics/domain';
import { analyticsFlagsTopic, resultsTopic } from '@nets/analytics/contract-events';
import {
  ANALYTICS_ENTITIES,
  ANALYTICS_MIGRATIONS,
  RegistryRepository,
  ReleaseRepository,
  RollupRepository,
} from '@nets/analytics/data-access';
import { analyticsConsumers } from './consumers/analytics.consumers';
import { analyticsResolvers } from './resolvers/analytics.resolvers';
import { answerCachePlugin } from './plugins/answer-cache.plugin';
import { releasedCyclesIn } from './plugins/released-cycles';
import { MeasureResultsService } from './services/measure-results.service';
import { MeasureViewsService } from './services/measure-views.service';
import { NationalSummaryService } from './services/national-summary.service';
import { ProjectionService } from './services/projection.service';
import { PublicationService } from './services/publication.service';
import { QualityFlagsService } from './services/quality-flags.service';
import { ReaderScopeService } from './services/reader-scope.service';
import { ReleaseService } from './services/release.service';
import { TrendsAndRankingsService } from './services/trends-and-rankings.service';
import { createAnalyticsContext, type AnalyticsContext, type AnalyticsServices } from './analytics-context';

export const ANALYTICS_SCHEMA_FOLDER = join(__dirname, '..', 'schema');

/** The analytics service's own settings. */
export const analyticsConfigSchema = z.object({
  /** The minimum cell size of the n ≥ 3 rule. */
  ANALYTICS_MIN_CELL_SIZE: z.coerce.number().int().min(1).default(DEFAULT_MIN_CELL_SIZE),
  /** Response partitions folded at once: one batch's database work overlaps the next batch's parsing. */
  ANALYTICS_FOLD_PARTITIONS: z.coerce.number().int().min(1).max(64).default(2),
  /** Responses folded per database transaction. */
  ANALYTICS_FOLD_BATCH: z.coerce.number().int().min(1).max(10000).default(500),
});
export type AnalyticsSettings = z.infer<typeof analyticsConfigSchema>;

/** What the service runtime starts: schema, database, topics, and the module of services and resolvers. */
export const analyticsService: ServiceDefinition<AnalyticsContext, AnalyticsSettings> = {
  name: 'analytics',
  typeDefs: loadSchemaFiles(ANALYTICS_SCHEMA_FOLDER),
  entities: ANALYTICS_ENTITIES,
  migrations: ANALYTICS_MIGRATIONS,
  topics: [analyticsFlagsTopic, resultsTopic, responsesTopic, surveyTopic, organisationsTopic],
  settingsSchema: analyticsConfigSchema,
  createModule({ settings, dataSource }) {
    const { ANALYTICS_MIN_CELL_SIZE } = settings;
    const unitOfWork = createUnitOfWork(dataSource);
    const rollups = new RollupRepository();
    const releaseRecords = new ReleaseRepository();
    const replicas = new ReplicaRepository();
    const projection = new ProjectionService(rollups, replicas, releaseRecords);
    const releases = new ReleaseService(
      unitOfWork,
      releaseRecords,
      rollups,
      replicas,
      ANALYTICS_MIN_CELL_SIZE,
    );
    const views = new MeasureViewsService(unitOfWork, rollups, replicas, ANALYTICS_MIN_CELL_SIZE, releases);
    releases.warmWith((year) => views.warm(year));
    const readers = new ReaderScopeService(unitOfWork, new RegistryRepository());
    const measureResults = new MeasureResultsService(unitOfWork, views, replicas, readers);
    const publication = new PublicationService(unitOfWork, rollups, replicas, views);
    const services: AnalyticsServices = {
      measureResults,
      trendsAndRankings: new TrendsAndRankingsService(views, readers),
      qualityFlags: new QualityFlagsService(views, readers),
      nationalSummary: new NationalSummaryService(views, measureResults),
      releases,
    };
    return {
      resolvers: analyticsResolvers,
      extendContext: (base) => createAnalyticsContext(base, services),
      plugins: [answerCachePlugin(releasedCyclesIn(releaseRecords, unitOfWork))],
      consumers: analyticsConsumers(projection),
      consumerOptions: {
        partitionsConsumedConcurrently: settings.ANALYTICS_FOLD_PARTITIONS,
        transactionBatchSize: settings.ANALYTICS_FOLD_BATCH,
      },
      scheduledJobs: [
        // Each replica keeps its own views: every one warms them, so all its readers meet warm views.
        { name: 'analytics.warm-views', everyReplica: true, run: async () => void (await views.warm()) },
        {
          name: 'analytics.publication',
          run: async () => {
            // A sweep for responses whose missing fact arrived while another transaction held them.
            await unitOfWork.run((transaction) => projection.foldPending(transaction));
            // A released cycle's views are built (latest cycle first) before it is published, so readers
            // meet warm views.
            await views.warm();
            await publication.publishChanged();
          },
        },
      ],
    };
  },
};
