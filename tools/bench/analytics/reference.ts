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

/** Scratch copies of the two counter tables, with the same keys as the service's migration. */
export const SCRATCH_TABLES_SQL = `
  CREATE TABLE scratch_counter (year integer NOT NULL, series text NOT NULL, organisation_id uuid NOT NULL,
    site_id text NOT NULL, profession text NOT NULL, region text NOT NULL, learner_group text NOT NULL,
    respondents integer NOT NULL, positive integer NOT NULL,
    PRIMARY KEY (year, series, organisation_id, site_id, profession));
  CREATE TABLE scratch_reason_counter (year integer NOT NULL, question_code text NOT NULL,
    organisation_id uuid NOT NULL, site_id text NOT NULL, profession text NOT NULL, option_code text NOT NULL,
    region text NOT NULL, learner_group text NOT NULL, chosen integer NOT NULL,
    PRIMARY KEY (year, question_code, organisation_id, site_id, profession, option_code));`;

function columns<T extends readonly unknown[]>(rows: Iterable<T>, width: number): unknown[][] {
  const out: unknown[][] = Array.from({ length: width }, () => []);
  for (const row of rows) for (let i = 0; i < width; i += 1) out[i].push(row[i]);
  return out;
}

/** One batch, one transaction, one statement per table: the upsert the projector does, minus everything else. */
export async function upsertDeltas(client: Client, deltas: CounterDeltas): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query(
      `INSERT INTO scratch_counter AS c
         (year, series, organisation_id, site_id, profession, region, learner_group, respondents, positive)
       SELECT * FROM unnest($1::int[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::int[])
       ON CONFLICT (year, series, organisation_id, site_id, profession) DO UPDATE
         SET respondents = c.respondents + EXCLUDED.respondents, positive = c.positive + EXCLUDED.positive`,
      columns(deltas.counters.values(), 9),
    );
    if (deltas.reasons.size > 0) {
      await client.query(
        `INSERT INTO scratch_reason_counter AS c
           (year, question_code, organisation_id, site_id, profession, option_code, region, learner_group, chosen)
         SELECT * FROM unnest($1::int[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[])
         ON CONFLICT (year, question_code, organisation_id, site_id, profession, option_code) DO UPDATE
           SET chosen = c.chosen + EXCLUDED.chosen`,
        columns(deltas.reasons.values(), 9),
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  return deltas.counters.size + deltas.reasons.size;
}

/**
 * What a provider dashboard needs, read straight from the counters: per measure, the organisation's totals,
 * every organisation's totals (the quartiles and flags are computed over them) and the national total.
 */
export const PROVIDER_DASHBOARD_SQL = `
  SELECT series, organisation_id, sum(respondents)::int AS respondents, sum(positive)::int AS positive
  FROM analytics_counter WHERE year = $1 AND series = ANY($2::text[])
  GROUP BY GROUPING SETS ((series, organisation_id), (series))`;

/** The narrowest same read: only the organisation's own totals and the national benchmark, per measure. */
export const PROVIDER_LOOKUP_SQL = `
  SELECT series, sum(respondents)::int AS respondents, sum(positive)::int AS positive,
         sum(respondents) FILTER (WHERE organisation_id = $3)::int AS own_respondents,
         sum(positive) FILTER (WHERE organisation_id = $3)::int AS own_positive
  FROM analytics_counter WHERE year = $1 AND series = ANY($2::text[]) GROUP BY series`;

/** Region × learner group per measure, with the learner-group and national benchmarks. */
export const NATIONAL_BREAKDOWN_SQL = `
  SELECT series, region, learner_group, sum(respondents)::int AS respondents, sum(positive)::int AS positive
  FROM analytics_counter WHERE year = $1 AND series = ANY($2::text[])
  GROUP BY GROUPING SETS ((series, region, learner_group), (series, learner_group), (series))`;
