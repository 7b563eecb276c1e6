import type { OrganisationSnapshot } from '@nets/provider-assessment/contract-events';
import type { QuestionnairePublished } from '@nets/survey/contract-events';

/** An organisation as the registry last published it (the provider-assessment service owns it). */
export type OrganisationReplica = OrganisationSnapshot;

/** A published questionnaire version, frozen forever: its content and the measures it feeds. */
export type QuestionnaireReplica = QuestionnairePublished;

export const SURVEY_CYCLE_REPLICA_STATUSES = ['OPEN', 'CLOSED'] as const;
export type SurveyCycleReplicaStatus = (typeof SURVEY_CYCLE_REPLICA_STATUSES)[number];

/** Which survey cycle is open, and with which questionnaire, as the survey service announced it. */
export interface SurveyCycleReplica {
  year: number;
  status: SurveyCycleReplicaStatus;
  questionnaireId: string | null;
  closesAt: Date | null;
}

/** Every organisation and site name: what the redactor must recognise in free text. */
export interface RegistryNames {
  organisations: readonly string[];
  sites: readonly string[];
}
