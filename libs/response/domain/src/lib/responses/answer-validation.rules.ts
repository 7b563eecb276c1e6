import type { ErrorDetail } from '@nets/shared/util-errors';
import {
  questionsInOrder,
  type Question,
  type QuestionOption,
  type QuestionnaireContent,
} from '@nets/survey/contract-events';
import { hasUnstorableCharacters } from '@nets/shared/util-text';
import { MAX_ANSWERS, MAX_CODE_LENGTH } from './submission.rules';

export interface SubmittedAnswer {
  questionCode: string;
  optionCodes?: readonly string[] | null;
  text?: string | null;
}

export interface ValidatedAnswers {
  /** Choice answers, as they travel on the topic. */
  coded: Array<{ questionCode: string; optionCodes: string[] }>;
  /** Free-text answers other than the serious concern: redacted and stored as comments. */
  comments: Array<{ questionCode: string; text: string }>;
  /** The serious-concern text, when the learner raised one. */
  seriousConcern: { questionCode: string; text: string } | undefined;
}

/** Used when a free-text question names no maximum. */
export const DEFAULT_MAX_TEXT_LENGTH = 4000;

/**
 * Option codes that rule out every other option of a multiple-choice question ("No", "None"). An option that
 * carries the survey's `exclusive` flag is taken at its word; questionnaires published before the flag
 * existed fall back to these codes.
 */
export const CONVENTIONALLY_EXCLUSIVE_CODES: ReadonlySet<string> = new Set([
  'NO',
  'NONE',
  'NOT_APPLICABLE',
  'PREFER_NOT_TO_SAY',
]);

export function isExclusiveOption(option: QuestionOption): boolean {
  return option.exclusive ?? CONVENTIONALLY_EXCLUSIVE_CODES.has(option.code);
}

const shortCode = (code: string): string =>
  code.length > MAX_CODE_LENGTH ? `${code.slice(0, MAX_CODE_LENGTH)}…` : code;

const SINGLE_ANSWER_TYPES = new Set<Question['type']>([
  'AGREEMENT_SCALE',
  'YES_NO',
  'YES_NO_NA',
  'SINGLE_CHOICE',
]);

/**
 * Checks answers against the exact questionnaire version the learner was shown: known questions, each once;
 * nothing answered that was not shown; every shown required question answered; option codes, multiple-choice
 * maximums and text lengths. Returns every problem at once (path = question code).
 */
export function validateAnswers(
  content: Pick<QuestionnaireContent, 'sections'>,
  answers: readonly SubmittedAnswer[],
): { details: ErrorDetail[]; answers: ValidatedAnswers } {
  const questions = questionsInOrder(content);
  const byCode = new Map(questions.map((q) => [q.code, q]));
  const details: ErrorDetail[] = [];
  if (answers.length > MAX_ANSWERS) {
    return {
      details: [{ path: 'answers', message: `At most ${MAX_ANSWERS} answers.` }],
      answers: { coded: [], comments: [], seriousConcern: undefined },
    };
  }
  const given = new Map<string, SubmittedAnswer>();
  answers.forEach((answer, index) => {
    const path = `answers[${index}]`;
    if (!byCode.has(answer.questionCode)) {
      details.push({
        path,
        message: `There is no question ${shortCode(answer.questionCode)} in this questionnaire.`,
      });
    } else if (given.has(answer.questionCode)) {
      details.push({ path, message: `Question ${answer.questionCode} is answered more than once.` });
    } else {
      given.set(answer.questionCode, answer);
    }
  });

  const shown = visibleQuestions(questions, given);
  const result: ValidatedAnswers = { coded: [], comments: [], seriousConcern: undefined };
  for (const question of questions) {
    const answer = given.get(question.code);
    const path = `answers.${question.code}`;
    if (!shown.has(question.code)) {
      if (answer && isAnswered(answer)) {
        details.push({
          path,
          message: `Question ${question.code} was not shown for these answers, so it cannot be answered.`,
        });
      }
      continue;
    }
    if (!answer || !isAnswered(answer)) {
      if (question.required) details.push({ path, message: `Question ${question.code} needs an answer.` });
      continue;
    }
    const problem = checkAnswer(question, answer);
    if (problem) {
      details.push({ path, message: problem });
      continue;
    }
    if (question.type === 'FREE_TEXT') {
      const text = (answer.text ?? '').trim();
      if (question.role === 'SERIOUS_CONCERN') result.seriousConcern = { questionCode: question.code, text };
      else result.comments.push({ questionCode: question.code, text });
    } else {
      result.coded.push({ questionCode: question.code, optionCodes: [...(answer.optionCodes ?? [])] });
    }
  }
  return { details, answers: result };
}

function isAnswered(answer: SubmittedAnswer): boolean {
  return (answer.optionCodes?.length ?? 0) > 0 || (answer.text ?? '').trim().length > 0;
}

/** A question is shown when it has no condition, or its condition's question is shown and answered with one of the codes. */
function visibleQuestions(
  questions: readonly Question[],
  given: ReadonlyMap<string, SubmittedAnswer>,
): Set<string> {
  const shown = new Set<string>();
  // Conditions refer to earlier questions, so one pass in document order settles every question.
  for (const question of questions) {
    const condition = question.condition;
    if (!condition) {
      shown.add(question.code);
      continue;
    }
    const chosen = given.get(condition.questionCode)?.optionCodes ?? [];
    if (shown.has(condition.questionCode) && chosen.some((code) => condition.anyOf.includes(code))) {
      shown.add(question.code);
    }
  }
  return shown;
}

function checkAnswer(question: Question, answer: SubmittedAnswer): string | undefined {
  const codes = answer.optionCodes ?? [];
  const hasText = (answer.text ?? '').length > 0;
  if (question.type === 'FREE_TEXT') {
    if (codes.length > 0) return `Question ${question.code} takes text, not options.`;
    const max = question.maxLength ?? DEFAULT_MAX_TEXT_LENGTH;
    const length = (answer.text ?? '').trim().length;
    if (length > max) return `The answer to ${question.code} is ${length} characters; the most is ${max}.`;
    if (hasUnstorableCharacters(answer.text ?? '')) {
      return `The answer to ${question.code} contains control characters or invalid Unicode.`;
    }
    return undefined;
  }
  if (hasText) return `Question ${question.code} takes option codes, not text.`;
  const options = new Map(question.options.map((option) => [option.code, option]));
  const unknown = codes.filter((code) => !options.has(code));
  if (unknown.length > 0) {
    return `Question ${question.code} has no option ${unknown.slice(0, 5).map(shortCode).join(', ')}.`;
  }
  if (new Set(codes).size !== codes.length) return `Question ${question.code} repeats an option.`;
  if (SINGLE_ANSWER_TYPES.has(question.type) && codes.length !== 1) {
    return `Question ${question.code} takes exactly one option.`;
  }
  if (
    question.type === 'MULTIPLE_CHOICE' &&
    question.maxSelections &&
    codes.length > question.maxSelections
  ) {
    return `Question ${question.code} takes at most ${question.maxSelections} options.`;
  }
  if (codes.length > 1) {
    const exclusive = codes.find((code) => {
      const option = options.get(code);
      return option !== undefined && isExclusiveOption(option);
    });
    if (exclusive) return `Question ${question.code}: ${exclusive} cannot be chosen with another option.`;
  }
  return undefined;
}
