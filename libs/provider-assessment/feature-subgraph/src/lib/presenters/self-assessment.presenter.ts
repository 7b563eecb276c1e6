import {
  PSA_INDICATORS,
  PSA_STANDARDS,
  type SelfAssessmentRecord,
  type SelfAssessmentStatus,
  isLate,
} from '@nets/provider-assessment/domain';
import type { SelfRating } from '@nets/provider-assessment/contract-events';

/** What the graph shows of an assessment (`organisation` is resolved from `organisationId`). */
export interface SelfAssessmentView {
  id: string;
  organisationId: string;
  year: number;
  status: SelfAssessmentStatus;
  locked: boolean;
  dueAt: Date;
  late: boolean;
  submittedAt: Date | null;
  submissionCount: number;
  standards: Array<{
    standardCode: string;
    domainNumber: number;
    title: string;
    rating: SelfRating | null;
    evidence: string | null;
    action: { description: string; owner: string; dueDate: string } | null;
  }>;
  indicators: Array<{
    indicator: SelfAssessmentRecord['indicators'][number]['key'];
    question: string;
    answer: boolean | null;
  }>;
  signOff: { name: string; jobTitle: string; signedAt: string } | null;
  reviews: Array<{ decision: 'START_REVIEW' | 'ACCEPT' | 'RETURN'; comments: string | null; at: string }>;
  reviewComments: string | null;
  imported: boolean;
  updatedAt: Date;
  version: number;
}

const standardByCode = new Map(PSA_STANDARDS.map((s) => [s.code, s]));
const questionByKey = new Map(PSA_INDICATORS.map((i) => [i.key, i.question]));

export function toSelfAssessmentView(
  record: SelfAssessmentRecord,
  dueAt: Date,
  now = new Date(),
): SelfAssessmentView {
  const returned = [...record.reviews].reverse().find((review) => review.decision === 'RETURN');
  return {
    id: record.id,
    organisationId: record.organisationId,
    year: record.year,
    status: record.status,
    locked: record.status === 'ACCEPTED',
    dueAt,
    late: record.imported ? record.late : isLate(record.firstSubmittedAt, dueAt, now),
    submittedAt: record.submittedAt,
    submissionCount: record.submissionCount,
    standards: record.standards.map((answer) => ({
      standardCode: answer.code,
      domainNumber: standardByCode.get(answer.code)?.domainNumber ?? 0,
      title: standardByCode.get(answer.code)?.title ?? answer.code,
      rating: answer.rating,
      evidence: answer.evidence,
      action: answer.action,
    })),
    indicators: record.indicators.map((answer) => ({
      indicator: answer.key,
      question: questionByKey.get(answer.key) ?? answer.key,
      answer: answer.answer,
    })),
    // The reviewer's and signer's subjects stay internal; the graph shows names and decisions.
    signOff: record.signOff
      ? { name: record.signOff.name, jobTitle: record.signOff.jobTitle, signedAt: record.signOff.signedAt }
      : null,
    reviews: record.reviews.map(({ decision, comments, at }) => ({ decision, comments, at })),
    reviewComments: returned?.comments ?? null,
    imported: record.imported,
    updatedAt: record.updatedAt,
    version: record.version,
  };
}
