import { managerOf, type Transaction } from '@nets/shared/data-access-typeorm';
import type { DraftRecord, DraftStatus } from '@nets/response/domain';

interface DraftRow {
  id: string;
  resume_token_hash: string;
  cycle_year: number;
  questionnaire_id: string;
  content: unknown;
  status: DraftStatus;
  saved_at: Date;
}

const toRecord = (row: DraftRow): DraftRecord => ({
  id: row.id,
  resumeTokenHash: row.resume_token_hash,
  cycleYear: row.cycle_year,
  questionnaireId: row.questionnaire_id,
  content: row.content,
  status: row.status,
  savedAt: row.saved_at,
});

export class ResponseDraftRepository {
  async findByTokenHash(
    transaction: Transaction,
    hash: string,
    lock = false,
  ): Promise<DraftRecord | undefined> {
    const manager = managerOf(transaction);
    const rows = await manager.query<DraftRow[]>(
      `SELECT id, resume_token_hash, cycle_year, questionnaire_id, content, status, saved_at
       FROM response_draft WHERE resume_token_hash = $1${lock ? ' FOR UPDATE' : ''}`,
      [hash],
    );
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async insert(transaction: Transaction, draft: DraftRecord): Promise<void> {
    const manager = managerOf(transaction);
    await manager.query(
      `INSERT INTO response_draft (id, resume_token_hash, cycle_year, questionnaire_id, content, status, saved_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)`,
      [
        draft.id,
        draft.resumeTokenHash,
        draft.cycleYear,
        draft.questionnaireId,
        JSON.stringify(draft.content),
        draft.status,
        draft.savedAt,
      ],
    );
  }

  async updateContent(
    transaction: Transaction,
    id: string,
    questionnaireId: string,
    content: unknown,
    savedAt: Date,
  ): Promise<void> {
    const manager = managerOf(transaction);
    await manager.query(
      `UPDATE response_draft SET questionnaire_id = $2, content = $3::jsonb, saved_at = $4 WHERE id = $1`,
      [id, questionnaireId, JSON.stringify(content), savedAt],
    );
  }

  /** Submitted drafts keep no answers: the response holds them now. */
  async markSubmitted(transaction: Transaction, tokenHash: string): Promise<boolean> {
    const manager = managerOf(transaction);
    const [, affected] = await manager.query<[unknown, number]>(
      `UPDATE response_draft SET status = 'SUBMITTED', content = NULL,
         saved_at = date_trunc('day', saved_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
       WHERE resume_token_hash = $1 AND status = 'OPEN'`,
      [tokenHash],
    );
    return affected === 1;
  }

  /** Expires every open draft of cycles that are not open any more; returns how many. */
  async expireClosedCycles(transaction: Transaction, closedYears?: readonly number[]): Promise<number> {
    const manager = managerOf(transaction);
    const [, affected] = await manager.query<[unknown, number]>(
      `UPDATE response_draft SET status = 'EXPIRED', content = NULL
       WHERE status = 'OPEN' AND (
         ($1::int[] IS NOT NULL AND cycle_year = ANY($1::int[]))
         OR cycle_year IN (SELECT year FROM survey_cycle_replica WHERE status = 'CLOSED'))`,
      [closedYears ?? null],
    );
    return affected;
  }
}
