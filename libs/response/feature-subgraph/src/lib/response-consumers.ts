import { eventHandler, type EventHandler } from '@nets/shared/data-access-kafka';
import { organisationReplicaHandler, surveyReplicaHandler } from '@nets/shared/data-access-replicas';
import { organisationsTopic } from '@nets/provider-assessment/contract-events';
import { surveyTopic } from '@nets/survey/contract-events';
import type { ResponseDraftRepository } from '@nets/response/data-access';
import type { RedactorCache } from './services/redactor-cache';

/**
 * The shared replica handlers, plus what this service does in the same transaction: drafts of a closed cycle
 * expire, and a registry change makes the redactor stale.
 */
export function responseConsumers(drafts: ResponseDraftRepository, redactors: RedactorCache): EventHandler[] {
  return [
    eventHandler(organisationsTopic, async (events, manager) => {
      await organisationReplicaHandler.handle(events, manager);
      redactors.markStale();
    }),
    eventHandler(surveyTopic, async (events, manager) => {
      await surveyReplicaHandler.handle(events, manager);
      const closed = events.filter((e) => e.type === 'nets.survey.cycle-closed.v1').map((e) => e.data.year);
      if (closed.length > 0) await drafts.expireClosedCycles(manager, closed);
    }),
  ];
}
