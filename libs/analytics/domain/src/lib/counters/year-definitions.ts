import type { QuestionnairePublished } from '@nets/survey/contract-events';
import { BadUserInputError } from '@nets/shared/util-errors';
import { foldPlanOf, type MeasurePlan, type ReasonPlan } from './fold-plan';

/** A cycle's measures and reason questions, over every questionnaire version published for it. */
export interface YearDefinitions {
  measures: Map<string, MeasurePlan>;
  reasons: Map<string, ReasonPlan>;
}

/** Later versions win: a measure's definition is the latest published for the cycle. */
export function yearDefinitionsOf(questionnaires: readonly QuestionnairePublished[]): YearDefinitions {
  const definitions: YearDefinitions = { measures: new Map(), reasons: new Map() };
  for (const questionnaire of questionnaires) {
    const plan = foldPlanOf(questionnaire);
    for (const measure of plan.measures) definitions.measures.set(measure.key, measure);
    for (const reason of plan.reasons) definitions.reasons.set(reason.questionCode, reason);
  }
  return definitions;
}

/** The measures asked for (all when none), each known to the cycle; an unknown key is the caller's mistake. */
export function measuresOf(
  definitions: YearDefinitions,
  keys: readonly string[] | null | undefined,
): MeasurePlan[] {
  if (!keys || keys.length === 0) return [...definitions.measures.values()];
  const unknown = keys.filter((k) => !definitions.measures.has(k));
  if (unknown.length > 0) {
    throw new BadUserInputError(
      `Unknown measure(s) for this cycle: ${unknown.join(', ')}.`,
      unknown.map((k) => ({ path: 'measures', message: `unknown measure ${k}` })),
    );
  }
  return keys.flatMap((k) => definitions.measures.get(k) ?? []);
}
