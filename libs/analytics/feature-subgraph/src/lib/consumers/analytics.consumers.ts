import { eventHandler, type EventHandler } from '@nets/shared/data-access-kafka';
import { transactionOf } from '@nets/shared/data-access-typeorm';
import { organisationReplicaHandler, surveyReplicaHandler } from '@nets/replicas/data-access';
import { organisationsTopic } from '@nets/provider-assessment/contract-events';
import { responsesTopic } from '@nets/response/contract-events';
import { surveyTopic } from '@nets/survey/contract-events';
import type { ProjectionService } from '../services/projection.service';

/**
 * Responses fold in batches; survey and organisation facts update the shared replicas, then fold any
 * response that was waiting for them (a response may arrive before its questionnaire or organisation). The
 * consumer's transaction reaches the projection as a unit-of-work `Transaction`.
 */
export function analyticsConsumers(projection: ProjectionService): EventHandler[] {
  return [
    eventHandler(responsesTopic, async (events, manager) => {
      await projection.foldResponses(
        transactionOf(manager),
        events.map((event) => event.data),
      );
    }),
    eventHandler(surveyTopic, async (events, manager) => {
      await surveyReplicaHandler.handle(events, manager);
      await projection.foldPending(transactionOf(manager));
    }),
    eventHandler(organisationsTopic, async (events, manager) => {
      await organisationReplicaHandler.handle(events, manager);
      await projection.foldPending(transactionOf(manager));
    }),
  ];
}
