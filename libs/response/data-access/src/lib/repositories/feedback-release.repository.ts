import { managerOf, type Transaction } from '@nets/shared/data-access-typeorm';
import type { FeedbackReleaseRecord } from '@nets/response/domain';

/**
 * Advisory lock (first key; the second is the cycle year) between freezing a cycle's feedback and storing a
 * response with comments in it: a response is either counted at the release, or its comments are marked late.
 */
export const FEEDBACK_RELEASE_LOCK = 0x6e657466;

/**
 * Feedback follows the released results: the replica of published ORGANISATION cells and, per cycle, the
 * responses frozen when its results were released (their count, and which comments may show).
 */
export class FeedbackReleaseRepository {
  /**
   * Freezes a cycle's feedback once, at its release: counts each organisation's responses. Runs in the caller's
   * transaction, holding the cycle's lock so that no response with comments is half stored meanwhile; responses
   * stored afterwards mark their comments late (`ResponseRepository.insertResponse`). Returns false when the
   * cycle was already frozen.
   */
  async freeze(transaction: Transaction, year: number, releasedOn: string): Promise<boolean> {
    const manager = managerOf(transaction);
    await manager.query('SELECT pg_advisory_xact_lock($1, $2)', [FEEDBACK_RELEASE_LOCK, year]);
    const rows = await manager.query<Array<{ released: number }>>(
      `WITH release AS (
         INSERT INTO feedback_release (year, released_on) VALUES ($1, $2)
         ON CONFLICT (year) DO NOTHING RETURNING year
       ), counted AS (
         INSERT INTO feedback_release_count (year, organisation_id, response_count)
         SELECT r.cycle_year, r.organisation_id, count(*)::int FROM response r
         JOIN release ON release.year = r.cycle_year GROUP BY r.cycle_year, r.organisation_id
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM release)::int AS released`,
      [year, releasedOn],
    );
    return (rows[0]?.released ?? 0) > 0;
  }

  /** Adds published ORGANISATION cells (a set: redeliveries change nothing). */
  async addReleasedCells(
    transaction: Transaction,
    cells: ReadonlyArray<{ year: number; organisationId: string; respondents: number }>,
  ): Promise<void> {
    const manager = managerOf(transaction);
    if (cells.length === 0) return;
    await manager.query(
      `INSERT INTO released_result_cell (year, organisation_id, respondents)
       SELECT c.year, c.organisation_id, c.respondents
       FROM jsonb_to_recordset($1::jsonb) AS c(year int, organisation_id uuid, respondents int)
       ON CONFLICT DO NOTHING`,
      [
        JSON.stringify(
          cells.map((c) => ({ year: c.year, organisation_id: c.organisationId, respondents: c.respondents })),
        ),
      ],
    );
  }

  /** Whether the cycle is released, and for each organisation its frozen count and whether results publish it. */
  async state(
    transaction: Transaction,
    year: number,
    organisationIds: readonly string[],
  ): Promise<FeedbackReleaseRecord> {
    const manager = managerOf(transaction);
    const [release] = await manager.query<Array<{ year: number }>>(
      `SELECT year FROM feedback_release WHERE year = $1`,
      [year],
    );
    if (!release) return { released: false, organisations: new Map() };
    const rows = await manager.query<
      Array<{ organisation_id: string; response_count: number; published: boolean }>
    >(
      `SELECT c.organisation_id, c.response_count, EXISTS (
         SELECT 1 FROM released_result_cell x
         WHERE x.year = c.year AND x.organisation_id = c.organisation_id AND x.respondents = c.response_count
       ) AS published
       FROM feedback_release_count c WHERE c.year = $1 AND c.organisation_id = ANY($2::uuid[])`,
      [year, organisationIds],
    );
    return {
      released: true,
      organisations: new Map(
        rows.map((row) => [
          row.organisation_id,
          { responseCount: row.response_count, published: row.published },
        ]),
      ),
    };
  }
}
