/**
 * Codes of the survey's reference data that other services validate input against without calling the
 * survey service. The survey's own reference data is checked against these lists by its specs.
 */

/** The HEE Quality Framework (2021) standard codes, 1.1 to 6.4. */
export const QUALITY_STANDARD_CODES = [
  ...['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9', '1.10', '1.11', '1.12', '1.13'],
  ...['2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '2.8'],
  ...['3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7', '3.8', '3.9', '3.10', '3.11'],
  ...['4.1', '4.2', '4.3', '4.4', '4.5', '4.6', '4.7'],
  ...['5.1', '5.2', '5.3', '5.4', '5.5', '5.6'],
  ...['6.1', '6.2', '6.3', '6.4'],
] as const;

/** The NETS learner groups. */
export const LEARNER_GROUP_CODES = [
  'MEDICAL',
  'DENTAL',
  'NURSING',
  'NURSING_ASSOCIATES',
  'MIDWIFERY',
  'ALLIED_HEALTH_PROFESSIONS',
  'PHARMACY',
  'HEALTHCARE_SCIENCE',
  'PSYCHOLOGICAL_PROFESSIONS',
  'PHYSICIAN_ASSOCIATES',
  'OPTOMETRY',
  'PUBLIC_HEALTH',
  'APPRENTICES',
  'OTHER',
] as const;
