import type { ConcernCategory } from '@nets/concerns/contract-events';

const RULES: ReadonlyArray<[RegExp, ConcernCategory]> = [
  [/\bsexual|\bgrop|inappropriate(ly)? touch/i, 'SEXUAL_SAFETY'],
  [/\bbull(y|ied|ying)|harass|intimidat|belittl|humiliat/i, 'BULLYING_AND_HARASSMENT'],
  [/discriminat|racis|sexis|homophob|transphob|islamophob|antisemit/i, 'DISCRIMINATION'],
  [/\bunsupervised|no supervis|without supervis|supervisor (was|is) (never|not)/i, 'SUPERVISION'],
  [/\brota\b|workload|understaff|\bhours\b|no breaks?/i, 'WORKLOAD_AND_ROTA'],
];

/**
 * A learner's serious concern is about patient safety unless its text clearly says otherwise; the
 * quality team corrects the category at triage.
 */
export function categoryFromLearnerText(text: string): ConcernCategory {
  if (/patient safety|patients? (are|were|was|is) (at risk|unsafe|harmed)/i.test(text))
    return 'PATIENT_SAFETY';
  return RULES.find(([pattern]) => pattern.test(text))?.[1] ?? 'PATIENT_SAFETY';
}

const MEASURE_RULES: ReadonlyArray<[RegExp, ConcernCategory]> = [
  [/sexual/i, 'SEXUAL_SAFETY'],
  [/bully|harass/i, 'BULLYING_AND_HARASSMENT'],
  [/discriminat/i, 'DISCRIMINATION'],
  [/supervis/i, 'SUPERVISION'],
  [/workload|rota/i, 'WORKLOAD_AND_ROTA'],
  [/wellbeing/i, 'WELLBEING'],
  [/safe|patient/i, 'PATIENT_SAFETY'],
  [/induction|learning|teaching|simulation|curricul/i, 'EDUCATION_DELIVERY'],
];

/** The category an analytics RED flag on a measure most likely belongs to. */
export function categoryFromMeasure(measureKey: string): ConcernCategory {
  return MEASURE_RULES.find(([pattern]) => pattern.test(measureKey))?.[1] ?? 'OTHER';
}

/** Quality Framework domains 1–6 mapped to the nearest category, for self-assessed standards not met. */
export function categoryFromStandard(code: string): ConcernCategory {
  switch (code.split('.')[0]) {
    case '1':
      return 'LEARNER_SAFETY';
    case '2':
      return 'GOVERNANCE';
    case '3':
      return 'WELLBEING';
    case '4':
      return 'SUPERVISION';
    case '5':
      return 'EDUCATION_DELIVERY';
    default:
      return 'OTHER';
  }
}
