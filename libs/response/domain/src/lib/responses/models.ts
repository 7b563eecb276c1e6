/** Plain records the repositories return and take; entities never leave this library. */

export interface CodedAnswerRecord {
  questionCode: string;
  optionCodes: string[];
}

export type CommentStatus = 'IN_REVIEW' | 'RELEASED';
/**
 * A comment is stored PENDING with its response (accepted after validation, no redacted text yet); the
 * background redaction makes it IN_REVIEW or RELEASED. Nothing reads a PENDING comment.
 */
export type StoredCommentStatus = CommentStatus | 'PENDING';

export interface NewCommentRecord {
  id: string;
  questionCode: string;
  originalText: string;
  redactedText: string;
  status: StoredCommentStatus;
  reviewReasons: string[];
}

export interface NewResponseRecord {
  id: string;
  cycleYear: number;
  questionnaireId: string;
  questionnaireVersion: number;
  organisationId: string;
  siteId: string | null;
  region: string;
  learnerGroup: string;
  profession: string;
  programme: string | null;
  yearOfTraining: number | null;
  /** The learner's education provider (a registry organisation) and programme code, when given. */
  educationProviderId?: string | null;
  programmeCode?: string | null;
  specialty: string | null;
  placementStart: string | null;
  placementEnd: string | null;
  /** `YYYY-MM-DD`. */
  submittedOn: string;
  imported: boolean;
  answers: CodedAnswerRecord[];
  comments: NewCommentRecord[];
}

export interface SubmissionRecord {
  idempotencyKey: string;
  requestHash: string;
  responseId: string;
  receiptCode: string;
  /** Read back with the stored response (`YYYY-MM-DD`). */
  submittedOn?: string;
}

export interface CommentRecord {
  id: string;
  organisationId: string;
  region: string;
  cycleYear: number;
  questionCode: string;
  originalText: string;
  redactedText: string;
  status: CommentStatus;
  reviewReasons: string[];
  reviewedBy: string | null;
  reviewedAt: Date | null;
}

export type DraftStatus = 'OPEN' | 'SUBMITTED' | 'EXPIRED';

export interface DraftRecord {
  id: string;
  resumeTokenHash: string;
  cycleYear: number;
  questionnaireId: string;
  content: unknown;
  status: DraftStatus;
  savedAt: Date;
}

export interface ProgressCountRecord {
  dimension: 'DAY' | 'REGION' | 'LEARNER_GROUP';
  key: string;
  count: number;
}

export interface FeedbackReleaseRecord {
  /** Whether the cycle's results have been released (its feedback is frozen from then on). */
  released: boolean;
  /** Organisations with responses at release: their frozen count, and whether a published cell equals it. */
  organisations: Map<string, { responseCount: number; published: boolean }>;
}
