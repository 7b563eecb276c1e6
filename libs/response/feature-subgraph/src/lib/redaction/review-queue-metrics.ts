import { afterCommit, type Transaction, type UnitOfWork } from '@nets/shared/data-access-typeorm';
import {
  commentReviewDecisions,
  commentsInReview,
  commentsInReviewOldestAge,
  metricsRecording,
  type CommentReviewDecision,
} from '@nets/shared/observability';
import type { ResponseCommentRepository } from '@nets/response/data-access';

/**
 * A reviewer's decision, counted once it commits: `approved` and `amended` take a comment out of the queue,
 * `corrected` is an amendment of a comment already released.
 */
export function recordReviewDecision(transaction: Transaction, decision: CommentReviewDecision): void {
  if (!metricsRecording()) return;
  afterCommit(transaction, () => commentReviewDecisions.labels({ decision }).inc());
}

/**
 * Fills the review-queue gauges at each scrape (for NetsReviewQueueStale): the queue per region and the age of
 * its oldest comment, measured from the start of its response's day (learners' rows keep only the day), so it
 * reads up to a day old. Regions whose queue emptied drop out rather than stay at their last value.
 */
export function reviewQueueCollector(
  unitOfWork: UnitOfWork,
  comments: ResponseCommentRepository,
  now: () => Date = () => new Date(),
): () => Promise<void> {
  return async () => {
    const regions = await comments.reviewQueue(unitOfWork.reads);
    commentsInReview.reset();
    commentsInReviewOldestAge.reset();
    for (const { region, waiting, oldestLiveDay } of regions) {
      commentsInReview.labels({ region }).set(waiting);
      if (oldestLiveDay !== null) {
        const age = (now().getTime() - Date.parse(`${oldestLiveDay}T00:00:00Z`)) / 1000;
        commentsInReviewOldestAge.labels({ region }).set(Math.max(0, Math.floor(age)));
      }
    }
  };
}
