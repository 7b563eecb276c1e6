// Learners' education providers and programmes: most learners study at a university or college in the region
// of their placement (placements are arranged locally), some further away; apprentices and trainee nursing
// associates mostly at further-education colleges. Drawn from a stream of their own (seed and response
// index), so adding them changed none of the answers the published figures are calibrated on.
import type { DemoOrganisation } from '@nets/provider-assessment/data-access';
import type { NhsRegion } from '@nets/provider-assessment/contract-events';
import { PROGRAMMES } from '@nets/response/domain';
import { Random, WeightedPicker } from './random';

export interface EducationProvider {
  odsCode: string;
  name: string;
  region: NhsRegion;
  kind: DemoOrganisation['kind'];
  /** Relative share of learners (universities large, colleges and academies smaller). */
  weight: number;
}

export interface GeneratedEducation {
  odsCode: string;
  programme: string;
}

/** The share of learners whose university or college is in the region of their placement. */
export const SAME_REGION_SHARE = 0.85;
const COLLEGE_GROUPS: ReadonlySet<string> = new Set(['APPRENTICES', 'NURSING_ASSOCIATES']);
const COLLEGE_KINDS: ReadonlySet<string> = new Set(['FURTHER_EDUCATION_COLLEGE', 'OTHER']);

/** The programme most learners of a profession are on; others draw among their group's programmes. */
const USUAL_PROGRAMME: Record<string, string> = {
  MEDICAL_STUDENT: 'MBBS',
  FOUNDATION_DOCTOR: 'FOUNDATION_PROGRAMME',
  SPECIALTY_TRAINEE: 'SPECIALTY_TRAINING',
  GP_TRAINEE: 'GP_SPECIALTY_TRAINING',
  DENTAL_STUDENT: 'BDS',
  DENTAL_FOUNDATION_TRAINEE: 'DENTAL_FOUNDATION_TRAINING',
  DENTAL_THERAPY_HYGIENE_STUDENT: 'DENTAL_HYGIENE_THERAPY',
  TRAINEE_DENTAL_NURSE: 'DENTAL_NURSING',
  STUDENT_NURSE_ADULT: 'BSC_NURSING_ADULT',
  STUDENT_NURSE_CHILD: 'BSC_NURSING_CHILD',
  STUDENT_NURSE_MENTAL_HEALTH: 'BSC_NURSING_MENTAL_HEALTH',
  STUDENT_NURSE_LEARNING_DISABILITY: 'BSC_NURSING_LEARNING_DISABILITY',
  REGISTERED_NURSE_POST_REGISTRATION: 'NURSING_POST_REGISTRATION',
  TRAINEE_NURSING_ASSOCIATE: 'NURSING_ASSOCIATE_FOUNDATION_DEGREE',
  STUDENT_MIDWIFE: 'BSC_MIDWIFERY',
  PHYSIOTHERAPIST: 'BSC_PHYSIOTHERAPY',
  OCCUPATIONAL_THERAPIST: 'BSC_OCCUPATIONAL_THERAPY',
  PARAMEDIC: 'BSC_PARAMEDIC_SCIENCE',
  DIAGNOSTIC_RADIOGRAPHER: 'BSC_RADIOGRAPHY',
  THERAPEUTIC_RADIOGRAPHER: 'BSC_RADIOGRAPHY',
  SPEECH_LANGUAGE_THERAPIST: 'BSC_SPEECH_LANGUAGE_THERAPY',
  DIETITIAN: 'BSC_DIETETICS',
  PODIATRIST: 'BSC_PODIATRY',
  OPERATING_DEPARTMENT_PRACTITIONER: 'ODP_DEGREE',
  PHARMACY_STUDENT: 'MPHARM',
  FOUNDATION_TRAINEE_PHARMACIST: 'FOUNDATION_PHARMACIST_TRAINING',
  TRAINEE_PHARMACY_TECHNICIAN: 'PHARMACY_TECHNICIAN_TRAINING',
  HEALTHCARE_SCIENCE_PRACTITIONER: 'HEALTHCARE_SCIENCE_PTP',
  STP_TRAINEE: 'HEALTHCARE_SCIENCE_STP',
  TRAINEE_CLINICAL_PSYCHOLOGIST: 'DCLINPSY',
  PHYSICIAN_ASSOCIATE_STUDENT: 'MSC_PHYSICIAN_ASSOCIATE',
  PRE_REGISTRATION_OPTOMETRIST: 'BSC_OPTOMETRY',
  PUBLIC_HEALTH_SPECIALTY_REGISTRAR: 'PUBLIC_HEALTH_TRAINING',
};

function weightOf(organisation: DemoOrganisation, random: Random): number {
  if (organisation.kind === 'UNIVERSITY') return Math.exp(1.6 + 0.5 * random.normal());
  if (organisation.kind === 'FURTHER_EDUCATION_COLLEGE') return Math.exp(0.4 + 0.4 * random.normal());
  return Math.exp(-0.3 + 0.4 * random.normal());
}

/** Every education provider of the registry (universities, colleges, academies, trusts that teach). */
export function registryEducationProviders(
  registry: readonly DemoOrganisation[],
  seed: number,
): EducationProvider[] {
  const random = new Random(seed ^ 0x5eed);
  return registry
    .filter((organisation) => organisation.roles.includes('EDUCATION_PROVIDER'))
    .map((organisation) => ({
      odsCode: organisation.odsCode,
      name: organisation.name,
      region: organisation.region,
      kind: organisation.kind,
      weight: weightOf(organisation, random),
    }));
}

/** Chooses each learner's education provider and programme. */
export class EducationAssigner {
  private readonly pickers = new Map<string, WeightedPicker<EducationProvider>>();

  constructor(
    private readonly providers: readonly EducationProvider[],
    private readonly seed: number,
  ) {
    if (providers.length === 0) throw new Error('The registry has no education providers.');
  }

  assign(
    index: number,
    placementRegion: string | undefined,
    learnerGroup: string,
    profession: string,
  ): GeneratedEducation {
    const random = new Random((this.seed * 7_919 + index * 104_729) >>> 0);
    const college = COLLEGE_GROUPS.has(learnerGroup) && random.next() < 0.8;
    const local = placementRegion !== undefined && random.next() < SAME_REGION_SHARE;
    const provider = this.picker(local ? placementRegion : undefined, college).pick(random);
    return { odsCode: provider.odsCode, programme: this.programme(random, learnerGroup, profession) };
  }

  private programme(random: Random, learnerGroup: string, profession: string): string {
    const usual = USUAL_PROGRAMME[profession];
    if (usual && random.next() < 0.9) return usual;
    const own = PROGRAMMES.filter((p) => p.learnerGroups.includes(learnerGroup));
    return own.length > 0 && random.next() < 0.95 ? random.pick(own).code : 'OTHER_PROGRAMME';
  }

  private picker(region: string | undefined, college: boolean): WeightedPicker<EducationProvider> {
    const key = `${region ?? '*'}:${college}`;
    let picker = this.pickers.get(key);
    if (!picker) {
      const inRegion = this.providers.filter((p) => region === undefined || p.region === region);
      const ofKind = inRegion.filter((p) => COLLEGE_KINDS.has(p.kind) === college);
      const candidates = ofKind.length > 0 ? ofKind : inRegion.length > 0 ? inRegion : this.providers;
      picker = new WeightedPicker(
        candidates,
        candidates.map((p) => p.weight),
      );
      this.pickers.set(key, picker);
    }
    return picker;
  }
}
