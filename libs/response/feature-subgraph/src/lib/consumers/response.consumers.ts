import { eventHandler, type EventHandler } from '@nets/shared/data-access-kafka';
import { transactionOf } from '@nets/shared/data-access-typeorm';
import { organisationReplicaHandler, surveyReplicaHandler } from '@nets/replicas/data-access';
import { organisationsTopic } from '@nets/provider-assessment/contract-events';
import { surveyTopic } from '@nets/survey/contract-events';
import { resultsTopic } from '@nets/analytics/contract-events';
import type { FeedbackReleaseRepository, ResponseDraftRepository } from '@nets/response/data-access';
import { isUuid, type ReplicaReads } from '../replicas/replica-reads';
import type { RedactorCache } from '../redaction/redactor-cache';
import type { CommentRedactionService } from '../redaction/comment-redaction.service';

/**
 * The shared replica handlers, plus what this service does in the same transaction: drafts of a closed cycle
 * expire, a registry change makes the redactor stale, and released results freeze the cycle's feedback (its
 * comments still waiting for redaction redacted first).
 */
export function responseConsumers(
  drafts: ResponseDraftRepository,
  redactors: RedactorCache,
  releases: FeedbackReleaseRepository,
  redaction: CommentRedactionService,
  reads: ReplicaReads,
  clock: () => Date = () => new Date(),
): EventHandler[] {
  return [
    eventHandler(organisationsTopic, async (events, manager) => {
      await organisationReplicaHandler.handle(events, manager);
      redactors.markStale();
      reads.forget();
    }),
    eventHandler(surveyTopic, async (events, manager) => {
      await surveyReplicaHandler.handle(events, manager);
      reads.forget();
      const closed = events.filter((e) => e.type === 'nets.survey.cycle-closed.v1').map((e) => e.data.year);
      if (closed.length > 0) await drafts.expireClosedCycles(transactionOf(manager), closed);
    }),
    // Analytics publishes a cycle's results once, at release. Only the organisations' own published cells
    // matter here (year, organisation, respondents); the first one of a year freezes that year's feedback.
    eventHandler(resultsTopic, async (events, manager) => {
      const transaction = transactionOf(manager);
      const releasedOn = clock().toISOString().slice(0, 10);
      for (const event of events) {
        if (event.data.table !== 'ORGANISATION') continue;
        await releases.freeze(transaction, event.data.year, releasedOn);
        // Under the freeze's lock: the cycle's comments still waiting are redacted before feedback can show.
        await redaction.redactPending(transaction, { limit: null, year: event.data.year, skipLocked: false });
        const cells: Array<{ year: number; organisationId: string; respondents: number }> = [];
        for (const cell of event.data.cells) {
          if (cell.suppressed || !cell.organisationId || !isUuid(cell.organisationId)) continue;
          cells.push({
            year: event.data.year,
            organisationId: cell.organisationId,
            respondents: cell.respondents,
          });
        }
        await releases.addReleasedCells(transaction, cells);
      }
    }),
  ];
}
