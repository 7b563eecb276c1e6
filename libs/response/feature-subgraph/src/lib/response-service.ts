import { join } from 'node:path';
import { loadSchemaFiles } from '@nets/shared/graphql-server';
import { createUnitOfWork } from '@nets/shared/data-access-typeorm';
import type { ServiceDefinition } from '@nets/shared/service-runtime';
import { ReplicaRepository } from '@nets/replicas/data-access';
import { organisationsTopic } from '@nets/provider-assessment/contract-events';
import { surveyTopic } from '@nets/survey/contract-events';
import { resultsTopic } from '@nets/analytics/contract-events';
import { responsesTopic, seriousConcernsTopic } from '@nets/response/contract-events';
import {
  RESPONSE_ENTITIES,
  RESPONSE_MIGRATIONS,
  FeedbackReleaseRepository,
  ResponseCommentRepository,
  ResponseDraftRepository,
  ResponseRepository,
  SensitiveDataRepository,
} from '@nets/response/data-access';
import { responseResolvers } from './resolvers/response.resolvers';
import { createResponseContext, type ResponseContext, type ResponseServices } from './response-context';
import { responseConfigSchema, type ResponseConfig } from './response-config';
import { responseConsumers } from './consumers/response.consumers';
import { DraftService } from './services/draft.service';
import { FeedbackService } from './services/feedback.service';
import { HousekeepingService } from './services/housekeeping.service';
import { ProgressService } from './services/progress.service';
import { CommentRedactionService } from './redaction/comment-redaction.service';
import { RedactorCache } from './redaction/redactor-cache';
import { reviewQueueCollector } from './redaction/review-queue-metrics';
import { ReplicaReads } from './replicas/replica-reads';
import { SubmissionRateLimiter } from './access/submission-rate-limiter';
import { SubmissionService } from './services/submission.service';

export const RESPONSE_SCHEMA_FOLDER = join(__dirname, '..', 'schema');

/** What the service runtime starts: schema, database, topics, and the module of services and resolvers. */
export const responseService: ServiceDefinition<ResponseContext, ResponseConfig> = {
  name: 'response',
  typeDefs: loadSchemaFiles(RESPONSE_SCHEMA_FOLDER),
  entities: RESPONSE_ENTITIES,
  migrations: RESPONSE_MIGRATIONS,
  topics: [responsesTopic, seriousConcernsTopic, surveyTopic, organisationsTopic, resultsTopic],
  settingsSchema: responseConfigSchema,
  createModule({ settings: responseConfig, dataSource }) {
    const unitOfWork = createUnitOfWork(dataSource);
    const replicas = new ReplicaRepository();
    const reads = new ReplicaReads(replicas);
    const responses = new ResponseRepository();
    const drafts = new ResponseDraftRepository();
    const releases = new FeedbackReleaseRepository();
    const redactors = new RedactorCache(unitOfWork, replicas);
    const comments = new ResponseCommentRepository();
    const redaction = new CommentRedactionService(unitOfWork, comments, redactors);
    const rateLimiter = new SubmissionRateLimiter(dataSource, {
      points: responseConfig.RESPONSE_SUBMIT_RATE_LIMIT,
      windowSeconds: responseConfig.RESPONSE_SUBMIT_RATE_WINDOW_SECONDS,
    });
    const services: ResponseServices = {
      submissions: new SubmissionService(unitOfWork, responses, drafts, reads, rateLimiter),
      drafts: new DraftService(unitOfWork, drafts, reads, rateLimiter),
      feedback: new FeedbackService(unitOfWork, releases, comments, replicas),
      progress: new ProgressService(unitOfWork, responses, replicas),
    };
    const housekeeping = new HousekeepingService(
      unitOfWork,
      new SensitiveDataRepository(),
      drafts,
      redactors,
    );
    return {
      resolvers: responseResolvers,
      extendContext: (base) => createResponseContext(base, services),
      consumers: responseConsumers(drafts, redactors, releases, redaction, reads),
      scheduledJobs: [
        { name: 'response.housekeeping', runAtStart: true, run: () => housekeeping.run() },
        // Every replica redacts (SKIP LOCKED keeps them apart), on its own time, not the learner's.
        {
          name: 'response.redaction',
          runAtStart: true,
          everyReplica: true,
          run: () => redaction.drain().then(() => undefined),
        },
      ],
      // For the NetsReviewQueueStale alert: the review queue per region, read at each scrape.
      collectMetrics: reviewQueueCollector(unitOfWork, comments),
    };
  },
};
