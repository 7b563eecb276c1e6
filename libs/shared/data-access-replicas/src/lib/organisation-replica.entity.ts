import { Column, Entity, PrimaryColumn } from 'typeorm';

/** This service's copy of an organisation from the registry (the provider-assessment service owns it). */
@Entity({ name: 'organisation_replica' })
export class OrganisationReplicaEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'ods_code', type: 'text' })
  odsCode!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text', array: true })
  roles!: string[];

  @Column({ type: 'text' })
  region!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'successor_id', type: 'uuid', nullable: true })
  successorId!: string | null;

  @Column({ type: 'jsonb' })
  sites!: Array<{ id: string; code: string; name: string }>;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

/** This service's copy of each published questionnaire version (the survey service owns them). */
@Entity({ name: 'questionnaire_replica' })
export class QuestionnaireReplicaEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'int' })
  version!: number;

  /** The whole `questionnaire-published` payload: content and the measures it feeds. */
  @Column({ type: 'jsonb' })
  published!: unknown;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;
}

/** Which survey cycle is open, and with which questionnaire, as the survey service announced it. */
@Entity({ name: 'survey_cycle_replica' })
export class SurveyCycleReplicaEntity {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'questionnaire_id', type: 'uuid', nullable: true })
  questionnaireId!: string | null;

  @Column({ name: 'closes_at', type: 'timestamptz', nullable: true })
  closesAt!: Date | null;
}

export const REPLICA_ENTITIES = [
  OrganisationReplicaEntity,
  QuestionnaireReplicaEntity,
  SurveyCycleReplicaEntity,
];
