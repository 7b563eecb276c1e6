import type { LearnerGroupDefinition } from '@nets/survey/contract-events';

/** Part of the survey's learner groups, as a published questionnaire version carries them. */
export const TEST_LEARNER_GROUPS: readonly LearnerGroupDefinition[] = [
  {
    code: 'MEDICAL',
    name: 'Medical',
    professions: [
      { code: 'MEDICAL_STUDENT', name: 'Medical student' },
      { code: 'FOUNDATION_DOCTOR', name: 'Foundation doctor (FY1 and FY2)' },
    ],
  },
  {
    code: 'NURSING',
    name: 'Nursing',
    professions: [
      { code: 'STUDENT_NURSE_ADULT', name: 'Student nurse (adult)' },
      { code: 'STUDENT_NURSE_CHILD', name: 'Student nurse (children’s)' },
    ],
  },
  {
    code: 'MIDWIFERY',
    name: 'Midwifery',
    professions: [{ code: 'STUDENT_MIDWIFE', name: 'Student midwife' }],
  },
  {
    code: 'PHARMACY',
    name: 'Pharmacy',
    professions: [{ code: 'PHARMACY_STUDENT', name: 'Pharmacy student' }],
  },
  {
    code: 'ALLIED_HEALTH_PROFESSIONS',
    name: 'Allied health professions',
    professions: [{ code: 'PARAMEDIC', name: 'Paramedic' }],
  },
];
