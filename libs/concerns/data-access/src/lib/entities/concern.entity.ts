import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'concern' })
@Index('concern_intake_key_idx', ['intakeKey'], { unique: true, where: 'intake_key IS NOT NULL' })
@Index('concern_follow_up_idx', ['followUpCodeHash'], {
  unique: true,
  where: 'follow_up_code_hash IS NOT NULL',
})
@Index('concern_region_status_idx', ['region', 'status'])
@Index('concern_organisation_idx', ['organisationId'])
export class ConcernEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text', unique: true })
  reference!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'text' })
  status!: string;

  /** The organisation now responsible: follows the successor after a merge. */
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'original_organisation_id', type: 'uuid' })
  originalOrganisationId!: string;

  /** Copied from the organisation replica (null until the registry has told us), for scoping. */
  @Column({ type: 'text', nullable: true })
  region!: string | null;

  @Column({ name: 'site_id', type: 'uuid', nullable: true })
  siteId!: string | null;

  @Column({ type: 'text', nullable: true })
  programme!: string | null;

  @Column({ name: 'learner_groups', type: 'text', array: true })
  learnerGroups!: string[];

  /** The education provider that raised it or whose programme it is about. */
  @Column({ name: 'education_provider_id', type: 'uuid', nullable: true })
  educationProviderId!: string | null;

  @Column({ type: 'text' })
  category!: string;

  @Column({ name: 'standards_at_risk', type: 'text', array: true })
  standardsAtRisk!: string[];

  @Column({ type: 'text' })
  description!: string;

  /** Restricted: the learner's own words, for the region's quality team only. */
  @Column({ name: 'learner_text', type: 'text', nullable: true })
  learnerText!: string | null;

  /** Restricted: the learner's contact details, for the region's quality team only. */
  @Column({ name: 'contact_details', type: 'jsonb', nullable: true })
  contactDetails!: { name: string | null; email: string | null; phone: string | null } | null;

  @Column({ name: 'follow_up_code_hash', type: 'text', nullable: true })
  followUpCodeHash!: string | null;

  /**
   * The learner who raised it agreed to be identified to the provider: only then do providers see its site
   * and learner group. False unless the serious-concern event says so.
   */
  @Column({ name: 'learner_identifiable', type: 'boolean', default: false })
  learnerIdentifiable!: boolean;

  @Column({ name: 'intake_key', type: 'text', nullable: true })
  intakeKey!: string | null;

  @Column({ type: 'int', nullable: true })
  likelihood!: number | null;

  @Column({ type: 'int', nullable: true })
  consequence!: number | null;

  @Column({ type: 'text', nullable: true })
  controls!: string | null;

  @Column({ name: 'isf_level', type: 'int', nullable: true })
  isfLevel!: number | null;

  @Column({ name: 'isf_config_version', type: 'int', nullable: true })
  isfConfigVersion!: number | null;

  @Column({ name: 'isf_rationale', type: 'text', nullable: true })
  isfRationale!: string | null;

  @Column({ name: 'isf_review_proposed', type: 'boolean', default: false })
  isfReviewProposed!: boolean;

  @Column({ name: 'escalation_step', type: 'int', default: 1 })
  escalationStep!: number;

  @Column({ name: 'next_update_due', type: 'timestamptz', nullable: true })
  nextUpdateDue!: Date | null;

  @Column({ name: 'raised_by', type: 'text' })
  raisedBy!: string;

  @Column({ name: 'raised_by_role', type: 'text' })
  raisedByRole!: string;

  @Column({ name: 'raised_at', type: 'timestamptz' })
  raisedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** Guarded explicitly by the repository (`WHERE version = expected`), not by TypeORM. */
  @Column({ type: 'int', default: 1 })
  version!: number;
}

/** Append-only: a database trigger refuses UPDATE and DELETE. */
@Entity({ name: 'concern_timeline_entry' })
@Index('concern_timeline_concern_idx', ['concernId', 'id'])
export class ConcernTimelineEntryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ name: 'concern_id', type: 'uuid' })
  concernId!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'text' })
  actor!: string;

  @Column({ name: 'actor_role', type: 'text' })
  actorRole!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  what!: string;

  @Column({ type: 'text', nullable: true })
  why!: string | null;

  /** Text only the region's quality team may read (e.g. a reply to the learner). */
  @Column({ name: 'restricted_detail', type: 'text', nullable: true })
  restrictedDetail!: string | null;

  @Column({ name: 'action_id', type: 'uuid', nullable: true })
  actionId!: string | null;
}

@Entity({ name: 'concern_action' })
@Index('concern_action_concern_idx', ['concernId'])
export class ConcernActionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'concern_id', type: 'uuid' })
  concernId!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}

@Entity({ name: 'concern_regulator_share' })
@Index('concern_regulator_share_concern_idx', ['concernId'])
export class ConcernRegulatorShareEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'concern_id', type: 'uuid' })
  concernId!: string;

  @Column({ type: 'text', array: true })
  regulators!: string[];

  /** What was shared, in the quality team's words. */
  @Column({ type: 'text' })
  summary!: string;

  @Column({ name: 'shared_by', type: 'text' })
  sharedBy!: string;

  @Column({ name: 'shared_by_role', type: 'text' })
  sharedByRole!: string;

  @Column({ name: 'shared_at', type: 'timestamptz' })
  sharedAt!: Date;
}

/** Versioned Intensive Support Framework levels: NHS England sets the descriptors, so they are data. */
@Entity({ name: 'isf_level_config' })
export class IsfLevelConfigEntity {
  @PrimaryColumn({ type: 'int' })
  version!: number;

  @PrimaryColumn({ type: 'int' })
  level!: number;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'review_interval_days', type: 'int' })
  reviewIntervalDays!: number;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
