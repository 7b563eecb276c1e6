import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'survey_cycle' })
@Index('survey_cycle_one_open_idx', ['status'], { unique: true, where: `status = 'OPEN'` })
export class SurveyCycleEntity {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'opens_at', type: 'timestamptz' })
  opensAt!: Date;

  @Column({ name: 'closes_at', type: 'timestamptz' })
  closesAt!: Date;

  @Column({ type: 'text' })
  status!: 'DRAFT' | 'OPEN' | 'CLOSED';

  /** The questionnaire version learners are shown while the cycle is open. */
  @Column({ name: 'questionnaire_id', type: 'uuid', nullable: true })
  questionnaireId!: string | null;

  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt!: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** Past cycles loaded through the back-fill path are recorded as imported. */
  @Column({ type: 'boolean', default: false })
  imported!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

/** Every administrator override of the cycle rules, kept for audit. */
@Entity({ name: 'survey_cycle_override' })
export class SurveyCycleOverrideEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'text' })
  actor!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}
