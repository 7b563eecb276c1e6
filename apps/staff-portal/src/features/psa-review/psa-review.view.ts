import type { PageError } from '@nets/web/ui-nhsuk';
import type {
  SelfAssessmentReturnStatus,
  StaffPortalPsaReturnsQuery,
  StaffPortalPsaReviewQuery,
} from '../../__generated__/graphql';
import { textCell, type TableModel } from '../../tables/table-model';
import type { SeenState } from '../../views/seen-state';
import { dateTimeOf, dayOf } from '../concerns/concern-words';
import { RATING_WORDS, STATUS_WORDS, type FormValues } from '../psa-assessment/psa-form.view';

type Return = StaffPortalPsaReturnsQuery['selfAssessmentReturns'][number];
type Assessment = NonNullable<NonNullable<StaffPortalPsaReviewQuery['organisation']>['selfAssessment']>;

/** Which providers a list shows: all, those still owing a submission, or those waiting for the team. */
export type ReturnsShow = 'all' | 'not-submitted' | 'to-review';
export const isReturnsShow = (value: string): value is ReturnsShow =>
  value === 'all' || value === 'not-submitted' || value === 'to-review';

const TO_REVIEW: ReadonlySet<SelfAssessmentReturnStatus> = new Set(['SUBMITTED', 'UNDER_REVIEW']);

export const reviewHref = (year: number, organisationId: string) =>
  `/self-assessment-reviews/${year}/${organisationId}`;

/** The counts at the top of the page and the table of providers it lists. */
export function returnsView(rows: readonly Return[], year: number, show: ReturnsShow) {
  const notSubmitted = rows.filter((r) => !r.submitted);
  const toReview = rows.filter((r) => TO_REVIEW.has(r.status));
  const accepted = rows.filter((r) => r.status === 'ACCEPTED');
  const shown = show === 'not-submitted' ? notSubmitted : show === 'to-review' ? toReview : rows;
  const captions: Record<ReturnsShow, string> = {
    all: `Placement providers and their ${year} self-assessment`,
    'not-submitted': `Placement providers who have not submitted their ${year} self-assessment`,
    'to-review': `${year} self-assessments waiting for review`,
  };
  const table: TableModel = {
    id: 'returns',
    caption: captions[show],
    columns: [
      { key: 'organisation', header: 'Organisation' },
      { key: 'odsCode', header: 'ODS code' },
      { key: 'status', header: 'Status' },
      { key: 'submitted', header: 'Last submitted' },
      { key: 'late', header: 'Late' },
    ],
    rows: shown.map((r) => ({
      organisation: textCell(
        r.organisation.name,
        r.assessment ? reviewHref(year, r.organisation.id) : undefined,
      ),
      odsCode: textCell(r.organisation.odsCode),
      status: textCell(STATUS_WORDS[r.status]),
      submitted: textCell(r.assessment?.submittedAt ? dayOf(r.assessment.submittedAt) : 'Not submitted'),
      late: textCell(r.late ? 'Late' : 'No'),
    })),
    emptyText:
      show === 'not-submitted'
        ? 'Every placement provider has submitted.'
        : show === 'to-review'
          ? 'No self-assessment is waiting for review.'
          : 'There are no active placement providers here.',
  };
  return {
    counts: {
      total: rows.length,
      notSubmitted: notSubmitted.length,
      toReview: toReview.length,
      accepted: accepted.length,
      late: rows.filter((r) => r.late && !r.submitted).length,
    },
    table,
  };
}

/** One assessment as the quality team reads it: a table of standards per domain, the indicators, its history. */
export function assessmentView(
  assessment: Assessment,
  domains: ReadonlyArray<{ number: number; title: string }>,
) {
  const domainTables: TableModel[] = domains.map((domain) => ({
    id: `domain-${domain.number}`,
    caption: `Domain ${domain.number}: ${domain.title}`,
    columns: [
      { key: 'standard', header: 'Standard' },
      { key: 'rating', header: 'Rating' },
      { key: 'evidence', header: 'Evidence' },
      { key: 'action', header: 'Action' },
    ],
    rows: assessment.standards
      .filter((s) => s.domainNumber === domain.number)
      .map((s) => ({
        standard: textCell(`${s.standardCode} ${s.title}`),
        rating: textCell(s.rating ? RATING_WORDS[s.rating] : 'Not answered'),
        evidence: textCell(s.evidence ?? 'None given'),
        action: textCell(
          s.action
            ? `${s.action.description} (owner: ${s.action.owner}; due ${dayOf(s.action.dueDate)})`
            : 'None',
        ),
      })),
  }));
  const indicators: TableModel = {
    id: 'indicators',
    caption: 'Equality, Freedom to Speak Up, sexual safety and SLEC',
    columns: [
      { key: 'question', header: 'Question' },
      { key: 'answer', header: 'Answer' },
    ],
    rows: assessment.indicators.map((i) => ({
      question: textCell(i.question),
      answer: textCell(i.answer === null ? 'Not answered' : i.answer ? 'Yes' : 'No'),
    })),
  };
  return {
    statusText: STATUS_WORDS[assessment.status],
    late: assessment.late,
    submittedAt: assessment.submittedAt ? dateTimeOf(assessment.submittedAt) : null,
    submissionCount: assessment.submissionCount,
    signOff: assessment.signOff
      ? `${assessment.signOff.name}, ${assessment.signOff.jobTitle}, ${dateTimeOf(assessment.signOff.signedAt)}`
      : null,
    history: assessment.reviews.map(historyEntry),
    domainTables,
    indicators,
  };
}

const DECISIONS = {
  START_REVIEW: 'Review started',
  ACCEPT: 'Accepted',
  RETURN: 'Returned for changes',
} as const;

const historyEntry = (review: Assessment['reviews'][number]) => ({
  what: DECISIONS[review.decision],
  at: dateTimeOf(review.at),
  comments: review.comments,
});

/**
 * What changed since the review page was built (the optimistic lock refused its decision): the status now,
 * the reviews added since (append-only), and when it was last submitted (a resubmission adds no review).
 */
export function changesSince(seen: SeenState, now: Pick<Assessment, 'status' | 'reviews' | 'submittedAt'>) {
  return {
    statusText: STATUS_WORDS[now.status],
    submittedAt: now.submittedAt ? dateTimeOf(now.submittedAt) : null,
    entries: now.reviews.slice(seen.timelineLength).map(historyEntry),
  };
}

export type Decision = 'ACCEPT' | 'RETURN';

/** The team's decision on an assessment under review: returning needs comments. */
export function parseDecision(form: FormValues): {
  decision: { decision: Decision; comments: string | null } | null;
  errors: PageError[];
} {
  const pick = (name: string) => {
    const value = form[name];
    return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
  };
  const decision = pick('decision');
  const comments = pick('comments');
  const errors: PageError[] = [];
  if (decision !== 'ACCEPT' && decision !== 'RETURN')
    errors.push({ field: 'decision', message: 'Choose whether to accept the self-assessment or return it' });
  if (decision === 'RETURN' && !comments)
    errors.push({ field: 'comments', message: 'Say what the provider must change before it submits again' });
  if (comments.length > 10_000)
    errors.push({ field: 'comments', message: 'Comments must be 10,000 characters or fewer' });
  if (errors.length > 0) return { decision: null, errors };
  return { decision: { decision: decision as Decision, comments: comments || null }, errors };
}
