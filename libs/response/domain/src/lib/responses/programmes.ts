/**
 * The maintained list of programmes a learner may name with their education provider: one entry per kind of
 * course an education provider runs, not per university (the university is the education provider itself).
 * Codes are stable (they are stored with responses and travel on the responses topic); names may be reworded.
 * A programme is for one or more learner groups (the survey's learner-group codes).
 */
export interface ProgrammeDefinition {
  code: string;
  name: string;
  learnerGroups: readonly string[];
}

export const PROGRAMMES: readonly ProgrammeDefinition[] = [
  { code: 'MBBS', name: 'Medicine (MBBS, MBChB or BM)', learnerGroups: ['MEDICAL'] },
  { code: 'FOUNDATION_PROGRAMME', name: 'UK Foundation Programme', learnerGroups: ['MEDICAL'] },
  {
    code: 'SPECIALTY_TRAINING',
    name: 'Specialty training (core, higher, run-through)',
    learnerGroups: ['MEDICAL'],
  },
  { code: 'GP_SPECIALTY_TRAINING', name: 'GP specialty training', learnerGroups: ['MEDICAL'] },
  { code: 'BDS', name: 'Dentistry (BDS)', learnerGroups: ['DENTAL'] },
  { code: 'DENTAL_FOUNDATION_TRAINING', name: 'Dental foundation training', learnerGroups: ['DENTAL'] },
  { code: 'DENTAL_HYGIENE_THERAPY', name: 'Dental hygiene and therapy', learnerGroups: ['DENTAL'] },
  { code: 'DENTAL_NURSING', name: 'Dental nursing', learnerGroups: ['DENTAL'] },
  { code: 'BSC_NURSING_ADULT', name: 'BSc Nursing (adult)', learnerGroups: ['NURSING'] },
  { code: 'BSC_NURSING_CHILD', name: 'BSc Nursing (children’s)', learnerGroups: ['NURSING'] },
  { code: 'BSC_NURSING_MENTAL_HEALTH', name: 'BSc Nursing (mental health)', learnerGroups: ['NURSING'] },
  {
    code: 'BSC_NURSING_LEARNING_DISABILITY',
    name: 'BSc Nursing (learning disability)',
    learnerGroups: ['NURSING'],
  },
  {
    code: 'MSC_NURSING_PRE_REGISTRATION',
    name: 'MSc Nursing (pre-registration)',
    learnerGroups: ['NURSING'],
  },
  { code: 'NURSING_POST_REGISTRATION', name: 'Post-registration nursing course', learnerGroups: ['NURSING'] },
  {
    code: 'NURSING_ASSOCIATE_FOUNDATION_DEGREE',
    name: 'Nursing associate foundation degree',
    learnerGroups: ['NURSING_ASSOCIATES'],
  },
  { code: 'BSC_MIDWIFERY', name: 'BSc Midwifery', learnerGroups: ['MIDWIFERY'] },
  { code: 'BSC_PHYSIOTHERAPY', name: 'BSc Physiotherapy', learnerGroups: ['ALLIED_HEALTH_PROFESSIONS'] },
  {
    code: 'BSC_OCCUPATIONAL_THERAPY',
    name: 'BSc Occupational therapy',
    learnerGroups: ['ALLIED_HEALTH_PROFESSIONS'],
  },
  {
    code: 'BSC_PARAMEDIC_SCIENCE',
    name: 'BSc Paramedic science',
    learnerGroups: ['ALLIED_HEALTH_PROFESSIONS'],
  },
  { code: 'BSC_RADIOGRAPHY', name: 'BSc Radiography', learnerGroups: ['ALLIED_HEALTH_PROFESSIONS'] },
  {
    code: 'BSC_SPEECH_LANGUAGE_THERAPY',
    name: 'BSc Speech and language therapy',
    learnerGroups: ['ALLIED_HEALTH_PROFESSIONS'],
  },
  { code: 'BSC_DIETETICS', name: 'BSc Dietetics', learnerGroups: ['ALLIED_HEALTH_PROFESSIONS'] },
  { code: 'BSC_PODIATRY', name: 'BSc Podiatry', learnerGroups: ['ALLIED_HEALTH_PROFESSIONS'] },
  {
    code: 'ODP_DEGREE',
    name: 'Operating department practice degree',
    learnerGroups: ['ALLIED_HEALTH_PROFESSIONS'],
  },
  {
    code: 'AHP_OTHER_DEGREE',
    name: 'Other allied health profession degree',
    learnerGroups: ['ALLIED_HEALTH_PROFESSIONS'],
  },
  { code: 'MPHARM', name: 'Pharmacy (MPharm)', learnerGroups: ['PHARMACY'] },
  {
    code: 'FOUNDATION_PHARMACIST_TRAINING',
    name: 'Foundation training year (pharmacist)',
    learnerGroups: ['PHARMACY'],
  },
  {
    code: 'PHARMACY_TECHNICIAN_TRAINING',
    name: 'Pharmacy technician training',
    learnerGroups: ['PHARMACY'],
  },
  {
    code: 'HEALTHCARE_SCIENCE_PTP',
    name: 'Practitioner Training Programme (PTP)',
    learnerGroups: ['HEALTHCARE_SCIENCE'],
  },
  {
    code: 'HEALTHCARE_SCIENCE_STP',
    name: 'Scientist Training Programme (STP)',
    learnerGroups: ['HEALTHCARE_SCIENCE'],
  },
  {
    code: 'HEALTHCARE_SCIENCE_OTHER',
    name: 'Other healthcare science course',
    learnerGroups: ['HEALTHCARE_SCIENCE'],
  },
  {
    code: 'DCLINPSY',
    name: 'Doctorate in Clinical Psychology',
    learnerGroups: ['PSYCHOLOGICAL_PROFESSIONS'],
  },
  {
    code: 'PSYCHOLOGICAL_PRACTITIONER_TRAINING',
    name: 'Psychological practitioner or therapist training',
    learnerGroups: ['PSYCHOLOGICAL_PROFESSIONS'],
  },
  {
    code: 'MSC_PHYSICIAN_ASSOCIATE',
    name: 'MSc Physician associate studies',
    learnerGroups: ['PHYSICIAN_ASSOCIATES'],
  },
  { code: 'BSC_OPTOMETRY', name: 'BSc Optometry', learnerGroups: ['OPTOMETRY'] },
  {
    code: 'PUBLIC_HEALTH_TRAINING',
    name: 'Public health specialty training',
    learnerGroups: ['PUBLIC_HEALTH'],
  },
  { code: 'APPRENTICESHIP', name: 'Apprenticeship', learnerGroups: ['APPRENTICES', 'NURSING_ASSOCIATES'] },
  { code: 'OTHER_PROGRAMME', name: 'Another programme', learnerGroups: [] },
];

/** `OTHER_PROGRAMME` is open to every learner group; the others only to theirs. */
export function programmeFor(code: string): ProgrammeDefinition | undefined {
  return PROGRAMMES.find((programme) => programme.code === code);
}
