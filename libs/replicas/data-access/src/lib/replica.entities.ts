import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OrganisationReplica, SurveyCycleReplicaStatus } from '@nets/replicas/domain';

/**
 * This service's copy of an organisation snapshot from the registry (nets.organisations.v1). Columns are typed
 * by the published snapshot, not by the registry's own table: the copy holds what the topic says.
 */
@Entity({ name: 'organisation_replica' })
export class OrganisationReplicaEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'ods_code', type: 'text' })
  odsCode!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: OrganisationReplica['kind'];

  @Column({ type: 'text', array: true })
  roles!: OrganisationReplica['roles'];

  @Column({ type: 'text' })
  region!: OrganisationReplica['region'];

  @Column({ type: 'text' })
  status!: OrganisationReplica['status'];

  @Column({ name: 'successor_id', type: 'uuid', nullable: true })
  successorId!: string | null;

  @Column({ type: 'jsonb' })
  sites!: OrganisationReplica['sites'];

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

  /** The whole `questionnaire-published` payload as JSON; parsed once, by the repository, when read. */
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
  status!: SurveyCycleReplicaStatus;

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
