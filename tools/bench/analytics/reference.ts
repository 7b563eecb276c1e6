// The references measured beside the analytics service in the same run: the same counter contributions
// upserted straight into PostgreSQL (no Kafka, no service), and the same reads as plain SQL.
import type { Client } from 'pg';
import type { ResponseSubmitted } from '@nets/response/contract-events';
import type { QuestionnairePublished } from '@nets/survey/contract-events';
import { questionsInOrder } from '@nets/survey/contract-events';

/** Same rule as the projector: these answers mean the learner is not a respondent of the measure. */
const NOT_APPLICABLE = new Set(['NA', 'N_A', 'NOT_APPLICABLE', 'DONT_KNOW']);

interface Contribution {
  measures: ReadonlyArray<{ key: string; questionCode: string; positive: ReadonlySet<string> }>;
  reasonQuestions: readonly string[];
}

export interface CounterDeltas {
  counters: Map<string, [number, string, string, string, string, string, string, number, number]>;
  reasons: Map<string, [number, string, string, string, string, string, string, string, number]>;
}

/**
 * The per-response contributions the projector folds (one `responses` row, one row per answered measure,
 * one `reason:<question>` row and one reason row per chosen option), summed per fine cell for a batch.
 * Written from the documented read model, not imported from the service, so the reference stays independent.
 */
export class ContributionCalculator {
  private readonly plans = new Map<string, Contribution>();

  constructor(
    questionnaires: readonly QuestionnairePublished[],
    private readonly regionOf: ReadonlyMap<string, string>,
  ) {
    for (const questionnaire of questionnaires) {
      const measured = new Set(questionnaire.measures.map((m) => m.questionCode));
      this.plans.set(questionnaire.questionnaireId, {
        measures: questionnaire.measures.map((m) => ({
          key: m.key,
          questionCode: m.questionCode,
          positive: new Set(m.positiveOptionCodes),
        })),
        reasonQuestions: questionsInOrder(questionnaire.content)
          .filter((q) => q.type === 'MULTIPLE_CHOICE' && !measured.has(q.code))
          .map((q) => q.code),
      });
    }
  }

  deltas(responses: readonly ResponseSubmitted[]): CounterDeltas {
    const counters: CounterDeltas['counters'] = new Map();
    const reasons: CounterDeltas['reasons'] = new Map();
    for (const response of responses) {
      const plan = this.plans.get(response.questionnaireId);
      const region = this.regionOf.get(response.placement.organisationId);
      if (!plan || !region)
        throw new Error(`unknown questionnaire or organisation in ${response.responseId}`);
      const year = response.cycleYear;
      const organisation = response.placement.organisationId;
      const site = response.placement.siteId ?? '';
      const { profession, learnerGroup } = response.profile;
      const add = (series: string, positive: number) => {
        const key = `${year}|${series}|${organisation}|${site}|${profession}`;
        const row = counters.get(key);
        if (row) {
          row[7] += 1;
          row[8] += positive;
        } else
          counters.set(key, [
            year,
            series,
            organisation,
            site,
            profession,
            region,
            learnerGroup,
            1,
            positive,
          ]);
      };
      const answers = new Map(response.answers.map((a) => [a.questionCode, a.optionCodes]));
      add('responses', 0);
      for (const measure of plan.measures) {
        const chosen = answers.get(measure.questionCode)?.filter((code) => !NOT_APPLICABLE.has(code));
        if (!chosen || chosen.length === 0) continue;
        add(measure.key, chosen.some((code) => measure.positive.has(code)) ? 1 : 0);
      }
      for (const questionCode of plan.reasonQuestions) {
        const chosen = answers.get(questionCode);
        if (!chosen || chosen.length === 0) continue;
        add(`reason:${questionCode}`, 0);
        for (const option of new Set(chosen)) {
          const key = `${year}|${questionCode}|${organisation}|${site}|${profession}|${option}`;
          const row = reasons.get(key);
          if (row) row[8] += 1;
          else
            reasons.set(key, [
              year,
              questionCode,
              organisation,
              site,
              profession,
              option,
              region,
              learnerGroup,
              1,
            ]);
        }
      }
    }
    return { counters, reasons };
  }
}

/** A scratch copy of the service's wide counter layout (same keys as its migration), slots kept by the bench. */
export const SCRATCH_TABLES_SQL = `
  CREATE TABLE scratch_cell_counter (year integer NOT NULL, organisation_id uuid NOT NULL, site_id text NOT NULL,
    profession text NOT NULL, region text NOT NULL, learner_group text NOT NULL,
    respondents integer[] NOT NULL, positive integer[] NOT NULL,
    PRIMARY KEY (year, organisation_id, site_id, profession));
  CREATE TABLE scratch_slot (year integer NOT NULL, key text NOT NULL, idx integer NOT NULL,
    PRIMARY KEY (year, key));`;

/** Totals per comparable unit: fine cells × slots with respondents, respondents, positives. */
export const counterTotalsSql = (cells: string, slots: string) => `
  SELECT count(*) FILTER (WHERE c.respondents[s.idx] > 0) AS rows, sum(c.respondents[s.idx]) AS r,
         sum(c.positive[s.idx]) AS p
  FROM ${slots} s JOIN ${cells} c ON c.year = s.year`;

/**
 * The reference writer: the same contributions as one wide row per fine cell, arrays indexed by slots it
 * numbers itself (first seen, first numbered), one upsert per batch with element-wise addition.
 */
export class WideUpsert {
  private readonly slots = new Map<string, number>();
  private readonly nextSlot = new Map<number, number>();

  constructor(private readonly client: Client) {}

  private slot(year: number, key: string, created: Array<[number, string, number]>): number {
    const id = `${year}|${key}`;
    let idx = this.slots.get(id);
    if (idx === undefined) {
      idx = (this.nextSlot.get(year) ?? 0) + 1;
      this.nextSlot.set(year, idx);
      this.slots.set(id, idx);
      created.push([year, key, idx]);
    }
    return idx;
  }

  /** One batch, one transaction: new slots, then one upsert statement. Returns the wide rows written. */
  async upsert(deltas: CounterDeltas): Promise<number> {
    const created: Array<[number, string, number]> = [];
    const rows = new Map<string, [number, string, string, string, string, string, number[], number[]]>();
    const add = (
      [year, organisation, site, profession, region, learnerGroup]: [
        number,
        string,
        string,
        string,
        string,
        string,
      ],
      key: string,
      n: number,
      k: number,
    ) => {
      const idx = this.slot(year, key, created) - 1;
      const rowKey = `${year}|${organisation}|${site}|${profession}`;
      let row = rows.get(rowKey);
      if (!row) {
        row = [year, organisation, site, profession, region, learnerGroup, [], []];
        rows.set(rowKey, row);
      }
      row[6][idx] = (row[6][idx] ?? 0) + n;
      row[7][idx] = (row[7][idx] ?? 0) + k;
    };
    for (const [
      year,
      series,
      organisation,
      site,
      profession,
      region,
      learnerGroup,
      n,
      k,
    ] of deltas.counters.values())
      add([year, organisation, site, profession, region, learnerGroup], series, n, k);
    for (const [
      year,
      question,
      organisation,
      site,
      profession,
      option,
      region,
      learnerGroup,
      chosen,
    ] of deltas.reasons.values())
      add(
        [year, organisation, site, profession, region, learnerGroup],
        `option:${question}:${option}`,
        chosen,
        0,
      );
    const literal = (values: number[]) => `{${Array.from(values, (v) => v ?? 0).join(',')}}`;
    const wide = [...rows.values()].map(
      (r) => [r[0], r[1], r[2], r[3], r[4], r[5], literal(r[6]), literal(r[7])] as const,
    );
    const sum = (a: string, b: string) =>
      `ARRAY(SELECT coalesce(x, 0) + coalesce(y, 0) FROM unnest(${a}, ${b}) WITH ORDINALITY AS u(x, y, i) ORDER BY i)`;
    await this.client.query('BEGIN');
    try {
      if (created.length > 0) {
        await this.client.query(
          'INSERT INTO scratch_slot (year, key, idx) SELECT * FROM unnest($1::int[], $2::text[], $3::int[])',
          columns(created, 3),
        );
      }
      await this.client.query(
        `INSERT INTO scratch_cell_counter AS c
           (year, organisation_id, site_id, profession, region, learner_group, respondents, positive)
         SELECT y, o, s, p, r, l, n::int[], k::int[]
         FROM unnest($1::int[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
           AS t(y, o, s, p, r, l, n, k)
         ON CONFLICT (year, organisation_id, site_id, profession) DO UPDATE
           SET respondents = ${sum('c.respondents', 'EXCLUDED.respondents')},
               positive = ${sum('c.positive', 'EXCLUDED.positive')}`,
        columns(wide, 8),
      );
      await this.client.query('COMMIT');
    } catch (error) {
      await this.client.query('ROLLBACK');
      throw error;
    }
    return wide.length;
  }
}

function columns<T extends readonly unknown[]>(rows: Iterable<T>, width: number): unknown[][] {
  const out: unknown[][] = Array.from({ length: width }, () => []);
  for (const row of rows) for (let i = 0; i < width; i += 1) out[i].push(row[i]);
  return out;
}

/** One series' counters of one cycle, from the service's wide rows. */
const SERIES_ROWS = `
  FROM analytics_slot s JOIN analytics_cell_counter c ON c.year = s.year
  WHERE s.year = $1 AND s.key = ANY($2::text[])`;

/**
 * What a provider dashboard needs, read straight from the counters: per measure, the organisation's totals,
 * every organisation's totals (the quartiles and flags are computed over them) and the national total.
 */
export const PROVIDER_DASHBOARD_SQL = `
  SELECT s.key AS series, c.organisation_id, sum(c.respondents[s.idx])::int AS respondents,
         sum(c.positive[s.idx])::int AS positive
  ${SERIES_ROWS}
  GROUP BY GROUPING SETS ((s.key, c.organisation_id), (s.key))`;

/** The narrowest same read: only the organisation's own totals and the national benchmark, per measure. */
export const PROVIDER_LOOKUP_SQL = `
  SELECT s.key AS series, sum(c.respondents[s.idx])::int AS respondents, sum(c.positive[s.idx])::int AS positive,
         sum(c.respondents[s.idx]) FILTER (WHERE c.organisation_id = $3)::int AS own_respondents,
         sum(c.positive[s.idx]) FILTER (WHERE c.organisation_id = $3)::int AS own_positive
  ${SERIES_ROWS} GROUP BY s.key`;

/** Region × learner group per measure, with the learner-group and national benchmarks. */
export const NATIONAL_BREAKDOWN_SQL = `
  SELECT s.key AS series, c.region, c.learner_group, sum(c.respondents[s.idx])::int AS respondents,
         sum(c.positive[s.idx])::int AS positive
  ${SERIES_ROWS}
  GROUP BY GROUPING SETS ((s.key, c.region, c.learner_group), (s.key, c.learner_group), (s.key))`;
