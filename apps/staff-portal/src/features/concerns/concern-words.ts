import type {
  ConcernActionKind,
  ConcernCategory,
  ConcernRegulator,
  ConcernRiskBand,
  ConcernSource,
  ConcernStatus,
} from '../../__generated__/graphql';

/** The graph's codes in the words the quality team uses (DESIGN.md: concerns, the ISF and the pathway). */
export const STATUS_WORDS: Readonly<Record<ConcernStatus, string>> = {
  RAISED: 'Raised, waiting for triage',
  TRIAGED: 'Triaged',
  ACTION_PLAN_AGREED: 'Action plan agreed',
  MONITORING: 'Monitoring',
  RESOLUTION_PROPOSED: 'Resolution proposed',
  RESOLVED: 'Resolved',
  CLOSED: 'Closed',
  ESCALATED: 'Escalated',
  WITHDRAWN: 'Withdrawn',
};

export const CATEGORY_WORDS: Readonly<Record<ConcernCategory, string>> = {
  PATIENT_SAFETY: 'Patient safety',
  LEARNER_SAFETY: 'Learner safety',
  SUPERVISION: 'Supervision',
  BULLYING_AND_HARASSMENT: 'Bullying and harassment',
  DISCRIMINATION: 'Discrimination',
  SEXUAL_SAFETY: 'Sexual safety',
  WORKLOAD_AND_ROTA: 'Workload and rota',
  EDUCATION_DELIVERY: 'Education delivery',
  FACILITIES: 'Facilities',
  WELLBEING: 'Wellbeing',
  GOVERNANCE: 'Governance',
  OTHER: 'Other',
};

export const SOURCE_WORDS: Readonly<Record<ConcernSource, string>> = {
  LEARNER_SERIOUS_CONCERN: "A learner's serious concern",
  ANALYTICS_RED_FLAG: 'A red flag in the NETS results',
  ANALYTICS_PERSISTENT_RED_FLAG: 'A persistent red flag in the NETS results',
  PROVIDER_SELF_ASSESSMENT: 'The Provider Self-Assessment',
  PROVIDER_SELF_REPORT: 'Reported by the provider',
  EDUCATION_PROVIDER: 'Raised by the education provider',
  QUALITY_TEAM: 'Raised by the quality team',
  REGULATOR: 'A regulator',
};

export const ACTION_KIND_WORDS: Readonly<Record<ConcernActionKind, string>> = {
  URGENT_RISK_REVIEW: 'Urgent risk review',
  PROGRAMME_REVIEW: 'Programme review',
  LEARNER_OR_EDUCATOR_REVIEW: 'Learner or educator review',
  SENIOR_LEADER_ENGAGEMENT_VISIT: 'Senior leader engagement visit',
  REMOVAL_OF_LEARNERS: 'Removal of learners',
  IMMEDIATE_MANDATORY_REQUIREMENT: 'Immediate mandatory requirement',
};

export const REGULATOR_WORDS: Readonly<Record<ConcernRegulator, string>> = {
  CQC: 'Care Quality Commission (CQC)',
  GMC: 'General Medical Council (GMC)',
  NMC: 'Nursing and Midwifery Council (NMC)',
  HCPC: 'Health and Care Professions Council (HCPC)',
  GPHC: 'General Pharmaceutical Council (GPhC)',
  GDC: 'General Dental Council (GDC)',
  GOC: 'General Optical Council (GOC)',
  GOSC: 'General Osteopathic Council (GOsC)',
  GCC: 'General Chiropractic Council (GCC)',
  HSSIB: 'Health Services Safety Investigations Body (HSSIB)',
  SOCIAL_WORK_ENGLAND: 'Social Work England',
  PSA: 'Professional Standards Authority (PSA)',
  NHS_ENGLAND: 'NHS England',
  OFSTED: 'Ofsted',
  PHSO: 'Parliamentary and Health Service Ombudsman (PHSO)',
};

export const BAND_WORDS: Readonly<Record<ConcernRiskBand, string>> = {
  LOW: 'Low',
  MODERATE: 'Moderate',
  HIGH: 'High',
  EXTREME: 'Extreme',
};

/** The three steps of the pathway (DESIGN.md), by the graph's escalationStep. */
export const STEP_WORDS: Readonly<Record<number, string>> = {
  1: 'Step 1: the local placement',
  2: 'Step 2: the education provider or programme',
  3: 'Step 3: the NHS England regional quality team',
};

export const stepWords = (step: number): string => STEP_WORDS[step] ?? `Step ${step}`;

/** A code the portal has no words for yet still reads: "SOME_CODE" → "Some code". */
export const wordsOf = (words: Readonly<Record<string, string>>, code: string): string =>
  words[code] ?? code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ');

export { dayOf, dateTimeOf } from '../../views/london-dates';
