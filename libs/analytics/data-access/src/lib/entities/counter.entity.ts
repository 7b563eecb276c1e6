import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Counter rollup at the finest grain every canonical table sums from: one wide row per (cycle,
 * organisation, site, education provider, profession), holding every series' counters in arrays indexed by the cycle's slots
 * (`SlotEntity`), so a response adds to one row instead of one per series. A slot is a series (a measure
 * key, `reason:<question>` or `responses`: `respondents` and `positive`) or a reason option
 * (`option:<question>:<option>`: `respondents` counts the respondents who chose it). Region and learner
 * group are functions of organisation and profession, kept here so reads need no join.
 */
@Entity({ name: 'analytics_cell_counter' })
export class CellCounterEntity {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  /** Empty when the learner left the site out (the organisation's remainder). */
  @PrimaryColumn({ name: 'site_id', type: 'text' })
  siteId!: string;

  /** Empty when the learner named no education provider (the organisation's education remainder). */
  @PrimaryColumn({ name: 'education_provider_id', type: 'text' })
  educationProviderId!: string;

  @PrimaryColumn({ type: 'text' })
  profession!: string;

  @Column({ type: 'text' })
  region!: string;

  @Column({ name: 'learner_group', type: 'text' })
  learnerGroup!: string;

  /** Per slot (1-based, as PostgreSQL arrays); a slot past the end counts 0. */
  @Column({ type: 'int', array: true })
  respondents!: number[];

  @Column({ type: 'int', array: true })
  positive!: number[];
}

/** The array index of each series and reason option of a cycle in `analytics_cell_counter`. */
@Entity({ name: 'analytics_slot' })
@Index('UQ_analytics_slot_year_idx', ['year', 'idx'], { unique: true })
export class SlotEntity {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'int' })
  idx!: number;
}

/** Every response folded, so one re-emitted under a new event id is not counted twice. */
@Entity({ name: 'analytics_folded_response' })
export class FoldedResponseEntity {
  @PrimaryColumn({ name: 'response_id', type: 'uuid' })
  responseId!: string;
}

/**
 * One row per (cycle, series) folded: which series a cycle has, and whether its released results have been
 * published (`version` ≠ `published_version`). Released cycles never fold again, so their version is fixed.
 */
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

/**
 * A cycle whose results are released: readable and published from then on, and frozen (responses that
 * arrive later are kept in `analytics_late_response`, never folded), so no two readings can differ.
 */
@Entity({ name: 'analytics_release' })
export class ReleaseEntity {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ name: 'released_at', type: 'timestamptz', default: () => 'now()' })
  releasedAt!: Date;

  @Column({ name: 'released_by', type: 'text' })
  releasedBy!: string;

  /** National respondents in the released results. */
  @Column({ type: 'int' })
  respondents!: number;
}

/** A response that arrived after its cycle's results were released: kept whole, not folded. */
@Entity({ name: 'analytics_late_response' })
@Index('IDX_analytics_late_response_year', ['year'])
export class LateResponseEntity {
  @PrimaryColumn({ name: 'response_id', type: 'uuid' })
  responseId!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'jsonb' })
  payload!: unknown;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;
}
