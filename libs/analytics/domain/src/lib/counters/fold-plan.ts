import type { QuestionnairePublished, MeasurePolarity } from '@nets/survey/contract-events';
import { questionsInOrder } from '@nets/survey/contract-events';
import type { ResponseSubmitted } from '@nets/response/contract-events';
import { isOptionSlotKey, optionSlotKey, type FineCellDelta } from './counter-records';

/** Counts every folded response once per cell: the denominator of headline figures. */
export const RESPONSES_SERIES = 'responses';
export const reasonSeries = (questionCode: string) => `reason:${questionCode}`;

/** Answers that say the question did not apply: the learner is not a respondent of the measure. */
const NOT_APPLICABLE = new Set(['NA', 'N_A', 'NOT_APPLICABLE', 'DONT_KNOW']);

export interface MeasurePlan {
  key: string;
  title: string;
  questionCode: string;
  positive: ReadonlySet<string>;
  polarity: MeasurePolarity;
  /** The measure whose positive answers are the only way to be asked this one (for `inheritSuppression`). */
  parentMeasureKey?: string;
}

export interface ReasonPlan {
  questionCode: string;
  text: string;
  options: ReadonlyArray<{ code: string; label: string }>;
  parentMeasureKey?: string;
}

/** What one questionnaire version feeds: its measures and its multiple-choice reason questions. */
export interface FoldPlan {
  measures: readonly MeasurePlan[];
  reasons: readonly ReasonPlan[];
}

export function foldPlanOf(questionnaire: QuestionnairePublished): FoldPlan {
  const questions = questionsInOrder(questionnaire.content);
  const measureByQuestion = new Map<string, string>();
  for (const measure of questionnaire.measures) {
    if (!measureByQuestion.has(measure.questionCode))
      measureByQuestion.set(measure.questionCode, measure.key);
  }
  const parentOf = (questionCode: string): string | undefined => {
    const condition = questions.find((q) => q.code === questionCode)?.condition;
    return condition ? measureByQuestion.get(condition.questionCode) : undefined;
  };
  const measured = new Set(questionnaire.measures.map((m) => m.questionCode));
  return {
    measures: questionnaire.measures.map((m) => ({
      key: m.key,
      title: m.title,
      questionCode: m.questionCode,
      positive: new Set(m.positiveOptionCodes),
      polarity: m.polarity,
      parentMeasureKey: parentOf(m.questionCode),
    })),
    reasons: questions
      .filter((q) => q.type === 'MULTIPLE_CHOICE' && !measured.has(q.code))
      .map((q) => ({
        questionCode: q.code,
        text: q.text,
        options: q.options,
        parentMeasureKey: parentOf(q.code),
      })),
  };
}

export interface Placement {
  region: string;
  organisationId: string;
  siteId: string | null;
}

/**
 * Adds one response's contributions to the batch's fine cells (one per cycle × organisation × site ×
 * education provider × profession), so a batch becomes one upsert row per cell. The organisation is the one results follow (the
 * successor after a merge).
 */
export function addContributions(
  response: ResponseSubmitted,
  plan: FoldPlan,
  placement: Placement,
  cells: Map<string, FineCellDelta>,
): void {
  const year = response.cycleYear;
  const siteId = placement.siteId ?? '';
  const educationProviderId = response.education?.organisationId ?? '';
  const { profession, learnerGroup } = response.profile;
  const fineKey = `${year}|${placement.organisationId}|${siteId}|${educationProviderId}|${profession}`;
  let cell = cells.get(fineKey);
  if (!cell) {
    cell = {
      year,
      organisationId: placement.organisationId,
      siteId,
      educationProviderId,
      profession,
      region: placement.region,
      learnerGroup,
      slots: new Map(),
    };
    cells.set(fineKey, cell);
  }
  const slots = cell.slots;
  const add = (key: string, positive: number) => {
    const sums = slots.get(key);
    if (sums) {
      sums[0] += 1;
      sums[1] += positive;
    } else slots.set(key, [1, positive]);
  };
  const answers = new Map(response.answers.map((a) => [a.questionCode, a.optionCodes]));
  add(RESPONSES_SERIES, 0);
  for (const measure of plan.measures) {
    const chosen = answers.get(measure.questionCode)?.filter((code) => !NOT_APPLICABLE.has(code));
    if (!chosen || chosen.length === 0) continue;
    add(measure.key, chosen.some((code) => measure.positive.has(code)) ? 1 : 0);
  }
  for (const reason of plan.reasons) {
    const chosen = answers.get(reason.questionCode);
    if (!chosen || chosen.length === 0) continue;
    add(reasonSeries(reason.questionCode), 0);
    for (const optionCode of new Set(chosen)) add(optionSlotKey(reason.questionCode, optionCode), 0);
  }
}

/** The (cycle, series) pairs a batch's cells changed: reason options are not series. */
export function changedSeries(cells: Iterable<FineCellDelta>): Array<{ year: number; series: string }> {
  const changed = new Map<string, { year: number; series: string }>();
  for (const cell of cells) {
    for (const key of cell.slots.keys()) {
      if (isOptionSlotKey(key)) continue;
      const id = `${cell.year}|${key}`;
      if (!changed.has(id)) changed.set(id, { year: cell.year, series: key });
    }
  }
  return [...changed.values()];
}
