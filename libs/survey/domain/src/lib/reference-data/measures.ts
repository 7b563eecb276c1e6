/**
 * NETS headline measures: which question feeds each one, which answers count in its numerator, which
 * Quality Framework standards it evidences, and the national figures NHS England published for it.
 *
 * Source of every figure: shared/seeds/001_50779adecd8dc8d2.txt (the NETS 2024 results page). Only years the
 * page states are listed; where the page describes a trend without a number (for example "largely static
 * since 2019"), no figure is invented.
 *
 * Denominators: a measure's percentage is the share of learners who answered its question (and so, for a
 * follow-up question, of those who were shown it) whose answer, or one of whose selections, is in
 * `positiveOptionCodes`.
 *
 * A few measures share one question (the three workload measures share Q_WORKLOAD; the two sexual-safety
 * prevalence measures share Q_SEXUAL_BEHAVIOUR). The question's `measureKey` names the primary measure;
 * the others point at the same question with a different numerator.
 */

import type { MeasureDefinition } from '@nets/survey/contract-events';

const AGREE = ['AGREE', 'STRONGLY_AGREE'] as const;
const GOOD_OR_EXCELLENT = ['GOOD', 'EXCELLENT'] as const;

export const MEASURES: readonly MeasureDefinition[] = [
  // Learning environment
  {
    key: 'overall-experience',
    title: 'Overall educational experience',
    description:
      'Percentage of learners who rated their overall educational experience in the placement as good or excellent.',
    questionCode: 'Q_OVERALL_EXPERIENCE',
    positiveOptionCodes: GOOD_OR_EXCELLENT,
    polarity: 'HIGHER_IS_BETTER',
    standardCodes: ['1.1', '3.6', '5.1'],
    firstYear: 2019,
    theme: 'Learning environment',
  },
  {
    key: 'induction',
    title: 'Induction',
    description:
      'Percentage of learners who agreed that their induction prepared them for the placement or training post.',
    questionCode: 'Q_INDUCTION',
    positiveOptionCodes: AGREE,
    polarity: 'HIGHER_IS_BETTER',
    standardCodes: ['3.9'],
    firstYear: 2019,
    theme: 'Learning environment',
  },
  {
    key: 'education-valued',
    title: 'Education valued by employer or training provider',
    description:
      'Percentage of learners who agreed that education and training were valued by their employer or placement provider.',
    questionCode: 'Q_EDUCATION_VALUED',
    positiveOptionCodes: AGREE,
    polarity: 'HIGHER_IS_BETTER',
    standardCodes: ['1.1', '2.4'],
    firstYear: 2019,
    theme: 'Learning environment',
  },
  // Supervision
  {
    key: 'supervision-quality',
    title: 'Quality of supervision',
    description:
      'Percentage of learners who rated the overall quality of the supervision they received as good or excellent.',
    questionCode: 'Q_SUPERVISION_QUALITY',
    positiveOptionCodes: GOOD_OR_EXCELLENT,
    polarity: 'HIGHER_IS_BETTER',
    standardCodes: ['3.4', '3.5', '3.6'],
    firstYear: 2019,
    theme: 'Supervision',
  },
  // Learning opportunities
  {
    key: 'learning-opportunities',
    title: 'Access to learning opportunities',
    description:
      'Percentage of learners who agreed that they had sufficient access to learning opportunities to meet their learning outcomes.',
    questionCode: 'Q_LEARNING_OPPORTUNITIES',
    positiveOptionCodes: AGREE,
    polarity: 'HIGHER_IS_BETTER',
    standardCodes: ['3.2', '5.1'],
    firstYear: 2019,
    theme: 'Learning opportunities',
  },
  {
    key: 'multidisciplinary-learning',
    title: 'Multidisciplinary learning',
    description:
      'Percentage of learners who agreed that they were able to learn from and with other professions.',
    questionCode: 'Q_MULTIDISCIPLINARY_LEARNING',
    positiveOptionCodes: AGREE,
    polarity: 'HIGHER_IS_BETTER',
    standardCodes: ['1.12', '5.4'],
    firstYear: 2019,
    theme: 'Learning opportunities',
  },
  {
    key: 'learner-forum-access',
    title: 'Access to a learner group or forum',
    description:
      'Percentage of learners who had access to a group or forum where they could meet and share experiences with other learners.',
    questionCode: 'Q_LEARNER_FORUM',
    positiveOptionCodes: ['YES'],
    polarity: 'HIGHER_IS_BETTER',
    standardCodes: ['1.2', '1.12'],
    firstYear: 2019,
    theme: 'Learning opportunities',
  },
  {
    key: 'simulation-access',
    title: 'Access to simulation and immersive learning',
    description:
      'Percentage of learners who had access to simulation or immersive learning opportunities during the placement.',
    questionCode: 'Q_SIMULATION',
    positiveOptionCodes: ['YES'],
    polarity: 'HIGHER_IS_BETTER',
    standardCodes: ['3.2', '5.4'],
    firstYear: 2019,
    theme: 'Learning opportunities',
  },
  // Workload
  {
    key: 'workload-negative-impact',
    title: 'Workload had a negative impact on learning',
    description:
      'Percentage of learners who described their workload as either too busy or too quiet to provide the learning opportunities they needed.',
    questionCode: 'Q_WORKLOAD',
    positiveOptionCodes: ['TOO_BUSY', 'TOO_QUIET'],
    polarity: 'LOWER_IS_BETTER',
    standardCodes: ['5.1', '5.6'],
    firstYear: 2019,
    theme: 'Workload',
  },
  {
    key: 'workload-too-busy',
    title: 'Workload too busy for learning',
    description:
      'Percentage of learners who described their workload as too busy to provide the learning opportunities they needed.',
    questionCode: 'Q_WORKLOAD',
    positiveOptionCodes: ['TOO_BUSY'],
    polarity: 'LOWER_IS_BETTER',
    standardCodes: ['5.1', '5.6'],
    firstYear: 2019,
    theme: 'Workload',
  },
  {
    key: 'workload-too-quiet',
    title: 'Workload too quiet for learning',
    description:
      'Percentage of learners who described their workload as too quiet to provide the learning opportunities they needed.',
    questionCode: 'Q_WORKLOAD',
    positiveOptionCodes: ['TOO_QUIET'],
    polarity: 'LOWER_IS_BETTER',
    standardCodes: ['5.1'],
    firstYear: 2019,
    theme: 'Workload',
  },
  // Wellbeing (both questions introduced in 2022, per the 2024 results page)
  {
    key: 'wellbeing-know-how-to-access',
    title: 'Knows how to access wellbeing resources',
    description:
      'Percentage of learners who knew how to access health and wellbeing support and resources in their organisation.',
    questionCode: 'Q_WELLBEING_KNOW_HOW',
    positiveOptionCodes: ['YES'],
    polarity: 'HIGHER_IS_BETTER',
    standardCodes: ['3.1'],
    firstYear: 2022,
    theme: 'Wellbeing',
  },
  {
    key: 'wellbeing-able-to-access',
    title: 'Feels able to access wellbeing resources',
    description:
      'Percentage of learners who felt able to access health and wellbeing support and resources in their organisation.',
    questionCode: 'Q_WELLBEING_ABLE_TO_ACCESS',
    positiveOptionCodes: ['YES'],
    polarity: 'HIGHER_IS_BETTER',
    standardCodes: ['3.1'],
    firstYear: 2022,
    theme: 'Wellbeing',
  },
  // Patient safety
  {
    key: 'not-unsupervised-beyond-competence',
    title: 'Not expected to work unsupervised beyond competence',
    description:
      'Percentage of learners who were not expected to carry out activities or tasks unsupervised that they had not been trained or prepared for.',
    questionCode: 'Q_UNSUPERVISED_TASKS',
    positiveOptionCodes: ['NO'],
    polarity: 'HIGHER_IS_BETTER',
    standardCodes: ['1.5', '3.5', '4.4'],
    firstYear: 2019,
    theme: 'Patient safety',
  },
  {
    key: 'saw-safe-care',
    title: 'Saw examples of safe care',
    description:
      'Percentage of learners who agreed that they saw examples of safe, effective and compassionate care.',
    questionCode: 'Q_SAFE_CARE',
    positiveOptionCodes: AGREE,
    polarity: 'HIGHER_IS_BETTER',
    standardCodes: ['1.5'],
    firstYear: 2019,
    theme: 'Patient safety',
  },
  {
    key: 'encouraged-to-suggest-improvements',
    title: 'Encouraged to suggest improvements to care',
    description:
      'Percentage of learners who agreed that they were encouraged to suggest how patient care could be improved.',
    questionCode: 'Q_SUGGEST_IMPROVEMENTS',
    positiveOptionCodes: AGREE,
    polarity: 'HIGHER_IS_BETTER',
    standardCodes: ['1.4', '1.9'],
    firstYear: 2019,
    theme: 'Patient safety',
  },
  // Raising concerns
  {
    key: 'knows-how-to-raise-concerns',
    title: 'Knows how to raise concerns',
    description:
      'Percentage of learners who knew how to raise a concern in their placement or training organisation.',
    questionCode: 'Q_KNOW_HOW_TO_RAISE_CONCERNS',
    positiveOptionCodes: ['YES'],
    polarity: 'HIGHER_IS_BETTER',
    standardCodes: ['1.7', '3.9'],
    firstYear: 2019,
    theme: 'Raising concerns',
  },
  {
    key: 'comfortable-raising-concerns',
    title: 'Comfortable raising concerns',
    description:
      'Percentage of learners who agreed that they would feel comfortable raising a concern in their placement or training organisation.',
    questionCode: 'Q_COMFORTABLE_RAISING_CONCERNS',
    positiveOptionCodes: AGREE,
    polarity: 'HIGHER_IS_BETTER',
    standardCodes: ['1.7'],
    firstYear: 2019,
    theme: 'Raising concerns',
  },
  {
    key: 'knows-ftsu-guardian',
    title: 'Knows how to access the Freedom to Speak Up Guardian',
    description:
      'Percentage of learners who knew how to access support from their local Freedom to Speak Up Guardian.',
    questionCode: 'Q_FTSU_GUARDIAN',
    positiveOptionCodes: ['YES'],
    polarity: 'HIGHER_IS_BETTER',
    standardCodes: ['1.7'],
    firstYear: 2019,
    theme: 'Raising concerns',
  },
  // Bullying, discrimination and sexual safety
  {
    key: 'bullying-experienced',
    title: 'Experienced bullying and harassment',
    description: 'Percentage of learners who experienced bullying or harassment during their placement.',
    questionCode: 'Q_BULLYING',
    positiveOptionCodes: ['YES'],
    polarity: 'LOWER_IS_BETTER',
    standardCodes: ['1.3', '1.6'],
    firstYear: 2019,
    theme: 'Bullying, discrimination and sexual safety',
  },
  {
    key: 'bullying-reported',
    title: 'Reported bullying and harassment',
    description:
      'Percentage of learners who experienced bullying or harassment and reported it to their education, placement or training provider.',
    questionCode: 'Q_BULLYING_REPORTED',
    positiveOptionCodes: ['YES'],
    polarity: 'HIGHER_IS_BETTER',
    standardCodes: ['1.7'],
    firstYear: 2019,
    theme: 'Bullying, discrimination and sexual safety',
  },
  {
    key: 'bullying-dealt-with',
    title: 'Felt bullying concern was dealt with',
    description:
      'Percentage of learners who reported bullying or harassment and felt the organisation dealt with their concern.',
    questionCode: 'Q_BULLYING_DEALT_WITH',
    positiveOptionCodes: ['YES'],
    polarity: 'HIGHER_IS_BETTER',
    standardCodes: ['1.6', '1.7'],
    firstYear: 2019,
    theme: 'Bullying, discrimination and sexual safety',
  },
  {
    key: 'discrimination-by-patients',
    title: 'Experienced discrimination by patients',
    description:
      'Percentage of learners who experienced discrimination from patients, service users or their relatives or carers.',
    questionCode: 'Q_DISCRIMINATION_PATIENTS',
    positiveOptionCodes: ['YES'],
    polarity: 'LOWER_IS_BETTER',
    standardCodes: ['1.3', '1.6'],
    firstYear: 2019,
    theme: 'Bullying, discrimination and sexual safety',
  },
  {
    key: 'discrimination-reported',
    title: 'Reported discrimination',
    description:
      'Percentage of learners who experienced discrimination by patients and reported it to their education, placement or training provider.',
    questionCode: 'Q_DISCRIMINATION_REPORTED',
    positiveOptionCodes: ['YES'],
    polarity: 'HIGHER_IS_BETTER',
    standardCodes: ['1.7', '2.3'],
    firstYear: 2019,
    theme: 'Bullying, discrimination and sexual safety',
  },
  {
    key: 'discrimination-dealt-with',
    title: 'Felt discrimination concern was dealt with',
    description:
      'Percentage of learners who reported discrimination and felt the organisation dealt with their concern.',
    questionCode: 'Q_DISCRIMINATION_DEALT_WITH',
    positiveOptionCodes: ['YES'],
    polarity: 'HIGHER_IS_BETTER',
    standardCodes: ['1.7', '2.3'],
    firstYear: 2019,
    theme: 'Bullying, discrimination and sexual safety',
  },
  {
    key: 'sexual-behaviour-by-staff',
    title: 'Unwanted sexual behaviour by staff',
    description:
      'Percentage of learners who experienced or witnessed unwanted, harmful or inappropriate sexual behaviour by other staff.',
    questionCode: 'Q_SEXUAL_BEHAVIOUR',
    positiveOptionCodes: ['BY_STAFF'],
    polarity: 'LOWER_IS_BETTER',
    standardCodes: ['1.3', '1.6'],
    firstYear: 2019,
    theme: 'Bullying, discrimination and sexual safety',
  },
  {
    key: 'sexual-behaviour-by-patients',
    title: 'Unwanted sexual behaviour by patients',
    description:
      'Percentage of learners who experienced or witnessed unwanted, harmful or inappropriate sexual behaviour by patients, service users or their relatives or carers.',
    questionCode: 'Q_SEXUAL_BEHAVIOUR',
    positiveOptionCodes: ['BY_PATIENTS'],
    polarity: 'LOWER_IS_BETTER',
    standardCodes: ['1.6'],
    firstYear: 2019,
    theme: 'Bullying, discrimination and sexual safety',
  },
  {
    key: 'sexual-behaviour-reported',
    title: 'Reported unwanted sexual behaviour',
    description:
      'Percentage of learners who experienced or witnessed unwanted sexual behaviour and reported it to their education, placement or training provider.',
    questionCode: 'Q_SEXUAL_BEHAVIOUR_REPORTED',
    positiveOptionCodes: ['YES'],
    polarity: 'HIGHER_IS_BETTER',
    standardCodes: ['1.7'],
    firstYear: 2019,
    theme: 'Bullying, discrimination and sexual safety',
  },
  {
    key: 'sexual-behaviour-timely-action',
    title: 'Felt timely action was taken on unwanted sexual behaviour',
    description:
      'Percentage of learners who reported unwanted sexual behaviour and felt the organisation took appropriate and timely action.',
    questionCode: 'Q_SEXUAL_BEHAVIOUR_TIMELY_ACTION',
    positiveOptionCodes: ['YES'],
    polarity: 'HIGHER_IS_BETTER',
    standardCodes: ['1.6', '1.7'],
    firstYear: 2019,
    theme: 'Bullying, discrimination and sexual safety',
  },
  // Retention
  {
    key: 'would-recommend',
    title: 'Would recommend the placement',
    description:
      'Percentage of learners who agreed that they would recommend their placement or training post as a place to work or train.',
    questionCode: 'Q_RECOMMEND',
    positiveOptionCodes: AGREE,
    polarity: 'HIGHER_IS_BETTER',
    standardCodes: ['1.1', '6.1'],
    firstYear: 2019,
    theme: 'Retention',
  },
  {
    key: 'considered-leaving',
    title: 'Considered leaving their programme',
    description: 'Percentage of learners who considered leaving their education or training programme.',
    questionCode: 'Q_CONSIDERED_LEAVING',
    positiveOptionCodes: ['YES'],
    polarity: 'LOWER_IS_BETTER',
    standardCodes: ['6.1'],
    firstYear: 2019,
    theme: 'Retention',
  },
];

export interface NationalFigure {
  measureKey: string;
  year: number;
  percent: number;
}

/** Every national percentage the NETS 2024 results page states for a survey measure, with its year. */
export const PUBLISHED_NATIONAL_FIGURES: readonly NationalFigure[] = [
  { measureKey: 'overall-experience', year: 2023, percent: 85 },
  { measureKey: 'overall-experience', year: 2024, percent: 87 },
  { measureKey: 'induction', year: 2024, percent: 86 },
  { measureKey: 'supervision-quality', year: 2024, percent: 89 },
  { measureKey: 'learning-opportunities', year: 2024, percent: 86 },
  { measureKey: 'multidisciplinary-learning', year: 2024, percent: 88 },
  { measureKey: 'learner-forum-access', year: 2019, percent: 70 },
  { measureKey: 'learner-forum-access', year: 2024, percent: 77 },
  { measureKey: 'workload-negative-impact', year: 2024, percent: 59 },
  { measureKey: 'workload-too-busy', year: 2024, percent: 54 },
  { measureKey: 'workload-too-quiet', year: 2024, percent: 5 },
  { measureKey: 'education-valued', year: 2024, percent: 88 },
  { measureKey: 'would-recommend', year: 2024, percent: 75 },
  { measureKey: 'considered-leaving', year: 2023, percent: 32 },
  { measureKey: 'considered-leaving', year: 2024, percent: 30 },
  { measureKey: 'wellbeing-know-how-to-access', year: 2024, percent: 77 },
  { measureKey: 'wellbeing-able-to-access', year: 2024, percent: 70 },
  { measureKey: 'not-unsupervised-beyond-competence', year: 2024, percent: 79 },
  { measureKey: 'saw-safe-care', year: 2024, percent: 90 },
  { measureKey: 'encouraged-to-suggest-improvements', year: 2024, percent: 53 },
  { measureKey: 'simulation-access', year: 2022, percent: 33 },
  { measureKey: 'simulation-access', year: 2023, percent: 34 },
  { measureKey: 'simulation-access', year: 2024, percent: 36 },
  { measureKey: 'knows-how-to-raise-concerns', year: 2024, percent: 95 },
  { measureKey: 'comfortable-raising-concerns', year: 2024, percent: 81 },
  { measureKey: 'knows-ftsu-guardian', year: 2022, percent: 65 },
  { measureKey: 'knows-ftsu-guardian', year: 2023, percent: 70 },
  { measureKey: 'knows-ftsu-guardian', year: 2024, percent: 76 },
  { measureKey: 'bullying-experienced', year: 2024, percent: 16 },
  // "The number of learners reporting bullying and harassment has steadily increased from 25% in 2019."
  { measureKey: 'bullying-reported', year: 2019, percent: 25 },
  { measureKey: 'bullying-reported', year: 2024, percent: 30 },
  { measureKey: 'bullying-dealt-with', year: 2024, percent: 45 },
  { measureKey: 'discrimination-by-patients', year: 2023, percent: 21 },
  { measureKey: 'discrimination-by-patients', year: 2024, percent: 19 },
  { measureKey: 'discrimination-reported', year: 2022, percent: 18 },
  { measureKey: 'discrimination-reported', year: 2023, percent: 20 },
  { measureKey: 'discrimination-reported', year: 2024, percent: 22 },
  { measureKey: 'discrimination-dealt-with', year: 2024, percent: 16 },
  { measureKey: 'sexual-behaviour-by-staff', year: 2024, percent: 4 },
  { measureKey: 'sexual-behaviour-by-patients', year: 2024, percent: 13 },
  { measureKey: 'sexual-behaviour-reported', year: 2024, percent: 27 },
  { measureKey: 'sexual-behaviour-timely-action', year: 2024, percent: 32 },
];

export interface PublishedReasonShare {
  questionCode: string;
  optionCode: string;
  year: number;
  percent: number;
}

/**
 * The top five reasons, with the share of learners giving each, for recommending the placement and for
 * considering leaving (2024). The page names the 2023 top three reasons for considering leaving (stress,
 * workload, feeling overwhelmed) without percentages, so they are not listed here.
 */
export const PUBLISHED_REASON_SHARES: readonly PublishedReasonShare[] = [
  { questionCode: 'Q_RECOMMEND_REASONS', optionCode: 'SUPPORTIVE_COLLEAGUES', year: 2024, percent: 80 },
  { questionCode: 'Q_RECOMMEND_REASONS', optionCode: 'ADEQUATE_TEACHING', year: 2024, percent: 77 },
  { questionCode: 'Q_RECOMMEND_REASONS', optionCode: 'SUPPORTIVE_ENVIRONMENT', year: 2024, percent: 71 },
  { questionCode: 'Q_RECOMMEND_REASONS', optionCode: 'ADEQUATE_SUPERVISION', year: 2024, percent: 70 },
  { questionCode: 'Q_RECOMMEND_REASONS', optionCode: 'LEARNING_OPPORTUNITIES', year: 2024, percent: 66 },
  {
    questionCode: 'Q_LEAVING_REASONS',
    optionCode: 'LACK_OF_LEARNING_OPPORTUNITIES',
    year: 2024,
    percent: 55,
  },
  { questionCode: 'Q_LEAVING_REASONS', optionCode: 'INADEQUATE_TEACHING', year: 2024, percent: 54 },
  { questionCode: 'Q_LEAVING_REASONS', optionCode: 'CULTURE', year: 2024, percent: 52 },
  { questionCode: 'Q_LEAVING_REASONS', optionCode: 'ROTA_STAFFING', year: 2024, percent: 50 },
  { questionCode: 'Q_LEAVING_REASONS', optionCode: 'WORKLOAD_TOO_HIGH', year: 2024, percent: 45 },
];
