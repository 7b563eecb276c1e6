import { afterCommit, type Transaction, type UnitOfWork } from '@nets/shared/data-access-typeorm';
import { commentsQueuedForReview, metricsRecording } from '@nets/shared/observability';
import type { RedactedComment, ResponseCommentRepository } from '@nets/response/data-access';
import type { RedactorCache } from './redactor-cache';

const BATCH = 100;
/** Redaction work between two turns of the event loop. */
const SLICE_MS = 5;

/**
 * Redaction off the submit path: a submission stores its comments PENDING with the response and its outbox
 * row, and this service redacts them afterwards. Nothing reads a PENDING comment (the review queue, feedback
 * and the reviewers' look-ups all leave them out), and the release of a cycle redacts whatever of that cycle
 * is still pending inside the transaction that freezes its feedback, so no provider can read unredacted text.
 * Every replica drains (rows taken with SKIP LOCKED), as a scheduled job on its own process.
 */
export class CommentRedactionService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly comments: ResponseCommentRepository,
    private readonly redactors: RedactorCache,
  ) {}

  /** Redacts every pending comment, a batch per transaction; returns how many. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const done = await this.unitOfWork.run((transaction) =>
        this.redactPending(transaction, { limit: BATCH, skipLocked: true }),
      );
      total += done;
      if (done < BATCH) return total;
    }
  }

  /** Redacts pending comments in the caller's transaction (all of one cycle's at its release). */
  async redactPending(
    transaction: Transaction,
    options: { limit: number | null; year?: number; skipLocked: boolean },
  ): Promise<number> {
    const pending = await this.comments.lockPending(transaction, options);
    if (pending.length === 0) return 0;
    const redactor = await this.redactors.current();
    const results: RedactedComment[] = [];
    let sliceStart = performance.now();
    for (const comment of pending) {
      // A comment takes about a millisecond of NLP: a batch in one go held the event loop for ~100 ms, and every
      // submission arriving meanwhile waited (the p99 of issue 19's ingestion). Requests get a turn between slices.
      if (performance.now() - sliceStart >= SLICE_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
      const result = redactor.redact(comment.originalText);
      results.push({
        id: comment.id,
        redactedText: result.text,
        status: result.needsReview ? 'IN_REVIEW' : 'RELEASED',
        reviewReasons: [...result.reviewReasons],
      });
    }
    await this.comments.completeRedaction(transaction, results);
    const queued = results.filter((result) => result.status === 'IN_REVIEW').length;
    if (queued > 0 && metricsRecording()) {
      afterCommit(transaction, () => commentsQueuedForReview.inc(queued));
    }
    return pending.length;
  }
}
