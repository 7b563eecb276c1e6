/**
 * The headline yes/no questions of the Provider Self-Assessment that the national report counts
 * ("98% of placement providers have an EDI lead"). Order is the form's order and the order of the
 * compact import format.
 */
export const PSA_INDICATOR_KEYS = [
  'EDI_LEAD',
  'REPORTING_MECHANISMS_INCLUDE_LEARNERS',
  'DISCRIMINATORY_BEHAVIOUR_POLICY',
  'SEXUAL_HARASSMENT_POLICY',
  'SEXUAL_SAFETY_CHARTER_SIGNED',
  'SEXUAL_SAFETY_LEAD',
  'FTSU_GUARDIAN_PROMOTES_CONCERNS',
  'SPEAK_UP_WITHOUT_FEAR',
  'FAIR_TREATMENT_CULTURE',
  'SAFE_ENVIRONMENT',
  'SLEC_AWARE',
  'SLEC_IMPLEMENTED_MULTI_PROFESSIONALLY',
] as const;
export type PsaIndicatorKey = (typeof PSA_INDICATOR_KEYS)[number];

export interface PsaIndicatorDefinition {
  key: PsaIndicatorKey;
  question: string;
  /** The first PSA year that asks it (the charters were launched in 2023). */
  firstYear: number;
}

export const PSA_INDICATORS: readonly PsaIndicatorDefinition[] = [
  {
    key: 'EDI_LEAD',
    question: 'Does your organisation have an equality, diversity and inclusion (EDI) lead?',
    firstYear: 2019,
  },
  {
    key: 'REPORTING_MECHANISMS_INCLUDE_LEARNERS',
    question: 'Do your reporting mechanisms take learners into account?',
    firstYear: 2019,
  },
  {
    key: 'DISCRIMINATORY_BEHAVIOUR_POLICY',
    question: 'Do you have a policy in place to manage discriminatory behaviour?',
    firstYear: 2019,
  },
  {
    key: 'SEXUAL_HARASSMENT_POLICY',
    question: 'Do you have a policy in place to manage sexual harassment?',
    firstYear: 2019,
  },
  {
    key: 'SEXUAL_SAFETY_CHARTER_SIGNED',
    question:
      'Has your organisation signed up to the NHS England Sexual Safety in Healthcare Organisational Charter?',
    firstYear: 2023,
  },
  { key: 'SEXUAL_SAFETY_LEAD', question: 'Do you have a designated sexual safety lead?', firstYear: 2023 },
  {
    key: 'FTSU_GUARDIAN_PROMOTES_CONCERNS',
    question:
      'Is a Freedom to Speak Up Guardian in post who actively promotes the organisation’s processes for raising concerns?',
    firstYear: 2019,
  },
  {
    key: 'SPEAK_UP_WITHOUT_FEAR',
    question:
      'Are all staff, including learners, able to speak up if they have concerns, without fear of negative consequences?',
    firstYear: 2019,
  },
  {
    key: 'FAIR_TREATMENT_CULTURE',
    question:
      'Is your culture one in which all staff, including learners, are treated fairly, with equity, consistency, dignity and respect?',
    firstYear: 2019,
  },
  {
    key: 'SAFE_ENVIRONMENT',
    question:
      'Is your environment one that ensures the safety of all staff, including learners on placement?',
    firstYear: 2019,
  },
  {
    key: 'SLEC_AWARE',
    question: 'Are you aware of the Safe Learning Environment Charter (SLEC)?',
    firstYear: 2023,
  },
  {
    key: 'SLEC_IMPLEMENTED_MULTI_PROFESSIONALLY',
    question: 'Are you actively implementing and embedding the SLEC multi-professionally?',
    firstYear: 2023,
  },
];

/** The indicators a year's assessment asks. */
export function indicatorsForYear(year: number): readonly PsaIndicatorDefinition[] {
  return PSA_INDICATORS.filter((indicator) => indicator.firstYear <= year);
}
