import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One learner's response for one placement. No receipt code, no timestamp finer than the day. */
@Entity({ name: 'response' })
@Index('response_organisation_year_idx', ['organisationId', 'cycleYear'])
@Index('response_year_day_idx', ['cycleYear', 'submittedOn'])
export class ResponseEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'cycle_year', type: 'int' })
  cycleYear!: number;

  @Column({ name: 'questionnaire_id', type: 'uuid' })
  questionnaireId!: string;

  @Column({ name: 'questionnaire_version', type: 'int' })
  questionnaireVersion!: number;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'site_id', type: 'uuid', nullable: true })
  siteId!: string | null;

  /** The organisation's region when the response was given, for progress and scoping. */
  @Column({ type: 'text' })
  region!: string;

  @Column({ name: 'learner_group', type: 'text' })
  learnerGroup!: string;

  @Column({ type: 'text' })
  profession!: string;

  @Column({ type: 'text', nullable: true })
  programme!: string | null;

  /** The learner's education provider (a registry organisation), when the learner gave it. */
  @Column({ name: 'education_provider_id', type: 'uuid', nullable: true })
  educationProviderId!: string | null;

  /** A code of the maintained programme list, given with the education provider. */
  @Column({ name: 'programme_code', type: 'text', nullable: true })
  programmeCode!: string | null;

  @Column({ name: 'year_of_training', type: 'int', nullable: true })
  yearOfTraining!: number | null;

  @Column({ type: 'text', nullable: true })
  specialty!: string | null;

  @Column({ name: 'placement_start', type: 'date', nullable: true })
  placementStart!: string | null;

  @Column({ name: 'placement_end', type: 'date', nullable: true })
  placementEnd!: string | null;

  @Column({ name: 'submitted_on', type: 'date' })
  submittedOn!: string;

  @Column({ type: 'boolean' })
  imported!: boolean;
}

/** The coded answers of a response (free text lives in `response_comment`, or nowhere for serious concerns). */
@Entity({ name: 'response_answer' })
export class ResponseAnswerEntity {
  @PrimaryColumn({ name: 'response_id', type: 'uuid' })
  responseId!: string;

  @PrimaryColumn({ name: 'question_code', type: 'text' })
  questionCode!: string;

  @Column({ name: 'option_codes', type: 'text', array: true })
  optionCodes!: string[];
}

/**
 * Free-text answers: the redacted text providers may read once released, and the original that only the
 * regional quality team reads.
 */
@Entity({ name: 'response_comment' })
@Index('response_comment_organisation_year_idx', ['organisationId', 'cycleYear'])
@Index('response_comment_review_idx', ['status', 'region'])
export class ResponseCommentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'response_id', type: 'uuid' })
  responseId!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'text' })
  region!: string;

  @Column({ name: 'cycle_year', type: 'int' })
  cycleYear!: number;

  @Column({ name: 'question_code', type: 'text' })
  questionCode!: string;

  @Column({ name: 'original_text', type: 'text' })
  originalText!: string;

  @Column({ name: 'redacted_text', type: 'text' })
  redactedText!: string;

  /** IN_REVIEW until the quality team releases it when the redactor was unsure; RELEASED otherwise. */
  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'review_reasons', type: 'jsonb' })
  reviewReasons!: string[];

  @Column({ name: 'reviewed_by', type: 'text', nullable: true })
  reviewedBy!: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  /** Stored after its cycle's results were released: a late response's comment never shows. */
  @Column({ type: 'boolean', default: false })
  late!: boolean;
}

/**
 * One row per idempotency key: a retry finds the first receipt here. The unique key makes concurrent retries
 * store one response. No follow-up code (it is handed to the learner once) and no time.
 */
@Entity({ name: 'response_submission' })
export class ResponseSubmissionEntity {
  @PrimaryColumn({ name: 'idempotency_key', type: 'text' })
  idempotencyKey!: string;

  @Column({ name: 'request_hash', type: 'text' })
  requestHash!: string;

  @Column({ name: 'response_id', type: 'uuid' })
  responseId!: string;

  @Index('response_submission_receipt_idx', { unique: true })
  @Column({ name: 'receipt_code', type: 'text' })
  receiptCode!: string;
}

/** A learner's saved progress, found only by the hash of its resume token. */
@Entity({ name: 'response_draft' })
export class ResponseDraftEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index('response_draft_token_idx', { unique: true })
  @Column({ name: 'resume_token_hash', type: 'text' })
  resumeTokenHash!: string;

  @Column({ name: 'cycle_year', type: 'int' })
  cycleYear!: number;

  @Column({ name: 'questionnaire_id', type: 'uuid' })
  questionnaireId!: string;

  /** Cleared when the draft is submitted or expires. */
  @Column({ type: 'jsonb', nullable: true })
  content!: unknown;

  /** OPEN, SUBMITTED or EXPIRED. */
  @Column({ type: 'text' })
  status!: string;

  /** The last save; only the day once the draft is submitted or expired. */
  @Column({ name: 'saved_at', type: 'timestamptz' })
  savedAt!: Date;
}

/** The replica of released ORGANISATION result cells (nets.results.v1): which respondent counts were published. */
@Entity({ name: 'released_result_cell' })
export class ReleasedResultCellEntity {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @PrimaryColumn({ type: 'int' })
  respondents!: number;
}

/** A cycle whose results were released: its feedback is frozen from then on. */
@Entity({ name: 'feedback_release' })
export class FeedbackReleaseEntity {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ name: 'released_on', type: 'date' })
  releasedOn!: string;
}

/** Each organisation's responses of a cycle, counted once when the cycle's results were released. */
@Entity({ name: 'feedback_release_count' })
export class FeedbackReleaseCountEntity {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'response_count', type: 'int' })
  responseCount!: number;
}
