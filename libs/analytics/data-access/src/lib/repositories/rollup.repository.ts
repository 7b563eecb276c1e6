import { managerOf, type Transaction } from '@nets/shared/data-access-typeorm';
import { responseSubmittedSchema } from '@nets/response/contract-events';
import { optionSlotKey } from '@nets/analytics/domain';
import type {
  CounterDelta,
  FineCellDelta,
  PendingResponseRecord,
  ReasonDelta,
  SeriesVersion,
  UnitFlagRecord,
} from '@nets/analytics/domain';

interface CounterRow {
  organisation_id: string;
  site_id: string;
  education_provider_id: string;
  profession: string;
  region: string;
  learner_group: string;
  respondents: number;
  positive: number;
}

interface ReasonRow extends Omit<CounterRow, 'respondents' | 'positive'> {
  option_code: string;
  chosen: number;
}

interface WideRow {
  year: number;
  organisationId: string;
  siteId: string;
  educationProviderId: string;
  profession: string;
  region: string;
  learnerGroup: string;
  respondents: string;
  positive: string;
}

/** Element-wise sum of two counter arrays of any lengths (a missing element counts 0). */
const addArrays = (a: string, b: string) =>
  `ARRAY(SELECT coalesce(x, 0) + coalesce(y, 0) FROM unnest(${a}, ${b}) WITH ORDINALITY AS u(x, y, i) ORDER BY i)`;

/**
 * The counter rollups: one wide row per fine cell (arrays indexed by the cycle's slots), batched upserts in
 * the caller's transaction, reads per (cycle, series) that pick one slot.
 */
export class RollupRepository {
  /**
   * Adds a batch's fine cells (each cell once per batch) with one upsert row per cell. Rows go in key order,
   * so concurrent folds lock shared rows in the same order.
   */
  async addCells(transaction: Transaction, cells: readonly FineCellDelta[]): Promise<void> {
    const manager = managerOf(transaction);
    if (cells.length === 0) return;
    const wanted = new Map<number, Set<string>>();
    for (const cell of cells) {
      const keys = wanted.get(cell.year) ?? new Set<string>();
      for (const key of cell.slots.keys()) keys.add(key);
      wanted.set(cell.year, keys);
    }
    const slots = await this.slotsFor(transaction, wanted);
    const rows: WideRow[] = cells.map((cell) => {
      const ofYear = slots.get(cell.year);
      const respondents: number[] = [];
      const positive: number[] = [];
      for (const [key, [n, k]] of cell.slots) {
        const idx = ofYear?.get(key);
        if (idx === undefined) throw new Error(`No slot for ${key} in ${cell.year}`);
        respondents[idx - 1] = n;
        positive[idx - 1] = k;
      }
      return {
        year: cell.year,
        organisationId: cell.organisationId,
        siteId: cell.siteId,
        educationProviderId: cell.educationProviderId,
        profession: cell.profession,
        region: cell.region,
        learnerGroup: cell.learnerGroup,
        // Array.from visits the holes of a sparse array, which count 0.
        respondents: `{${Array.from(respondents, (v) => v ?? 0).join(',')}}`,
        positive: `{${Array.from(positive, (v) => v ?? 0).join(',')}}`,
      };
    });
    const order = (r: WideRow) =>
      `${r.year}|${r.organisationId}|${r.siteId}|${r.educationProviderId}|${r.profession}`;
    rows.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
    await manager.query(
      `INSERT INTO analytics_cell_counter AS c
         (year, organisation_id, site_id, education_provider_id, profession, region, learner_group, respondents, positive)
       SELECT y, o, s, e, p, r, l, n::int[], k::int[]
       FROM unnest($1::int[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
         AS t(y, o, s, e, p, r, l, n, k)
       ON CONFLICT (year, organisation_id, site_id, education_provider_id, profession) DO UPDATE
         SET respondents = ${addArrays('c.respondents', 'EXCLUDED.respondents')},
             positive = ${addArrays('c.positive', 'EXCLUDED.positive')}`,
      [
        rows.map((r) => r.year),
        rows.map((r) => r.organisationId),
        rows.map((r) => r.siteId),
        rows.map((r) => r.educationProviderId),
        rows.map((r) => r.profession),
        rows.map((r) => r.region),
        rows.map((r) => r.learnerGroup),
        rows.map((r) => r.respondents),
        rows.map((r) => r.positive),
      ],
    );
  }

  /**
   * The slots of every wanted (cycle, key), per cycle, creating missing ones under a per-cycle advisory lock
   * (held to commit) so two folds never give one index to two keys.
   */
  private async slotsFor(
    transaction: Transaction,
    wanted: Map<number, Set<string>>,
  ): Promise<Map<number, Map<string, number>>> {
    const manager = managerOf(transaction);
    const years = [...wanted.keys()].sort((a, b) => a - b);
    const load = async () => {
      const rows = await manager.query<Array<{ year: number; key: string; idx: number }>>(
        'SELECT year, key, idx FROM analytics_slot WHERE year = ANY($1::int[])',
        [years],
      );
      const slots = new Map<number, Map<string, number>>(years.map((year) => [year, new Map()]));
      for (const r of rows) slots.get(r.year)?.set(r.key, r.idx);
      return slots;
    };
    const slots = await load();
    const missing = years.flatMap((year) =>
      [...(wanted.get(year) ?? [])].filter((key) => !slots.get(year)?.has(key)).map((key) => ({ year, key })),
    );
    if (missing.length === 0) return slots;
    for (const year of new Set(missing.map((m) => m.year))) {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('analytics_slot'), $1)`, [year]);
    }
    await manager.query(
      `INSERT INTO analytics_slot (year, key, idx)
       SELECT m.year, m.key,
              coalesce((SELECT max(idx) FROM analytics_slot s WHERE s.year = m.year), 0)
                + row_number() OVER (PARTITION BY m.year ORDER BY m.key)
       FROM unnest($1::int[], $2::text[]) AS m(year, key)
       WHERE NOT EXISTS (SELECT 1 FROM analytics_slot s WHERE s.year = m.year AND s.key = m.key)`,
      [missing.map((m) => m.year), missing.map((m) => m.key)],
    );
    return load();
  }

  /** Records the responses as folded; returns the ids that were not folded before (the ones to fold now). */
  async markFolded(transaction: Transaction, responseIds: readonly string[]): Promise<Set<string>> {
    const manager = managerOf(transaction);
    if (responseIds.length === 0) return new Set();
    const rows = await manager.query<Array<{ response_id: string }>>(
      `INSERT INTO analytics_folded_response (response_id) SELECT * FROM unnest($1::uuid[])
       ON CONFLICT DO NOTHING RETURNING response_id`,
      [[...responseIds]],
    );
    return new Set(rows.map((r) => r.response_id));
  }

  /** Respondents folded into a series, over every cycle or one (`responses`: everyone who responded). */
  async totalRespondents(transaction: Transaction, series: string, year?: number): Promise<number> {
    const manager = managerOf(transaction);
    const [row] = await manager.query<Array<{ n: number }>>(
      `SELECT coalesce(sum(c.respondents[s.idx]), 0)::int AS n
       FROM analytics_slot s JOIN analytics_cell_counter c ON c.year = s.year
       WHERE s.key = $1 AND ($2::int IS NULL OR s.year = $2)`,
      [series, year ?? null],
    );
    return row?.n ?? 0;
  }

  /**
   * Records the (cycle, series) pairs a fold touched, so readers and the publisher know a cycle's series.
   * Existing rows are left alone (no row lock), so concurrent folds never queue on them: a series changes
   * only until its cycle is released, and views are built only after.
   */
  async registerSeries(
    transaction: Transaction,
    pairs: ReadonlyArray<{ year: number; series: string }>,
  ): Promise<void> {
    const manager = managerOf(transaction);
    if (pairs.length === 0) return;
    await manager.query(
      `INSERT INTO analytics_series (year, series, version, published_version)
       SELECT year, series, 1, 0 FROM unnest($1::int[], $2::text[]) AS t(year, series) ORDER BY year, series
       ON CONFLICT (year, series) DO NOTHING`,
      [pairs.map((p) => p.year), pairs.map((p) => p.series)],
    );
  }

  async versions(
    transaction: Transaction,
    year: number,
    series: readonly string[],
  ): Promise<SeriesVersion[]> {
    const manager = managerOf(transaction);
    const rows = await manager.query<
      Array<{ year: number; series: string; version: number; published_version: number }>
    >(
      `SELECT year, series, version, published_version FROM analytics_series WHERE year = $1 AND series = ANY($2::text[])`,
      [year, [...series]],
    );
    return rows.map(toVersion);
  }

  /** Every series of a cycle (or of every cycle when year is omitted). */
  async seriesOf(transaction: Transaction, year?: number): Promise<SeriesVersion[]> {
    const manager = managerOf(transaction);
    const rows = await manager.query<
      Array<{ year: number; series: string; version: number; published_version: number }>
    >(
      `SELECT year, series, version, published_version FROM analytics_series
       WHERE $1::int IS NULL OR year = $1 ORDER BY year, series`,
      [year ?? null],
    );
    return rows.map(toVersion);
  }

  /** The released cycles' series not published since they changed, latest cycle first (no locks taken). */
  async unpublished(transaction: Transaction): Promise<SeriesVersion[]> {
    const manager = managerOf(transaction);
    const rows = await manager.query<
      Array<{ year: number; series: string; version: number; published_version: number }>
    >(
      `SELECT s.year, s.series, s.version, s.published_version FROM analytics_series s
       JOIN analytics_release r ON r.year = s.year
       WHERE s.version <> s.published_version ORDER BY s.year DESC, s.series`,
    );
    return rows.map(toVersion);
  }

  /**
   * In the caller's short transaction: true when this caller alone may publish the (cycle, series) now
   * (an advisory lock held to commit; another publisher holding it means skip, never wait).
   */
  async tryLockPublication(transaction: Transaction, year: number, series: string): Promise<boolean> {
    const manager = managerOf(transaction);
    const [row] = await manager.query<Array<{ locked: boolean }>>(
      `SELECT pg_try_advisory_xact_lock(hashtext('analytics_publish'), hashtext($1::int || '|' || $2)) AS locked`,
      [year, series],
    );
    return row?.locked === true;
  }

  /**
   * Marks a version as published if nothing republished or forced a republication since the caller read
   * `expected`; a fold that bumped the version since leaves the series due again.
   */
  async markPublished(
    transaction: Transaction,
    year: number,
    series: string,
    version: number,
    expected: number,
  ): Promise<boolean> {
    const manager = managerOf(transaction);
    const [, affected] = await manager.query<[unknown, number]>(
      `UPDATE analytics_series SET published_version = $3
       WHERE year = $1 AND series = $2 AND published_version = $4`,
      [year, series, version, expected],
    );
    return affected > 0;
  }

  /** A released cycle is published in full, whatever was published before. */
  async forceRepublish(transaction: Transaction, year: number): Promise<void> {
    const manager = managerOf(transaction);
    await manager.query(`UPDATE analytics_series SET published_version = -1 WHERE year = $1`, [year]);
  }

  async counters(transaction: Transaction, year: number, series: string): Promise<CounterDelta[]> {
    const manager = managerOf(transaction);
    const rows = await manager.query<CounterRow[]>(
      `SELECT c.organisation_id, c.site_id, c.education_provider_id, c.profession, c.region, c.learner_group,
              c.respondents[s.idx] AS respondents, coalesce(c.positive[s.idx], 0) AS positive
       FROM analytics_slot s JOIN analytics_cell_counter c ON c.year = s.year
       WHERE s.year = $1 AND s.key = $2 AND c.respondents[s.idx] > 0`,
      [year, series],
    );
    return rows.map((r) => ({
      year,
      series,
      organisationId: r.organisation_id,
      siteId: r.site_id,
      educationProviderId: r.education_provider_id,
      profession: r.profession,
      region: r.region,
      learnerGroup: r.learner_group,
      respondents: r.respondents,
      positive: r.positive,
    }));
  }

  async reasons(transaction: Transaction, year: number, questionCode: string): Promise<ReasonDelta[]> {
    const manager = managerOf(transaction);
    const prefix = optionSlotKey(questionCode, '');
    const rows = await manager.query<ReasonRow[]>(
      `SELECT c.organisation_id, c.site_id, c.education_provider_id, c.profession, c.region, c.learner_group,
              substr(s.key, length($2) + 1) AS option_code, c.respondents[s.idx] AS chosen
       FROM analytics_slot s JOIN analytics_cell_counter c ON c.year = s.year
       WHERE s.year = $1 AND starts_with(s.key, $2) AND c.respondents[s.idx] > 0`,
      [year, prefix],
    );
    return rows.map((r) => ({
      year,
      questionCode,
      organisationId: r.organisation_id,
      siteId: r.site_id,
      educationProviderId: r.education_provider_id,
      profession: r.profession,
      region: r.region,
      learnerGroup: r.learner_group,
      optionCode: r.option_code,
      chosen: r.chosen,
    }));
  }

  async addPending(transaction: Transaction, records: readonly PendingResponseRecord[]): Promise<void> {
    const manager = managerOf(transaction);
    if (records.length === 0) return;
    await manager.query(
      `INSERT INTO analytics_pending_response (response_id, questionnaire_id, organisation_id, payload)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::jsonb[])
       ON CONFLICT (response_id) DO NOTHING`,
      [
        records.map((r) => r.responseId),
        records.map((r) => r.questionnaireId),
        records.map((r) => r.organisationId),
        records.map((r) => JSON.stringify(r.payload)),
      ],
    );
  }

  /** Removes and returns the pending responses whose questionnaire and organisation are now known. */
  async takeReadyPending(transaction: Transaction, limit = 5000): Promise<PendingResponseRecord[]> {
    const manager = managerOf(transaction);
    // TypeORM answers a DELETE … RETURNING with [rows, affected].
    const [rows] = await manager.query<
      [
        Array<{ response_id: string; questionnaire_id: string; organisation_id: string; payload: unknown }>,
        number,
      ]
    >(
      `DELETE FROM analytics_pending_response WHERE response_id IN (
         SELECT p.response_id FROM analytics_pending_response p
         WHERE EXISTS (SELECT 1 FROM questionnaire_replica q WHERE q.id = p.questionnaire_id)
           AND EXISTS (SELECT 1 FROM organisation_replica o WHERE o.id = p.organisation_id)
         ORDER BY p.received_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING response_id, questionnaire_id, organisation_id, payload`,
      [limit],
    );
    return rows.map((r) => ({
      responseId: r.response_id,
      questionnaireId: r.questionnaire_id,
      organisationId: r.organisation_id,
      // Validated when consumed; parsed again here, once, so no reader casts it back.
      payload: responseSubmittedSchema.parse(r.payload),
    }));
  }

  /** Responses of a cycle still waiting for their questionnaire or organisation. */
  async pendingCount(transaction: Transaction, year: number): Promise<number> {
    const manager = managerOf(transaction);
    const [row] = await manager.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM analytics_pending_response WHERE (payload->>'cycleYear')::int = $1`,
      [year],
    );
    return row?.n ?? 0;
  }

  async unitFlags(transaction: Transaction, year: number, measureKey: string): Promise<UnitFlagRecord[]> {
    const manager = managerOf(transaction);
    const rows = await manager.query<Array<{ unit_key: string; flag: string; consecutive_red: number }>>(
      `SELECT unit_key, flag, consecutive_red FROM analytics_unit_flag WHERE year = $1 AND measure_key = $2`,
      [year, measureKey],
    );
    return rows.map((r) => ({
      year,
      measureKey,
      unitKey: r.unit_key,
      flag: r.flag,
      consecutiveRed: r.consecutive_red,
    }));
  }

  async saveUnitFlags(transaction: Transaction, flags: readonly UnitFlagRecord[]): Promise<void> {
    const manager = managerOf(transaction);
    if (flags.length === 0) return;
    await manager.query(
      `INSERT INTO analytics_unit_flag (year, measure_key, unit_key, flag, consecutive_red)
       SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[])
       ON CONFLICT (year, measure_key, unit_key) DO UPDATE
         SET flag = EXCLUDED.flag, consecutive_red = EXCLUDED.consecutive_red`,
      [
        flags.map((f) => f.year),
        flags.map((f) => f.measureKey),
        flags.map((f) => f.unitKey),
        flags.map((f) => f.flag),
        flags.map((f) => f.consecutiveRed),
      ],
    );
  }
}

function toVersion(r: {
  year: number;
  series: string;
  version: number;
  published_version: number;
}): SeriesVersion {
  return { year: r.year, series: r.series, version: r.version, publishedVersion: r.published_version };
}
