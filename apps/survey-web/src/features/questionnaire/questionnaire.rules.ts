import type { SurveyWebOpenSurveyQuery } from '../../__generated__/graphql';

export type OpenCycle = NonNullable<SurveyWebOpenSurveyQuery['openSurveyCycle']>;
export type Questionnaire = NonNullable<OpenCycle['questionnaire']>;
export type Section = Questionnaire['sections'][number];
export type Question = Section['questions'][number];

/** What the learner chose or wrote for one question. */
export interface Answer {
  optionCodes?: string[];
  text?: string;
}

export type Answers = Record<string, Answer>;

export interface FieldError {
  /** The id of the field the error summary links to. */
  field: string;
  message: string;
}

/** Form fields of a question: the first input of a fieldset is what the error summary links to. */
export const fieldName = (question: Question): string => `q-${question.code}`;

export const firstInputId = (question: Question): string =>
  question.type === 'FREE_TEXT' ? fieldName(question) : `${fieldName(question)}-1`;

/** Whether a question's display condition holds for the answers so far (conditions only look back). */
export function isShown(question: Question, answers: Answers): boolean {
  const condition = question.condition;
  if (!condition) return true;
  const chosen = answers[condition.questionCode]?.optionCodes ?? [];
  return chosen.some((code) => condition.anyOf.includes(code));
}

/** A question is asked when its condition holds and the question it depends on is itself asked. */
export function askedQuestions(questionnaire: Questionnaire, answers: Answers): Set<string> {
  const asked = new Set<string>();
  for (const question of questionnaire.sections.flatMap((s) => s.questions)) {
    const condition = question.condition;
    if (condition && !asked.has(condition.questionCode)) continue;
    if (isShown(question, answers)) asked.add(question.code);
  }
  return asked;
}

/**
 * The questions a section's page shows. A question whose condition depends on a question of the same page
 * is shown too (JavaScript hides it until its condition holds; without JavaScript its hint says when to
 * answer it); one that depends on an earlier page is shown only when that answer makes it apply.
 */
export function questionsOnPage(section: Section, answers: Answers, asked: ReadonlySet<string>): Question[] {
  const onPage = new Set(section.questions.map((q) => q.code));
  const shown = new Set<string>();
  return section.questions.filter((question) => {
    const condition = question.condition;
    const keep = condition
      ? onPage.has(condition.questionCode)
        ? shown.has(condition.questionCode)
        : asked.has(question.code) && isShown(question, answers)
      : true;
    if (keep) shown.add(question.code);
    return keep;
  });
}

/** Reads one section's answers from a posted form. */
export function readSection(
  questions: readonly Question[],
  body: Record<string, string | string[] | undefined>,
): Answers {
  const answers: Answers = {};
  for (const question of questions) {
    const raw = body[fieldName(question)];
    if (question.type === 'FREE_TEXT') {
      const text = (Array.isArray(raw) ? raw.join('\n') : (raw ?? '')).replace(/\r\n/g, '\n').trim();
      if (text) answers[question.code] = { text };
      continue;
    }
    const allowed = new Set(question.options.map((o) => o.code));
    const codes = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter((code) => allowed.has(code));
    if (codes.length > 0) answers[question.code] = { optionCodes: [...new Set(codes)] };
  }
  return answers;
}

const plainText = (text: string): string => text.replace(/\s+/g, ' ').trim().replace(/[.?]$/, '');

/** The messages of the NHS error-message pattern: say what happened and how to fix it. */
export function validateSection(questions: readonly Question[], answers: Answers): FieldError[] {
  const errors: FieldError[] = [];
  for (const question of questions) {
    if (!isShown(question, answers)) continue;
    const answer = answers[question.code];
    const field = firstInputId(question);
    if (question.type === 'FREE_TEXT') {
      const max = question.maxLength ?? 2000;
      if (!answer?.text) {
        if (question.required)
          errors.push({ field, message: `Enter your answer: ${plainText(question.text)}` });
      } else if (answer.text.length > max) {
        errors.push({ field, message: `Your answer must be ${max} characters or fewer` });
      }
      continue;
    }
    const chosen = answer?.optionCodes ?? [];
    if (chosen.length === 0) {
      if (question.required) {
        const verb = question.type === 'MULTIPLE_CHOICE' ? 'Select at least one answer' : 'Select an answer';
        errors.push({ field, message: `${verb}: ${plainText(question.text)}` });
      }
      continue;
    }
    if (question.type === 'MULTIPLE_CHOICE') {
      const exclusive = question.options.find((o) => o.exclusive && chosen.includes(o.code));
      if (exclusive && chosen.length > 1)
        errors.push({
          field,
          message: `Select the answers that apply, or select “${exclusive.label}” on its own`,
        });
      else if (question.maxSelections && chosen.length > question.maxSelections)
        errors.push({ field, message: `Select ${question.maxSelections} answers or fewer` });
    } else if (chosen.length > 1) {
      errors.push({ field, message: `Select only one answer: ${plainText(question.text)}` });
    }
  }
  return errors;
}

/** Keeps only the answers to questions that are asked, in questionnaire order. */
export function answersToSubmit(
  questionnaire: Questionnaire,
  answers: Answers,
): Array<{ questionCode: string; optionCodes?: string[]; text?: string }> {
  const asked = askedQuestions(questionnaire, answers);
  return questionnaire.sections
    .flatMap((s) => s.questions)
    .filter((q) => asked.has(q.code) && answers[q.code])
    .map((q) => ({ questionCode: q.code, ...answers[q.code] }));
}

/** The first section with an unanswered required question, or undefined when the questionnaire is done. */
export function firstIncompleteSection(questionnaire: Questionnaire, answers: Answers): Section | undefined {
  const asked = askedQuestions(questionnaire, answers);
  return questionnaire.sections.find((section) =>
    section.questions.some((q) => asked.has(q.code) && q.required && !answers[q.code]),
  );
}

export const seriousConcernQuestion = (questionnaire: Questionnaire): Question | undefined =>
  questionnaire.sections.flatMap((s) => s.questions).find((q) => q.role === 'SERIOUS_CONCERN');

/** Whether the learner is raising a serious concern: its text question is asked and answered. */
export function raisesSeriousConcern(questionnaire: Questionnaire, answers: Answers): boolean {
  const question = seriousConcernQuestion(questionnaire);
  if (!question) return false;
  return askedQuestions(questionnaire, answers).has(question.code) && Boolean(answers[question.code]?.text);
}

/** The label(s) of an answer, for check your answers. */
export function answerLabels(question: Question, answer: Answer | undefined): string[] {
  if (!answer) return [];
  if (question.type === 'FREE_TEXT') return answer.text ? [answer.text] : [];
  const labels = new Map(question.options.map((o) => [o.code, o.label]));
  return (answer.optionCodes ?? []).map((code) => labels.get(code) ?? code);
}
