import { managerOf, type Transaction } from '@nets/shared/data-access-typeorm';
import type { CommentRecord, CommentStatus, GroupedComment } from '@nets/response/domain';

interface CommentRow {
  id: string;
  organisation_id: string;
  region: string;
  cycle_year: number;
  question_code: string;
  original_text: string;
  redacted_text: string;
  status: CommentStatus;
  review_reasons: string[];
  reviewed_by: string | null;
  reviewed_at: Date | null;
}

const COLUMNS = `id, organisation_id, region, cycle_year, question_code, original_text, redacted_text, status,
  review_reasons, reviewed_by, reviewed_at`;

/** COLUMNS of `response_comment c` in a join. */
const JOINED_COLUMNS = COLUMNS.split(',')
  .map((column) => `c.${column.trim()}`)
  .join(', ');

const toRecord = (row: CommentRow): CommentRecord => ({
  id: row.id,
  organisationId: row.organisation_id,
  region: row.region,
  cycleYear: row.cycle_year,
  questionCode: row.question_code,
  originalText: row.original_text,
  redactedText: row.redacted_text,
  status: row.status,
  reviewReasons: row.review_reasons,
  reviewedBy: row.reviewed_by,
  reviewedAt: row.reviewed_at,
});

export interface PendingComment {
  id: string;
  originalText: string;
}

export interface RedactedComment {
  id: string;
  redactedText: string;
  status: CommentStatus;
  reviewReasons: readonly string[];
}

export interface ReviewQueueRegion {
  region: string;
  waiting: number;
  /** `YYYY-MM-DD`, or null when every waiting comment is of an imported response. */
  oldestLiveDay: string | null;
}

export class ResponseCommentRepository {
  /**
   * Locks up to `limit` comments still waiting for redaction (of one cycle when `year` is given). `skipLocked`:
   * replicas draining at once take different rows; without it (the release) the call waits for a replica's
   * batch and then sees those rows redacted.
   */
  async lockPending(
    transaction: Transaction,
    options: { limit: number | null; year?: number; skipLocked: boolean },
  ): Promise<PendingComment[]> {
    const manager = managerOf(transaction);
    const rows = await manager.query<Array<{ id: string; original_text: string }>>(
      `SELECT id, original_text FROM response_comment
       WHERE status = 'PENDING' AND ($1::int IS NULL OR cycle_year = $1)
       ORDER BY id LIMIT $2 FOR UPDATE${options.skipLocked ? ' SKIP LOCKED' : ''}`,
      [options.year ?? null, options.limit],
    );
    return rows.map((row) => ({ id: row.id, originalText: row.original_text }));
  }

  /** Stores the redactor's results for pending comments, in one statement. */
  async completeRedaction(transaction: Transaction, comments: readonly RedactedComment[]): Promise<void> {
    if (comments.length === 0) return;
    const manager = managerOf(transaction);
    await manager.query(
      `UPDATE response_comment c SET redacted_text = r.redacted_text, status = r.status,
         review_reasons = r.review_reasons
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, redacted_text text, status text, review_reasons jsonb)
       WHERE c.id = r.id AND c.status = 'PENDING'`,
      [
        JSON.stringify(
          comments.map((c) => ({
            id: c.id,
            redacted_text: c.redactedText,
            status: c.status,
            review_reasons: c.reviewReasons,
          })),
        ),
      ],
    );
  }

  /**
   * Comments of the responses frozen at the cycle's release (late responses' comments never show), each with its
   * response's id and learner group for the learner-group rule (`learnerGroupOffer`): never shown as such.
   */
  async forOrganisation(
    transaction: Transaction,
    organisationId: string,
    year: number,
    statuses: readonly CommentStatus[],
  ): Promise<Array<CommentRecord & GroupedComment>> {
    const manager = managerOf(transaction);
    const rows = await manager.query<Array<CommentRow & { response_id: string; learner_group: string }>>(
      `SELECT ${JOINED_COLUMNS}, c.response_id, r.learner_group
       FROM response_comment c JOIN response r ON r.id = c.response_id
       WHERE c.organisation_id = $1 AND c.cycle_year = $2 AND NOT c.late AND c.status = ANY($3::text[])
       ORDER BY c.id`,
      [organisationId, year, statuses],
    );
    return rows.map((row) => ({
      ...toRecord(row),
      respondent: row.response_id,
      learnerGroup: row.learner_group,
    }));
  }

  async awaitingReview(
    transaction: Transaction,
    region: string | null,
    limit: number,
  ): Promise<CommentRecord[]> {
    const manager = managerOf(transaction);
    const rows = await manager.query<CommentRow[]>(
      `SELECT ${COLUMNS} FROM response_comment
       WHERE status = 'IN_REVIEW' AND ($1::text IS NULL OR region = $1) ORDER BY cycle_year, id LIMIT $2`,
      [region, limit],
    );
    return rows.map(toRecord);
  }

  /**
   * The review queue per region: how many comments wait, and the day of the oldest one's response among
   * learners' live responses (imported history keeps its original day, not when it joined the queue).
   */
  async reviewQueue(transaction: Transaction): Promise<ReviewQueueRegion[]> {
    const manager = managerOf(transaction);
    const rows = await manager.query<Array<{ region: string; waiting: number; oldest_live: string | null }>>(
      `SELECT c.region, count(*)::int AS waiting,
         to_char(min(r.submitted_on) FILTER (WHERE NOT r.imported), 'YYYY-MM-DD') AS oldest_live
       FROM response_comment c JOIN response r ON r.id = c.response_id
       WHERE c.status = 'IN_REVIEW' GROUP BY c.region ORDER BY c.region`,
    );
    return rows.map((row) => ({ region: row.region, waiting: row.waiting, oldestLiveDay: row.oldest_live }));
  }

  async find(transaction: Transaction, id: string, lock = false): Promise<CommentRecord | undefined> {
    const manager = managerOf(transaction);
    const rows = await manager.query<CommentRow[]>(
      // A comment still waiting for redaction is not there yet for anyone.
      `SELECT ${COLUMNS} FROM response_comment WHERE id = $1 AND status <> 'PENDING'${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async release(transaction: Transaction, id: string, redactedText: string, reviewer: string): Promise<void> {
    const manager = managerOf(transaction);
    await manager.query(
      `UPDATE response_comment SET status = 'RELEASED', redacted_text = $2, reviewed_by = $3, reviewed_at = now()
       WHERE id = $1`,
      [id, redactedText, reviewer],
    );
  }
}
