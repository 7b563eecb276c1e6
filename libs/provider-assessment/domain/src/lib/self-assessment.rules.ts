import type { SelfRating } from '@nets/provider-assessment/contract-events';
import { PSA_STANDARDS, PSA_STANDARD_CODES, indicatorsForYear, type PsaIndicatorKey } from './reference-data';
import type {
  IndicatorAnswerRecord,
  ReviewRecord,
  SelfAssessmentActionRecord,
  SelfAssessmentRecord,
  SelfAssessmentStatus,
  StandardAnswerRecord,
} from './models';
import { BadUserInputError, ConflictError, type ErrorDetail } from '@nets/shared/util-errors';
import { TEXT_LIMITS, textProblem, type TextRule } from '@nets/shared/util-text';

export const EVIDENCE_MAX_LENGTH = 4000;

/** Limits of the self-assessment's free text (documented in the schema). */
export const SELF_ASSESSMENT_TEXT = {
  evidence: { max: EVIDENCE_MAX_LENGTH, multiline: true },
  actionDescription: { max: TEXT_LIMITS.line, multiline: true },
  /** Owners, signatories' names and job titles. */
  name: { max: TEXT_LIMITS.name },
  reviewComments: { max: TEXT_LIMITS.narrative, multiline: true },
} as const satisfies Record<string, TextRule>;

/** The problem of one free-text field, with its path, if any. */
export function textDetail(value: string | null | undefined, path: string, rule: TextRule): ErrorDetail[] {
  const problem = value ? textProblem(value, rule) : undefined;
  return problem ? [{ path, message: problem }] : [];
}
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface StandardAnswerInput {
  standardCode: string;
  rating?: SelfRating | null;
  evidence?: string | null;
  action?: SelfAssessmentActionRecord | null;
}

export interface IndicatorAnswerInput {
  indicator: PsaIndicatorKey;
  answer?: boolean | null;
}

/** A blank form for the year: every standard and every indicator the year asks, unanswered. */
export function blankAnswers(year: number): Pick<SelfAssessmentRecord, 'standards' | 'indicators'> {
  return {
    standards: PSA_STANDARDS.map((s) => ({ code: s.code, rating: null, evidence: null, action: null })),
    indicators: indicatorsForYear(year).map((i) => ({ key: i.key, answer: null })),
  };
}

/** Statuses in which the provider may still change its answers. */
export function isEditable(status: SelfAssessmentStatus): boolean {
  return status === 'DRAFT' || status === 'RETURNED';
}

export function checkEditable(status: SelfAssessmentStatus): void {
  if (status === 'ACCEPTED') throw new ConflictError('The assessment was accepted and is locked.');
  if (!isEditable(status)) {
    throw new ConflictError(
      `The assessment is ${status.toLowerCase().replace('_', ' ')}; it can change only once returned.`,
    );
  }
}

/**
 * Applies answers to the current ones: each given standard or indicator replaces its earlier answer.
 * Throws BAD_USER_INPUT listing every problem; nothing is applied then.
 */
export function applyAnswers(
  year: number,
  current: Pick<SelfAssessmentRecord, 'standards' | 'indicators'>,
  standards: readonly StandardAnswerInput[],
  indicators: readonly IndicatorAnswerInput[],
): Pick<SelfAssessmentRecord, 'standards' | 'indicators'> {
  const problems: ErrorDetail[] = [];
  const nextStandards = new Map(current.standards.map((s) => [s.code, s]));
  const seen = new Set<string>();
  standards.forEach((input, index) => {
    const path = `standards[${index}]`;
    if (!PSA_STANDARD_CODES.includes(input.standardCode)) {
      problems.push({
        path: `${path}.standardCode`,
        message: `Unknown Quality Framework standard ${input.standardCode}.`,
      });
      return;
    }
    if (seen.has(input.standardCode)) {
      problems.push({
        path: `${path}.standardCode`,
        message: `Standard ${input.standardCode} is answered twice.`,
      });
    }
    seen.add(input.standardCode);
    const evidence = input.evidence?.trim() || null;
    problems.push(...textDetail(evidence, `${path}.evidence`, SELF_ASSESSMENT_TEXT.evidence));
    let action: SelfAssessmentActionRecord | null = null;
    if (input.action) {
      action = {
        description: input.action.description.trim(),
        owner: input.action.owner.trim(),
        dueDate: input.action.dueDate.trim(),
      };
      if (action.description === '')
        problems.push({ path: `${path}.action.description`, message: 'The action is empty.' });
      if (action.owner === '')
        problems.push({ path: `${path}.action.owner`, message: 'The action needs an owner.' });
      problems.push(
        ...textDetail(
          action.description,
          `${path}.action.description`,
          SELF_ASSESSMENT_TEXT.actionDescription,
        ),
        ...textDetail(action.owner, `${path}.action.owner`, SELF_ASSESSMENT_TEXT.name),
      );
      if (!isIsoDate(action.dueDate)) {
        problems.push({
          path: `${path}.action.dueDate`,
          message: 'The due date must be a date, YYYY-MM-DD.',
        });
      }
    }
    const answer: StandardAnswerRecord = {
      code: input.standardCode,
      rating: input.rating ?? null,
      evidence,
      action,
    };
    nextStandards.set(input.standardCode, answer);
  });
  const asked = new Set(indicatorsForYear(year).map((i) => i.key));
  const nextIndicators = new Map(current.indicators.map((i) => [i.key, i]));
  indicators.forEach((input, index) => {
    if (!asked.has(input.indicator)) {
      problems.push({
        path: `indicators[${index}].indicator`,
        message: `${input.indicator} is not asked in ${year}.`,
      });
      return;
    }
    nextIndicators.set(input.indicator, { key: input.indicator, answer: input.answer ?? null });
  });
  if (problems.length > 0) throw new BadUserInputError('Some answers cannot be saved.', problems);
  return {
    standards: PSA_STANDARD_CODES.map(
      (code) => nextStandards.get(code) ?? { code, rating: null, evidence: null, action: null },
    ),
    indicators: [...asked].map(
      (key): IndicatorAnswerRecord => nextIndicators.get(key) ?? { key, answer: null },
    ),
  };
}

/** What is missing before an assessment may be submitted: every standard rated with evidence, an action where not met. */
export function submissionProblems(
  assessment: Pick<SelfAssessmentRecord, 'standards' | 'indicators'>,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  for (const answer of assessment.standards) {
    const path = `standards.${answer.code}`;
    if (!answer.rating) problems.push({ path, message: `Standard ${answer.code} has no self-rating.` });
    if (!answer.evidence) problems.push({ path, message: `Standard ${answer.code} has no evidence.` });
    if (answer.rating && answer.rating !== 'MET' && !answer.action) {
      problems.push({
        path,
        message: `Standard ${answer.code} is not fully met and needs an action with an owner and due date.`,
      });
    }
  }
  for (const indicator of assessment.indicators) {
    if (indicator.answer === null) {
      problems.push({ path: `indicators.${indicator.key}`, message: `${indicator.key} is not answered.` });
    }
  }
  return problems;
}

export function checkSignOff(signOff: { name: string; jobTitle: string }): {
  name: string;
  jobTitle: string;
} {
  const name = signOff.name.trim();
  const jobTitle = signOff.jobTitle.trim();
  const problems: ErrorDetail[] = [];
  if (name === '')
    problems.push({ path: 'signOff.name', message: 'A named senior leader must sign the assessment off.' });
  if (jobTitle === '')
    problems.push({ path: 'signOff.jobTitle', message: "The senior leader's job title is needed." });
  problems.push(
    ...textDetail(name, 'signOff.name', SELF_ASSESSMENT_TEXT.name),
    ...textDetail(jobTitle, 'signOff.jobTitle', SELF_ASSESSMENT_TEXT.name),
  );
  if (problems.length > 0) throw new BadUserInputError('The sign-off is incomplete.', problems);
  return { name, jobTitle };
}

export type ReviewDecision = ReviewRecord['decision'];

/** The status a review decision moves an assessment to, or the CONFLICT explaining why it cannot. */
export function nextStatusOnReview(
  status: SelfAssessmentStatus,
  decision: ReviewDecision,
  comments: string | null,
): SelfAssessmentStatus {
  if (decision === 'START_REVIEW') {
    if (status !== 'SUBMITTED')
      throw new ConflictError(
        `Only a submitted assessment can go under review; this one is ${label(status)}.`,
      );
    return 'UNDER_REVIEW';
  }
  if (status !== 'UNDER_REVIEW') {
    throw new ConflictError(
      `Only an assessment under review can be accepted or returned; this one is ${label(status)}.`,
    );
  }
  if (decision === 'RETURN' && !comments) {
    throw new BadUserInputError('Say what the provider must change when returning an assessment.', [
      { path: 'comments', message: 'required to return' },
    ]);
  }
  return decision === 'ACCEPT' ? 'ACCEPTED' : 'RETURNED';
}

export function checkCanSubmit(status: SelfAssessmentStatus): void {
  if (status === 'DRAFT' || status === 'RETURNED') return;
  if (status === 'ACCEPTED') throw new ConflictError('The assessment was accepted and is locked.');
  throw new ConflictError(`The assessment is already ${label(status)}.`);
}

/** Late: first submitted after the due date, or still not submitted once it has passed. */
export function isLate(firstSubmittedAt: Date | null, dueAt: Date, now: Date): boolean {
  return firstSubmittedAt ? firstSubmittedAt > dueAt : now > dueAt;
}

export function standardsRated(
  assessment: Pick<SelfAssessmentRecord, 'standards'>,
  rating: SelfRating,
): string[] {
  return assessment.standards.filter((s) => s.rating === rating).map((s) => s.code);
}

function label(status: SelfAssessmentStatus): string {
  return status.toLowerCase().replace('_', ' ');
}

function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const year = Number(value.slice(0, 4));
  if (year < 2000 || year > 2100) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
