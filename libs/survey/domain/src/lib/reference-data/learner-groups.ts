/**
 * The multi-professional taxonomy of NETS learners: learner groups (used for benchmarking) and the
 * professions or programmes within each. NETS is open to all undergraduate and postgraduate students and
 * trainees on a practice placement, training post or work-based learning in healthcare
 * (shared/seeds/001_50779adecd8dc8d2.txt); the phased roll-out named pre-registration pharmacists and pharmacy
 * technicians, STP healthcare scientists, trainee nursing associates and apprentices
 * (shared/seeds/000_04a99f0bb7a35d0c.txt); the Quality Framework names optician placements and public health
 * training (shared/seeds/004_522c87ccf50ce1c0.txt).
 *
 * Codes are UPPER_SNAKE and stable; profession codes are unique across all groups.
 */

export interface ProfessionDefinition {
  /** UPPER_SNAKE, globally unique. */
  code: string;
  name: string;
}

export interface LearnerGroupDefinition {
  /** UPPER_SNAKE. */
  code: string;
  name: string;
  professions: readonly ProfessionDefinition[];
}

export const LEARNER_GROUPS: readonly LearnerGroupDefinition[] = [
  {
    code: 'MEDICAL',
    name: 'Medical',
    professions: [
      { code: 'MEDICAL_STUDENT', name: 'Medical student' },
      { code: 'FOUNDATION_DOCTOR', name: 'Foundation doctor (FY1 and FY2)' },
      { code: 'SPECIALTY_TRAINEE', name: 'Specialty trainee (core, higher and run-through training)' },
      { code: 'GP_TRAINEE', name: 'GP specialty trainee' },
    ],
  },
  {
    code: 'DENTAL',
    name: 'Dental',
    professions: [
      { code: 'DENTAL_STUDENT', name: 'Dental student' },
      { code: 'DENTAL_FOUNDATION_TRAINEE', name: 'Dental foundation trainee' },
      { code: 'DENTAL_CORE_SPECIALTY_TRAINEE', name: 'Dental core or specialty trainee' },
      { code: 'DENTAL_THERAPY_HYGIENE_STUDENT', name: 'Dental therapy or dental hygiene student' },
      { code: 'TRAINEE_DENTAL_NURSE', name: 'Trainee dental nurse' },
    ],
  },
  {
    code: 'NURSING',
    name: 'Nursing',
    professions: [
      { code: 'STUDENT_NURSE_ADULT', name: 'Student nurse (adult)' },
      { code: 'STUDENT_NURSE_CHILD', name: 'Student nurse (children’s)' },
      { code: 'STUDENT_NURSE_MENTAL_HEALTH', name: 'Student nurse (mental health)' },
      { code: 'STUDENT_NURSE_LEARNING_DISABILITY', name: 'Student nurse (learning disability)' },
      { code: 'REGISTERED_NURSE_POST_REGISTRATION', name: 'Registered nurse in post-registration training' },
    ],
  },
  {
    code: 'NURSING_ASSOCIATES',
    name: 'Nursing associates',
    professions: [{ code: 'TRAINEE_NURSING_ASSOCIATE', name: 'Trainee nursing associate' }],
  },
  {
    code: 'MIDWIFERY',
    name: 'Midwifery',
    professions: [{ code: 'STUDENT_MIDWIFE', name: 'Student midwife' }],
  },
  {
    code: 'ALLIED_HEALTH_PROFESSIONS',
    name: 'Allied health professions',
    professions: [
      { code: 'ART_THERAPIST', name: 'Art therapist' },
      { code: 'DRAMA_THERAPIST', name: 'Drama therapist' },
      { code: 'MUSIC_THERAPIST', name: 'Music therapist' },
      { code: 'PODIATRIST', name: 'Chiropodist or podiatrist' },
      { code: 'DIETITIAN', name: 'Dietitian' },
      { code: 'OCCUPATIONAL_THERAPIST', name: 'Occupational therapist' },
      { code: 'OPERATING_DEPARTMENT_PRACTITIONER', name: 'Operating department practitioner' },
      { code: 'ORTHOPTIST', name: 'Orthoptist' },
      { code: 'OSTEOPATH', name: 'Osteopath' },
      { code: 'PARAMEDIC', name: 'Paramedic' },
      { code: 'PHYSIOTHERAPIST', name: 'Physiotherapist' },
      { code: 'PROSTHETIST_ORTHOTIST', name: 'Prosthetist or orthotist' },
      { code: 'DIAGNOSTIC_RADIOGRAPHER', name: 'Diagnostic radiographer' },
      { code: 'THERAPEUTIC_RADIOGRAPHER', name: 'Therapeutic radiographer' },
      { code: 'SPEECH_LANGUAGE_THERAPIST', name: 'Speech and language therapist' },
    ],
  },
  {
    code: 'PHARMACY',
    name: 'Pharmacy',
    professions: [
      { code: 'PHARMACY_STUDENT', name: 'Pharmacy student' },
      {
        code: 'FOUNDATION_TRAINEE_PHARMACIST',
        name: 'Foundation trainee pharmacist (formerly pre-registration pharmacist)',
      },
      { code: 'TRAINEE_PHARMACY_TECHNICIAN', name: 'Pre-registration trainee pharmacy technician' },
    ],
  },
  {
    code: 'HEALTHCARE_SCIENCE',
    name: 'Healthcare science',
    professions: [
      { code: 'HEALTHCARE_SCIENCE_ASSOCIATE', name: 'Healthcare science associate or assistant' },
      {
        code: 'HEALTHCARE_SCIENCE_PRACTITIONER',
        name: 'Healthcare science practitioner (Practitioner Training Programme, PTP)',
      },
      { code: 'STP_TRAINEE', name: 'Clinical scientist trainee (Scientist Training Programme, STP)' },
      { code: 'HSST_TRAINEE', name: 'Higher Specialist Scientist Training (HSST) trainee' },
    ],
  },
  {
    code: 'PSYCHOLOGICAL_PROFESSIONS',
    name: 'Psychological professions',
    professions: [
      { code: 'TRAINEE_CLINICAL_PSYCHOLOGIST', name: 'Trainee clinical psychologist' },
      {
        code: 'TRAINEE_PSYCHOLOGICAL_WELLBEING_PRACTITIONER',
        name: 'Trainee psychological wellbeing practitioner',
      },
      { code: 'TRAINEE_HIGH_INTENSITY_THERAPIST', name: 'Trainee high-intensity psychological therapist' },
      { code: 'TRAINEE_CHILD_WELLBEING_PRACTITIONER', name: 'Trainee children’s wellbeing practitioner' },
      {
        code: 'TRAINEE_EDUCATION_MENTAL_HEALTH_PRACTITIONER',
        name: 'Trainee education mental health practitioner',
      },
    ],
  },
  {
    code: 'PHYSICIAN_ASSOCIATES',
    name: 'Physician associates',
    professions: [{ code: 'PHYSICIAN_ASSOCIATE_STUDENT', name: 'Physician associate student' }],
  },
  {
    code: 'OPTOMETRY',
    name: 'Optometry',
    professions: [{ code: 'PRE_REGISTRATION_OPTOMETRIST', name: 'Pre-registration optometrist' }],
  },
  {
    code: 'PUBLIC_HEALTH',
    name: 'Public health',
    professions: [{ code: 'PUBLIC_HEALTH_SPECIALTY_REGISTRAR', name: 'Public health specialty registrar' }],
  },
  {
    code: 'APPRENTICES',
    name: 'Apprentices',
    professions: [
      {
        code: 'CLINICAL_APPRENTICE',
        name: 'Clinical apprenticeship (for example, healthcare support worker or assistant practitioner)',
      },
      {
        code: 'NON_CLINICAL_APPRENTICE',
        name: 'Non-clinical apprenticeship (for example, business administration or estates)',
      },
    ],
  },
  {
    code: 'OTHER',
    name: 'Other learners',
    professions: [{ code: 'OTHER_LEARNER', name: 'Other healthcare learner' }],
  },
];
