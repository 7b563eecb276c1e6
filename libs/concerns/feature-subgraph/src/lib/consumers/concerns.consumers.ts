import { eventHandler, type EventHandler } from '@nets/shared/data-access-kafka';
import { transactionOf } from '@nets/shared/data-access-typeorm';
import { organisationReplicaHandler } from '@nets/replicas/data-access';
import { analyticsFlagsTopic, resultsTopic } from '@nets/analytics/contract-events';
import { assessmentsTopic, organisationsTopic } from '@nets/provider-assessment/contract-events';
import { seriousConcernsTopic } from '@nets/response/contract-events';
import type { ConcernIntakeService } from '../services/concern-intake.service';
import type { NotificationIntake } from '../notifications/notification-intake';

/**
 * Handlers run by the shared ConsumerRunner: each batch is new events, in the transaction that records them
 * (handed to the services as a unit-of-work `Transaction`).
 */
export function concernsConsumers(
  intake: ConcernIntakeService,
  notifications: NotificationIntake,
): EventHandler[] {
  return [
    eventHandler(seriousConcernsTopic, async (events, manager) => {
      const transaction = transactionOf(manager);
      for (const event of events) await intake.seriousConcern(transaction, event.data);
    }),
    eventHandler(analyticsFlagsTopic, async (events, manager) => {
      const transaction = transactionOf(manager);
      for (const event of events) await intake.flag(transaction, event.data);
    }),
    eventHandler(assessmentsTopic, async (events, manager) => {
      const transaction = transactionOf(manager);
      for (const event of events) {
        if (event.type === 'nets.assessment.submitted.v1')
          await intake.selfAssessment(transaction, event.data);
        if (event.type === 'nets.assessment.returned.v1')
          await notifications.selfAssessmentReturned(transaction, event.data);
      }
    }),
    eventHandler(resultsTopic, async (events, manager) => {
      const transaction = transactionOf(manager);
      for (const event of events)
        await notifications.resultsReleased(transaction, event.data, new Date(event.time));
    }),
    // One handler per topic: the shared replica first, then this service's scoping follows it.
    eventHandler(organisationsTopic, async (events, manager) => {
      await organisationReplicaHandler.handle(events, manager);
      const transaction = transactionOf(manager);
      for (const event of events) {
        await intake.organisationChanged(transaction, event.data.organisation);
        if (event.type === 'nets.organisation.merged.v1')
          await intake.organisationChanged(transaction, event.data.successor);
      }
    }),
  ];
}
