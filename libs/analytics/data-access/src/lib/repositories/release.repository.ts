import { managerOf, type Transaction } from '@nets/shared/data-access-typeorm';

export interface ReleaseRecord {
  year: number;
  releasedAt: Date;
  releasedBy: string;
  respondents: number;
}

export interface LateResponseRecord {
  responseId: string;
  year: number;
  payload: unknown;
}

/** Folds hold this lock shared per cycle, a release holds it exclusively: no fold straddles a release. */
const RELEASE_LOCK = `hashtext('analytics_release')`;

/** Which cycles' results are released, and the responses that arrived after. */
export class ReleaseRepository {
  /**
   * In the fold's transaction: waits for any release of these cycles in progress, keeps them from being
   * released until the fold commits, and returns those already released (their responses are late).
   */
  async lockForFolding(transaction: Transaction, years: Iterable<number>): Promise<Set<number>> {
    const manager = managerOf(transaction);
    const sorted = [...new Set(years)].sort((a, b) => a - b);
    if (sorted.length === 0) return new Set();
    await manager.query(
      `SELECT pg_advisory_xact_lock_shared(${RELEASE_LOCK}, y) FROM unnest($1::int[]) WITH ORDINALITY AS t(y, i) ORDER BY i`,
      [sorted],
    );
    const rows = await manager.query<Array<{ year: number }>>(
      'SELECT year FROM analytics_release WHERE year = ANY($1::int[])',
      [sorted],
    );
    return new Set(rows.map((r) => r.year));
  }

  /** In the release's transaction: waits until no fold of the cycle is in flight, and keeps new ones out. */
  async lockForRelease(transaction: Transaction, year: number): Promise<void> {
    const manager = managerOf(transaction);
    await manager.query(`SELECT pg_advisory_xact_lock(${RELEASE_LOCK}, $1)`, [year]);
  }

  async find(transaction: Transaction, year: number): Promise<ReleaseRecord | undefined> {
    const manager = managerOf(transaction);
    const [row] = await manager.query<
      Array<{ year: number; released_at: Date; released_by: string; respondents: number }>
    >('SELECT year, released_at, released_by, respondents FROM analytics_release WHERE year = $1', [year]);
    return row
      ? {
          year: row.year,
          releasedAt: row.released_at,
          releasedBy: row.released_by,
          respondents: row.respondents,
        }
      : undefined;
  }

  async releasedYears(transaction: Transaction): Promise<number[]> {
    const manager = managerOf(transaction);
    const rows = await manager.query<Array<{ year: number }>>(
      'SELECT year FROM analytics_release ORDER BY year',
    );
    return rows.map((r) => r.year);
  }

  async insert(transaction: Transaction, release: Omit<ReleaseRecord, 'releasedAt'>): Promise<ReleaseRecord> {
    const manager = managerOf(transaction);
    const [row] = await manager.query<Array<{ released_at: Date }>>(
      `INSERT INTO analytics_release (year, released_by, respondents) VALUES ($1, $2, $3) RETURNING released_at`,
      [release.year, release.releasedBy, release.respondents],
    );
    return { ...release, releasedAt: row.released_at };
  }

  /** Keeps responses of released cycles, except any that were folded before the release (redeliveries). */
  async addLate(transaction: Transaction, records: readonly LateResponseRecord[]): Promise<void> {
    const manager = managerOf(transaction);
    if (records.length === 0) return;
    await manager.query(
      `INSERT INTO analytics_late_response (response_id, year, payload)
       SELECT l.response_id, l.year, l.payload
       FROM unnest($1::uuid[], $2::int[], $3::jsonb[]) AS l(response_id, year, payload)
       WHERE NOT EXISTS (SELECT 1 FROM analytics_folded_response f WHERE f.response_id = l.response_id)
       ON CONFLICT (response_id) DO NOTHING`,
      [
        records.map((r) => r.responseId),
        records.map((r) => r.year),
        records.map((r) => JSON.stringify(r.payload)),
      ],
    );
  }

  async lateCount(transaction: Transaction, year: number): Promise<number> {
    const manager = managerOf(transaction);
    const [row] = await manager.query<Array<{ n: number }>>(
      'SELECT count(*)::int AS n FROM analytics_late_response WHERE year = $1',
      [year],
    );
    return row?.n ?? 0;
  }
}
