// The demo dataset (tools/dataset, the demo's size and seed) folded as the analytics service folds it:
// learner-level counters (organisation × site-or-none × profession × education provider) per cycle and series (each measure,
// and each reason question as `reason:<code>`), plus the public hierarchy from the registry.
import { MEASURES, DEFAULT_QUESTIONNAIRE } from '@nets/survey/domain';
import { questionsInOrder } from '@nets/survey/contract-events';
import { demoRegistry } from '@nets/provider-assessment/data-access';
import type { FineCounter } from '@nets/analytics/domain';
import { EducationAssigner, registryEducationProviders } from '../dataset/education';
import { registryOrganisations } from '../dataset/organisations';
import { ResponseStream } from '../dataset/responses';
import { PAST_CYCLES } from '../dataset/targets';
import type { AttackHierarchy } from './lp-attacker';

const NOT_APPLICABLE = new Set(['NA', 'N_A', 'NOT_APPLICABLE', 'DONT_KNOW']);

export interface SeriesDefinition {
  readonly series: string;
  readonly questionCode: string;
  /** The measure whose positive answers are the only way to be asked this question. */
  readonly parentSeries?: string;
  readonly isMeasure: boolean;
}

export interface DemoCounters {
  /** The registry's placement providers, their sites and regions, and the professions seen. */
  readonly hierarchy: AttackHierarchy;
  readonly definitions: readonly SeriesDefinition[];
  /** year → series → learner-level counters. */
  readonly counters: ReadonlyMap<number, ReadonlyMap<string, readonly FineCounter[]>>;
}

interface Counter {
  organisationId: string;
  siteId?: string;
  profession: string;
  /** The learner's education provider (ODS code), as the dataset's loader sends it. */
  educationProviderId?: string;
  respondents: number;
  positive: number;
}

export function demoCounters(options: { responses: number; seed: number }): DemoCounters {
  const organisations = registryOrganisations(demoRegistry(), options.seed);
  const regionOf = new Map<string, string>();
  const organisationOfSite = new Map<string, string>();
  for (const o of organisations) {
    regionOf.set(o.odsCode, o.region);
    for (const s of o.sites) organisationOfSite.set(s.code, o.odsCode);
  }
  const learnerGroupOf = new Map<string, string>();
  const questions = questionsInOrder(DEFAULT_QUESTIONNAIRE);
  const measureOfQuestion = new Map<string, string>();
  for (const m of MEASURES)
    if (!measureOfQuestion.has(m.questionCode)) measureOfQuestion.set(m.questionCode, m.key);
  const parentOf = (code: string) => {
    const condition = questions.find((q) => q.code === code)?.condition;
    return condition ? measureOfQuestion.get(condition.questionCode) : undefined;
  };
  const measured = new Set(MEASURES.map((m) => m.questionCode));
  const reasons = questions
    .filter((q) => q.type === 'MULTIPLE_CHOICE' && !measured.has(q.code))
    .map((q) => q.code);
  const definitions: SeriesDefinition[] = [
    ...MEASURES.map((m) => ({
      series: m.key,
      questionCode: m.questionCode,
      parentSeries: parentOf(m.questionCode),
      isMeasure: true,
    })),
    ...reasons.map((code) => ({
      series: `reason:${code}`,
      questionCode: code,
      parentSeries: parentOf(code),
      isMeasure: false,
    })),
  ];

  const counters = new Map<number, Map<string, Map<string, Counter>>>();
  const add = (
    year: number,
    series: string,
    place: { organisationId: string; siteId?: string; profession: string; educationProviderId?: string },
    positive: boolean,
  ): void => {
    const bySeries = counters.get(year) ?? new Map<string, Map<string, Counter>>();
    counters.set(year, bySeries);
    const cells = bySeries.get(series) ?? new Map<string, Counter>();
    bySeries.set(series, cells);
    const key = `${place.organisationId}|${place.siteId ?? ''}|${place.profession}|${place.educationProviderId ?? ''}`;
    const cell = cells.get(key) ?? { ...place, respondents: 0, positive: 0 };
    cell.respondents += 1;
    if (positive) cell.positive += 1;
    cells.set(key, cell);
  };
  const stream = new ResponseStream(organisations, {
    total: options.responses,
    years: PAST_CYCLES,
    seed: options.seed,
    freeText: false,
    education: new EducationAssigner(registryEducationProviders(demoRegistry(), options.seed), options.seed),
  });
  for (let chunk = stream.next(1000); chunk.length > 0; chunk = stream.next(1000)) {
    for (const response of chunk) {
      const organisationId = response.organisation.odsCode;
      const siteId = response.site === null ? undefined : response.organisation.sites[response.site].code;
      learnerGroupOf.set(response.profile.profession, response.profile.learnerGroup);
      const place = {
        organisationId,
        siteId,
        profession: response.profile.profession,
        educationProviderId: response.education?.odsCode,
      };
      const answers = new Map(response.answers.map((a) => [a.questionCode, a.optionCodes ?? []]));
      for (const measure of MEASURES) {
        const chosen = (answers.get(measure.questionCode) ?? []).filter((c) => !NOT_APPLICABLE.has(c));
        if (chosen.length > 0) {
          const positive = chosen.some((c) => measure.positiveOptionCodes.includes(c));
          add(response.year, measure.key, place, positive);
        }
      }
      for (const code of reasons) {
        if ((answers.get(code) ?? []).length > 0) add(response.year, `reason:${code}`, place, false);
      }
    }
  }
  return {
    hierarchy: { regionOf, organisationOfSite, learnerGroupOf },
    definitions,
    counters: new Map(
      [...counters].map(([year, bySeries]) => [
        year,
        new Map([...bySeries].map(([series, cells]) => [series, [...cells.values()]])),
      ]),
    ),
  };
}
