import type { Pool } from 'pg';
import type { EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import {
  afterOutboxWrite,
  managerOf,
  outboxRowOf,
  type OutboxEntry,
  type Transaction,
} from '@nets/shared/data-access-typeorm';
import type { NewResponseRecord, ProgressCountRecord, SubmissionRecord } from '@nets/response/domain';
import { FEEDBACK_RELEASE_LOCK } from './feedback-release.repository';

interface SubmissionRow {
  idempotency_key: string;
  request_hash: string;
  response_id: string;
  receipt_code: string;
  submitted_on?: string;
}

const toSubmission = (row: SubmissionRow): SubmissionRecord => ({
  idempotencyKey: row.idempotency_key,
  requestHash: row.request_hash,
  responseId: row.response_id,
  receiptCode: row.receipt_code,
  submittedOn: row.submitted_on,
});

/**
 * A statement on its own goes straight to the pool's `pg` client: TypeORM's per-query runner was a tenth of the
 * response process's CPU on the submit path. Inside a transaction it joins the transaction's connection.
 */
async function queryOn<T>(manager: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  if (manager.queryRunner) return manager.query<T[]>(sql, params);
  const pool = (manager.connection.driver as PostgresDriver).master as Pool;
  return (await pool.query(sql, params)).rows as T[];
}

/**
 * The submit hot path in plain parameterised SQL, one round trip per table (TypeORM's `save()` is several
 * times slower). Methods take the caller's EntityManager so everything joins its transaction.
 */
export class ResponseRepository {
  /**
   * Claims an idempotency key. Returns false when another submission holds it (a concurrent retry waits here
   * for the first one's transaction and then sees its row).
   */
  async claimSubmission(transaction: Transaction, submission: SubmissionRecord): Promise<boolean> {
    const manager = managerOf(transaction);
    const rows = await manager.query<Array<{ idempotency_key: string }>>(
      `INSERT INTO response_submission (idempotency_key, request_hash, response_id, receipt_code)
       VALUES ($1, $2, $3, $4) ON CONFLICT (idempotency_key) DO NOTHING RETURNING idempotency_key`,
      [submission.idempotencyKey, submission.requestHash, submission.responseId, submission.receiptCode],
    );
    return rows.length === 1;
  }

  /**
   * The whole submission in one statement and one round trip (`response_submit`, see its migration): claims
   * the key, stores the response with its answers and comments, appends the outbox rows. False, with nothing
   * written, when another submission holds the key. Outside a transaction it commits on its own; the relay
   * finds the rows at its next poll.
   */
  async submit(
    transaction: Transaction,
    submission: SubmissionRecord,
    response: NewResponseRecord,
    outbox: readonly OutboxEntry[],
  ): Promise<boolean> {
    const rows = await queryOn<{ stored: boolean }>(
      managerOf(transaction),
      `SELECT response_submit($1::jsonb, $2::jsonb, $3::jsonb, $4::jsonb, $5::jsonb) AS stored`,
      [
        JSON.stringify({
          idempotency_key: submission.idempotencyKey,
          request_hash: submission.requestHash,
          response_id: submission.responseId,
          receipt_code: submission.receiptCode,
        }),
        JSON.stringify({
          id: response.id,
          cycle_year: response.cycleYear,
          questionnaire_id: response.questionnaireId,
          questionnaire_version: response.questionnaireVersion,
          organisation_id: response.organisationId,
          site_id: response.siteId,
          region: response.region,
          learner_group: response.learnerGroup,
          profession: response.profession,
          programme: response.programme,
          education_provider_id: response.educationProviderId ?? null,
          programme_code: response.programmeCode ?? null,
          year_of_training: response.yearOfTraining,
          specialty: response.specialty,
          placement_start: response.placementStart,
          placement_end: response.placementEnd,
          submitted_on: response.submittedOn,
          imported: response.imported,
        }),
        JSON.stringify(
          response.answers.map((a) => ({ question_code: a.questionCode, option_codes: a.optionCodes })),
        ),
        JSON.stringify(
          response.comments.map((c) => ({
            id: c.id,
            question_code: c.questionCode,
            original_text: c.originalText,
            redacted_text: c.redactedText,
            status: c.status,
            review_reasons: c.reviewReasons,
          })),
        ),
        JSON.stringify(outbox.map((entry) => outboxRowOf(entry))),
      ],
    );
    const stored = rows[0]?.stored === true;
    // The relay picks the rows up at its next poll: waking it per submission cost a relay pass each.
    if (stored) afterOutboxWrite(managerOf(transaction), outbox, { wakeRelay: false });
    return stored;
  }

  async findSubmissions(transaction: Transaction, keys: readonly string[]): Promise<SubmissionRecord[]> {
    const manager = managerOf(transaction);
    if (keys.length === 0) return [];
    const rows = await manager.query<SubmissionRow[]>(
      `SELECT s.idempotency_key, s.request_hash, s.response_id, s.receipt_code,
         to_char(r.submitted_on, 'YYYY-MM-DD') AS submitted_on
       FROM response_submission s JOIN response r ON r.id = s.response_id
       WHERE s.idempotency_key = ANY($1::text[])`,
      [keys],
    );
    return rows.map(toSubmission);
  }

  async insertResponse(transaction: Transaction, response: NewResponseRecord): Promise<void> {
    const manager = managerOf(transaction);
    await manager.query(
      `INSERT INTO response (id, cycle_year, questionnaire_id, questionnaire_version, organisation_id, site_id, region,
         learner_group, profession, programme, year_of_training, specialty, placement_start, placement_end,
         submitted_on, imported, education_provider_id, programme_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
      [
        response.id,
        response.cycleYear,
        response.questionnaireId,
        response.questionnaireVersion,
        response.organisationId,
        response.siteId,
        response.region,
        response.learnerGroup,
        response.profession,
        response.programme,
        response.yearOfTraining,
        response.specialty,
        response.placementStart,
        response.placementEnd,
        response.submittedOn,
        response.imported,
        response.educationProviderId ?? null,
        response.programmeCode ?? null,
      ],
    );
    if (response.answers.length > 0) {
      await manager.query(
        `INSERT INTO response_answer (response_id, question_code, option_codes)
         SELECT $1, a.question_code, ARRAY(SELECT jsonb_array_elements_text(a.option_codes))
         FROM jsonb_to_recordset($2::jsonb) AS a(question_code text, option_codes jsonb)`,
        [
          response.id,
          JSON.stringify(
            response.answers.map((a) => ({ question_code: a.questionCode, option_codes: a.optionCodes })),
          ),
        ],
      );
    }
    if (response.comments.length > 0) {
      // Shared with other submissions, exclusive with the cycle's release: a comment stored after the release
      // froze the cycle's feedback is late and never shown (see FeedbackReleaseRepository.freeze).
      await manager.query('SELECT pg_advisory_xact_lock_shared($1, $2)', [
        FEEDBACK_RELEASE_LOCK,
        response.cycleYear,
      ]);
      await manager.query(
        `INSERT INTO response_comment (id, response_id, organisation_id, region, cycle_year, question_code,
           original_text, redacted_text, status, review_reasons, late)
         SELECT c.id, $1, $2, $3, $4, c.question_code, c.original_text, c.redacted_text, c.status, c.review_reasons,
           EXISTS (SELECT 1 FROM feedback_release WHERE year = $4)
         FROM jsonb_to_recordset($5::jsonb)
           AS c(id uuid, question_code text, original_text text, redacted_text text, status text, review_reasons jsonb)`,
        [
          response.id,
          response.organisationId,
          response.region,
          response.cycleYear,
          JSON.stringify(
            response.comments.map((c) => ({
              id: c.id,
              question_code: c.questionCode,
              original_text: c.originalText,
              redacted_text: c.redactedText,
              status: c.status,
              review_reasons: c.reviewReasons,
            })),
          ),
        ],
      );
    }
  }

  /** Responses per organisation in one query (the n >= 3 rule counts these). */
  async countByOrganisation(
    transaction: Transaction,
    organisationIds: readonly string[],
    year: number,
  ): Promise<Map<string, number>> {
    const manager = managerOf(transaction);
    const rows = await manager.query<Array<{ organisation_id: string; n: number }>>(
      `SELECT organisation_id, count(*)::int AS n FROM response
       WHERE organisation_id = ANY($1::uuid[]) AND cycle_year = $2 GROUP BY organisation_id`,
      [organisationIds, year],
    );
    return new Map(rows.map((row) => [row.organisation_id, row.n]));
  }

  /** Counts by day, region and learner group of one cycle, in one query. */
  async progressCounts(transaction: Transaction, year: number): Promise<ProgressCountRecord[]> {
    const manager = managerOf(transaction);
    const rows = await manager.query<
      Array<{ dimension: ProgressCountRecord['dimension']; key: string; n: number }>
    >(
      `SELECT 'DAY' AS dimension, to_char(submitted_on, 'YYYY-MM-DD') AS key, count(*)::int AS n
         FROM response WHERE cycle_year = $1 AND NOT imported GROUP BY submitted_on
       UNION ALL
       SELECT 'REGION', region, count(*)::int FROM response WHERE cycle_year = $1 AND NOT imported GROUP BY region
       UNION ALL
       SELECT 'LEARNER_GROUP', learner_group, count(*)::int FROM response WHERE cycle_year = $1 AND NOT imported
         GROUP BY learner_group`,
      [year],
    );
    return rows.map((row) => ({ dimension: row.dimension, key: row.key, count: row.n }));
  }
}
