import { join } from 'node:path';
import { z } from 'zod';
import { loadSchemaFiles } from '@nets/shared/graphql-server';
import { createUnitOfWork } from '@nets/shared/data-access-typeorm';
import { ReplicaRepository } from '@nets/replicas/data-access';
import type { ServiceDefinition } from '@nets/shared/service-runtime';
import { concernsOverdue } from '@nets/shared/observability';
import { envList } from '@nets/shared/util-config';
import { analyticsFlagsTopic, resultsTopic } from '@nets/analytics/contract-events';
import { assessmentsTopic, organisationsTopic } from '@nets/provider-assessment/contract-events';
import { seriousConcernsTopic } from '@nets/response/contract-events';
import { concernsTopic } from '@nets/concerns/contract-events';
import {
  CONCERNS_ENTITIES,
  CONCERNS_MIGRATIONS,
  ConcernRecordsRepository,
  ConcernRepository,
  IsfConfigRepository,
} from '@nets/concerns/data-access';
import { concernsConsumers } from './consumers/concerns.consumers';
import { concernsResolvers } from './resolvers/concerns.resolvers';
import { ConcernChanger } from './recording/concern-changer';
import { ConcernOpener } from './recording/concern-opener';
import { ConcernActionPlanService } from './services/concern-action-plan.service';
import { ConcernClosureService } from './services/concern-closure.service';
import { ConcernCommunicationService } from './services/concern-communication.service';
import { ConcernIntakeService } from './services/concern-intake.service';
import { ConcernQueryService } from './services/concern-query.service';
import { ConcernRaisingService } from './services/concern-raising.service';
import { ConcernTriageService } from './services/concern-triage.service';
import { IsfConfigService } from './services/isf-config.service';
import { notificationConfigSchema } from './notifications/notification-config';
import { notificationsModule } from './notifications/notifications-module';
import { createConcernsContext, type ConcernsContext, type ConcernsServices } from './concerns-context';

export const CONCERNS_SCHEMA_FOLDER = join(__dirname, '..', 'schema');

/** Optional bank holidays (`YYYY-MM-DD`, comma-separated) skipped when counting working days to a deadline. */
export const concernsConfigSchema = z
  .object({
    CONCERNS_BANK_HOLIDAYS: envList('').pipe(z.array(z.iso.date())),
  })
  .extend(notificationConfigSchema.shape);

export type ConcernsSettings = z.output<typeof concernsConfigSchema>;

/** What the service runtime starts: schema, database, topics, consumers and the module of services and resolvers. */
export const concernsService: ServiceDefinition<ConcernsContext, ConcernsSettings> = {
  name: 'concerns',
  typeDefs: loadSchemaFiles(CONCERNS_SCHEMA_FOLDER),
  entities: CONCERNS_ENTITIES,
  migrations: CONCERNS_MIGRATIONS,
  topics: [
    concernsTopic,
    seriousConcernsTopic,
    analyticsFlagsTopic,
    assessmentsTopic,
    organisationsTopic,
    resultsTopic,
  ],
  settingsSchema: concernsConfigSchema,
  createModule({ dataSource, settings, logger }) {
    const concerns = new ConcernRepository();
    const records = new ConcernRecordsRepository();
    const isf = new IsfConfigRepository();
    const replicas = new ReplicaRepository();
    const unitOfWork = createUnitOfWork(dataSource);
    const notifications = notificationsModule(unitOfWork, replicas, settings, logger);
    const { notifier } = notifications;
    const opener = new ConcernOpener(concerns, records, notifier);
    const changer = new ConcernChanger(unitOfWork, concerns, records);
    const services: ConcernsServices = {
      raising: new ConcernRaisingService(unitOfWork, opener, replicas),
      triage: new ConcernTriageService(changer, isf, notifier),
      actionPlans: new ConcernActionPlanService(
        changer,
        records,
        isf,
        settings.CONCERNS_BANK_HOLIDAYS,
        notifier,
      ),
      closure: new ConcernClosureService(changer),
      communication: new ConcernCommunicationService(changer, records),
      queries: new ConcernQueryService(unitOfWork, concerns, records, isf),
      isfConfig: new IsfConfigService(unitOfWork, isf),
      notifications: notifications.settings,
    };
    return {
      resolvers: concernsResolvers,
      extendContext: (base) => createConcernsContext(base, services),
      consumers: concernsConsumers(
        new ConcernIntakeService(opener, concerns, records, replicas),
        notifications.intake,
      ),
      scheduledJobs: notifications.scheduledJobs,
      // For the NetsOverdueConcernsGrowing alert: every region's overdue concerns, read at each scrape.
      collectMetrics: async () => {
        const dashboard = await concerns.dashboard(unitOfWork.reads, undefined, new Date());
        concernsOverdue.set(dashboard.overdueConcerns);
      },
    };
  },
};
