import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OrganisationReplica, SurveyCycleReplicaStatus } from '@nets/replicas/domain';

/**
 * This service's copy of an organisation, as the registry last published it (nets.organisations.v1): the
 * snapshot itself, not a copy of the registry's table. `sites` stands beside it for the redactor's name reads.
 */
@Entity({ name: 'organisation_replica' })
export class OrganisationReplicaEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** The published snapshot without its sites; parsed with the contract's schema when read. */
  @Column({ type: 'jsonb' })
  organisation!: unknown;

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
