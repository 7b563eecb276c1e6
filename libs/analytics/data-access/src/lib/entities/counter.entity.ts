import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Counter rollup at the finest grain every canonical table sums from: (cycle, series, organisation, site,
 * profession). A series is a measure key, `reason:<question>` for a reason question, or `responses`.
 * Region and learner group are functions of organisation and profession, kept here so reads need no join.
 */
@Entity({ name: 'analytics_counter' })
export class CounterEntity {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @PrimaryColumn({ type: 'text' })
  series!: string;

  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  /** Empty when the learner left the site out (the organisation's remainder). */
  @PrimaryColumn({ name: 'site_id', type: 'text' })
  siteId!: string;

  @PrimaryColumn({ type: 'text' })
  profession!: string;

  @Column({ type: 'text' })
  region!: string;

  @Column({ name: 'learner_group', type: 'text' })
  learnerGroup!: string;

  @Column({ type: 'int' })
  respondents!: number;

  @Column({ type: 'int' })
  positive!: number;
}

/** How many respondents of a cell chose each option of a reason (multiple-choice) question. */
@Entity({ name: 'analytics_reason_counter' })
export class ReasonCounterEntity {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @PrimaryColumn({ name: 'question_code', type: 'text' })
  questionCode!: string;

  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @PrimaryColumn({ name: 'site_id', type: 'text' })
  siteId!: string;

  @PrimaryColumn({ type: 'text' })
  profession!: string;

  @PrimaryColumn({ name: 'option_code', type: 'text' })
  optionCode!: string;

  @Column({ type: 'text' })
  region!: string;

  @Column({ name: 'learner_group', type: 'text' })
  learnerGroup!: string;

  @Column({ type: 'int' })
  chosen!: number;
}

/** One row per (cycle, series): bumped by every fold, so caches and publication know what changed. */
@Entity({ name: 'analytics_series' })
@Index('IDX_analytics_series_unpublished', ['year', 'series'], { where: 'version <> published_version' })
export class SeriesEntity {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @PrimaryColumn({ type: 'text' })
  series!: string;

  @Column({ type: 'int', default: 0 })
  version!: number;

  /** The version last published on nets.results.v1; -1 forces a new publication (cycle closed). */
  @Column({ name: 'published_version', type: 'int', default: 0 })
  publishedVersion!: number;
}

/** A response that arrived before its questionnaire or organisation: folded when both are known. */
@Entity({ name: 'analytics_pending_response' })
export class PendingResponseEntity {
  @PrimaryColumn({ name: 'response_id', type: 'uuid' })
  responseId!: string;

  @Column({ name: 'questionnaire_id', type: 'uuid' })
  questionnaireId!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'jsonb' })
  payload!: unknown;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;
}

/** The last flag published for a unit, to detect changes to RED or GREEN and persistence. */
@Entity({ name: 'analytics_unit_flag' })
export class UnitFlagEntity {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @PrimaryColumn({ name: 'measure_key', type: 'text' })
  measureKey!: string;

  @PrimaryColumn({ name: 'unit_key', type: 'text' })
  unitKey!: string;

  @Column({ type: 'text' })
  flag!: string;

  @Column({ name: 'consecutive_red', type: 'int' })
  consecutiveRed!: number;
}
