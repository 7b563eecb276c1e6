import type { EntityManager } from 'typeorm';
import type {
  CounterDelta,
  PendingResponseRecord,
  ReasonDelta,
  SeriesVersion,
  UnitFlagRecord,
} from './models';

interface CounterRow {
  organisation_id: string;
  site_id: string;
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

/** The counter rollups: batched upserts in the caller's transaction, range reads per (cycle, series). */
export class RollupRepository {
  /** Adds the deltas (already summed per key by the caller) with one statement. */
  async addCounters(manager: EntityManager, deltas: readonly CounterDelta[]): Promise<void> {
    if (deltas.length === 0) return;
    await manager.query(
      `INSERT INTO analytics_counter AS c
         (year, series, organisation_id, site_id, profession, region, learner_group, respondents, positive)
       SELECT * FROM unnest($1::int[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::int[])
       ON CONFLICT (year, series, organisation_id, site_id, profession) DO UPDATE
         SET respondents = c.respondents + EXCLUDED.respondents, positive = c.positive + EXCLUDED.positive`,
      [
        deltas.map((d) => d.year),
        deltas.map((d) => d.series),
        deltas.map((d) => d.organisationId),
        deltas.map((d) => d.siteId),
        deltas.map((d) => d.profession),
        deltas.map((d) => d.region),
        deltas.map((d) => d.learnerGroup),
        deltas.map((d) => d.respondents),
        deltas.map((d) => d.positive),
      ],
    );
  }

  async addReasons(manager: EntityManager, deltas: readonly ReasonDelta[]): Promise<void> {
    if (deltas.length === 0) return;
    await manager.query(
      `INSERT INTO analytics_reason_counter AS c
         (year, question_code, organisation_id, site_id, profession, option_code, region, learner_group, chosen)
       SELECT * FROM unnest($1::int[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[])
       ON CONFLICT (year, question_code, organisation_id, site_id, profession, option_code) DO UPDATE
         SET chosen = c.chosen + EXCLUDED.chosen`,
      [
        deltas.map((d) => d.year),
        deltas.map((d) => d.questionCode),
        deltas.map((d) => d.organisationId),
        deltas.map((d) => d.siteId),
        deltas.map((d) => d.profession),
        deltas.map((d) => d.optionCode),
        deltas.map((d) => d.region),
        deltas.map((d) => d.learnerGroup),
        deltas.map((d) => d.chosen),
      ],
    );
  }

  /** Marks the (cycle, series) pairs as changed: caches rebuild, the publisher republishes. */
  async bumpSeries(
    manager: EntityManager,
    pairs: ReadonlyArray<{ year: number; series: string }>,
  ): Promise<void> {
    if (pairs.length === 0) return;
    await manager.query(
      `INSERT INTO analytics_series AS s (year, series, version, published_version)
       SELECT year, series, 1, 0 FROM unnest($1::int[], $2::text[]) AS t(year, series)
       ON CONFLICT (year, series) DO UPDATE SET version = s.version + 1`,
      [pairs.map((p) => p.year), pairs.map((p) => p.series)],
    );
  }

  async versions(manager: EntityManager, year: number, series: readonly string[]): Promise<SeriesVersion[]> {
    const rows = await manager.query<
      Array<{ year: number; series: string; version: number; published_version: number }>
    >(
      `SELECT year, series, version, published_version FROM analytics_series WHERE year = $1 AND series = ANY($2::text[])`,
      [year, [...series]],
    );
    return rows.map(toVersion);
  }

  /** Every series of a cycle (or of every cycle when year is omitted). */
  async seriesOf(manager: EntityManager, year?: number): Promise<SeriesVersion[]> {
    const rows = await manager.query<
      Array<{ year: number; series: string; version: number; published_version: number }>
    >(
      `SELECT year, series, version, published_version FROM analytics_series
       WHERE $1::int IS NULL OR year = $1 ORDER BY year, series`,
      [year ?? null],
    );
    return rows.map(toVersion);
  }

  async unpublished(manager: EntityManager): Promise<SeriesVersion[]> {
    const rows = await manager.query<
      Array<{ year: number; series: string; version: number; published_version: number }>
    >(
      `SELECT year, series, version, published_version FROM analytics_series
       WHERE version <> published_version ORDER BY year, series FOR UPDATE SKIP LOCKED`,
    );
    return rows.map(toVersion);
  }

  async markPublished(manager: EntityManager, year: number, series: string, version: number): Promise<void> {
    await manager.query(
      `UPDATE analytics_series SET published_version = $3 WHERE year = $1 AND series = $2`,
      [year, series, version],
    );
  }

  /** A closed cycle is published again in full, whatever was published before. */
  async forceRepublish(manager: EntityManager, year: number): Promise<void> {
    await manager.query(`UPDATE analytics_series SET published_version = -1 WHERE year = $1`, [year]);
  }

  async counters(manager: EntityManager, year: number, series: string): Promise<CounterDelta[]> {
    const rows = await manager.query<CounterRow[]>(
      `SELECT organisation_id, site_id, profession, region, learner_group, respondents, positive
       FROM analytics_counter WHERE year = $1 AND series = $2`,
      [year, series],
    );
    return rows.map((r) => ({
      year,
      series,
      organisationId: r.organisation_id,
      siteId: r.site_id,
      profession: r.profession,
      region: r.region,
      learnerGroup: r.learner_group,
      respondents: r.respondents,
      positive: r.positive,
    }));
  }

  async reasons(manager: EntityManager, year: number, questionCode: string): Promise<ReasonDelta[]> {
    const rows = await manager.query<ReasonRow[]>(
      `SELECT organisation_id, site_id, profession, region, learner_group, option_code, chosen
       FROM analytics_reason_counter WHERE year = $1 AND question_code = $2`,
      [year, questionCode],
    );
    return rows.map((r) => ({
      year,
      questionCode,
      organisationId: r.organisation_id,
      siteId: r.site_id,
      profession: r.profession,
      region: r.region,
      learnerGroup: r.learner_group,
      optionCode: r.option_code,
      chosen: r.chosen,
    }));
  }

  async addPending(manager: EntityManager, records: readonly PendingResponseRecord[]): Promise<void> {
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
  async takeReadyPending(manager: EntityManager, limit = 5000): Promise<PendingResponseRecord[]> {
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
      payload: r.payload,
    }));
  }

  async pendingCount(manager: EntityManager): Promise<number> {
    const [row] = await manager.query<Array<{ n: number }>>(
      'SELECT count(*)::int AS n FROM analytics_pending_response',
    );
    return row?.n ?? 0;
  }

  async unitFlags(manager: EntityManager, year: number, measureKey: string): Promise<UnitFlagRecord[]> {
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

  async saveUnitFlags(manager: EntityManager, flags: readonly UnitFlagRecord[]): Promise<void> {
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
