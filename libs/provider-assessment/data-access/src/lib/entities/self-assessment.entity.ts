import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type {
  IndicatorAnswerRecord,
  ReviewRecord,
  SignOffRecord,
  StandardAnswerRecord,
} from '@nets/provider-assessment/domain';

@Entity({ name: 'self_assessment_cycle' })
export class SelfAssessmentCycleEntity {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ name: 'opens_at', type: 'timestamptz' })
  opensAt!: Date;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;
}

@Entity({ name: 'self_assessment' })
@Index('self_assessment_organisation_year_idx', ['organisationId', 'year'], { unique: true })
@Index('self_assessment_year_region_idx', ['year', 'region'])
export class SelfAssessmentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'text' })
  region!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'jsonb' })
  standards!: StandardAnswerRecord[];

  @Column({ type: 'jsonb' })
  indicators!: IndicatorAnswerRecord[];

  @Column({ name: 'sign_off', type: 'jsonb', nullable: true })
  signOff!: SignOffRecord | null;

  @Column({ name: 'first_submitted_at', type: 'timestamptz', nullable: true })
  firstSubmittedAt!: Date | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'boolean', default: false })
  late!: boolean;

  @Column({ name: 'submission_count', type: 'int', default: 0 })
  submissionCount!: number;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  reviews!: ReviewRecord[];

  @Column({ type: 'boolean', default: false })
  imported!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  /** Guarded explicitly by the repository (`WHERE version = expected`), not by TypeORM. */
  @Column({ type: 'int', default: 1 })
  version!: number;
}
