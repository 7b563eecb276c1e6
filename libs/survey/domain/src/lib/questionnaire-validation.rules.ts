import type { ErrorDetail } from '@nets/shared/util-errors';
import {
  type MeasureDefinition,
  type Question,
  type QuestionnaireContent,
  type QuestionType,
} from '@nets/survey/contract-events';
import { TEXT_LIMITS, textProblem, type TextRule } from '@nets/shared/util-text';

/** Option codes a fixed-format question must have, in this order. */
export const FIXED_OPTION_CODES: Partial<Record<QuestionType, readonly string[]>> = {
  AGREEMENT_SCALE: ['STRONGLY_DISAGREE', 'DISAGREE', 'NEUTRAL', 'AGREE', 'STRONGLY_AGREE'],
  YES_NO: ['YES', 'NO'],
  YES_NO_NA: ['YES', 'NO', 'NA'],
};

export const MAX_FREE_TEXT_LENGTH = 10000;
const CODE_PATTERN = /^[A-Z][A-Z0-9_]*$/;

export interface ValidationReferenceData {
  standardCodes: ReadonlySet<string>;
  measures: ReadonlyMap<string, MeasureDefinition>;
}

/**
 * Everything wrong with a questionnaire, each problem with its path; empty when it may be published.
 * Publishing freezes a version forever, so this is the last line of defence for every response after it.
 */
export function validateQuestionnaire(
  content: QuestionnaireContent,
  reference: ValidationReferenceData,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });
  if (content.title.trim() === '') report('title', 'The questionnaire needs a title.');
  if (content.sections.length === 0) report('sections', 'The questionnaire needs at least one section.');

  const sectionCodes = new Set<string>();
  const earlier = new Map<string, Question>();
  const seenAnywhere = new Set(content.sections.flatMap((section) => section.questions.map((q) => q.code)));
  let seriousConcernQuestions = 0;

  content.sections.forEach((section, sectionIndex) => {
    const sectionPath = `sections[${sectionIndex}]`;
    if (sectionCodes.has(section.code))
      report(`${sectionPath}.code`, `Section code ${section.code} is used twice.`);
    sectionCodes.add(section.code);
    if (section.questions.length === 0)
      report(`${sectionPath}.questions`, `Section ${section.code} has no questions.`);

    section.questions.forEach((question, questionIndex) => {
      const path = `${sectionPath}.questions[${questionIndex}]`;
      if (!CODE_PATTERN.test(question.code)) {
        report(`${path}.code`, `Question code ${question.code} must be UPPER_SNAKE_CASE.`);
      }
      if (earlier.has(question.code)) report(`${path}.code`, `Question code ${question.code} is used twice.`);
      if (question.text.trim() === '') report(`${path}.text`, `Question ${question.code} has no text.`);
      validateOptions(question, path, report);
      validateCondition(question, path, earlier, seenAnywhere, report);
      validateMappings(question, path, reference, report);
      if (question.role === 'SERIOUS_CONCERN') seriousConcernQuestions += 1;
      earlier.set(question.code, question);
    });
  });

  if (seriousConcernQuestions > 1) {
    report('sections', 'Only one question may collect serious concerns.');
  }
  validateMeasuresFed(earlier, reference, report);
  return problems;
}

type Report = (path: string, message: string) => void;

function validateOptions(question: Question, path: string, report: Report): void {
  const codes = question.options.map((option) => option.code);
  const fixed = FIXED_OPTION_CODES[question.type];
  if (fixed) {
    if (codes.join(',') !== fixed.join(',')) {
      report(
        `${path}.options`,
        `A ${question.type} question must have the options ${fixed.join(', ')} in that order.`,
      );
    }
  } else if (question.type === 'FREE_TEXT') {
    if (codes.length > 0) report(`${path}.options`, 'A free-text question has no options.');
    if (question.maxLength === undefined || question.maxLength > MAX_FREE_TEXT_LENGTH) {
      report(
        `${path}.maxLength`,
        `A free-text question needs a maximum length of at most ${MAX_FREE_TEXT_LENGTH}.`,
      );
    }
  } else {
    if (codes.length < 2)
      report(`${path}.options`, `A ${question.type} question needs at least two options.`);
    const duplicate = codes.find((code, index) => codes.indexOf(code) !== index);
    if (duplicate) report(`${path}.options`, `Option code ${duplicate} is used twice.`);
    const bad = codes.find((code) => !CODE_PATTERN.test(code));
    if (bad) report(`${path}.options`, `Option code ${bad} must be UPPER_SNAKE_CASE.`);
  }
  question.options.forEach((option, index) => {
    if (option.label.trim() === '')
      report(`${path}.options[${index}].label`, `Option ${option.code} has no label.`);
  });
  const exclusive = question.options.filter((option) => option.exclusive === true);
  if (exclusive.length > 0 && question.type !== 'MULTIPLE_CHOICE') {
    report(`${path}.options`, 'Only the options of a multiple-choice question can be exclusive.');
  } else if (exclusive.length > 0 && exclusive.length === question.options.length) {
    report(`${path}.options`, 'At least one option must be combinable: make it a single-choice question.');
  }
  if (question.type === 'MULTIPLE_CHOICE') {
    const max = question.maxSelections;
    if (max === undefined || max < 1 || max > codes.length) {
      report(
        `${path}.maxSelections`,
        `A multiple-choice question needs a maximum between 1 and ${codes.length}.`,
      );
    }
  } else if (question.maxSelections !== undefined) {
    report(`${path}.maxSelections`, 'Only multiple-choice questions have a maximum number of selections.');
  }
  if (question.type !== 'FREE_TEXT' && question.maxLength !== undefined) {
    report(`${path}.maxLength`, 'Only free-text questions have a maximum length.');
  }
  if (question.role !== undefined && question.type !== 'FREE_TEXT') {
    report(`${path}.role`, `A ${question.role} question must be free text.`);
  }
}

function validateCondition(
  question: Question,
  path: string,
  earlier: ReadonlyMap<string, Question>,
  everywhere: ReadonlySet<string>,
  report: Report,
): void {
  const condition = question.condition;
  if (!condition) return;
  const target = earlier.get(condition.questionCode);
  if (!target) {
    report(
      `${path}.condition.questionCode`,
      everywhere.has(condition.questionCode)
        ? `Question ${question.code} depends on ${condition.questionCode}, which comes later; conditions may only refer to earlier questions.`
        : `Question ${question.code} depends on ${condition.questionCode}, which does not exist.`,
    );
    return;
  }
  if (target.type === 'FREE_TEXT') {
    report(
      `${path}.condition.questionCode`,
      `Question ${question.code} cannot depend on free-text ${target.code}.`,
    );
    return;
  }
  const targetCodes = new Set(target.options.map((option) => option.code));
  for (const code of condition.anyOf) {
    if (!targetCodes.has(code)) {
      report(`${path}.condition.anyOf`, `Question ${target.code} has no option ${code}.`);
    }
  }
}

function validateMappings(
  question: Question,
  path: string,
  reference: ValidationReferenceData,
  report: Report,
): void {
  for (const code of question.standardCodes) {
    if (!reference.standardCodes.has(code)) {
      report(`${path}.standardCodes`, `Unknown Quality Framework standard ${code}.`);
    }
  }
  if (question.measureKey === undefined) return;
  const measure = reference.measures.get(question.measureKey);
  if (!measure) {
    report(`${path}.measureKey`, `Unknown measure ${question.measureKey}.`);
  } else if (measure.questionCode !== question.code) {
    report(
      `${path}.measureKey`,
      `Measure ${measure.key} is fed by question ${measure.questionCode}, not ${question.code}.`,
    );
  }
}

/** Every measure fed by a question of this questionnaire must count only options that question has. */
function validateMeasuresFed(
  questions: ReadonlyMap<string, Question>,
  reference: ValidationReferenceData,
  report: Report,
): void {
  for (const measure of reference.measures.values()) {
    const question = questions.get(measure.questionCode);
    if (!question) continue;
    const codes = new Set(question.options.map((option) => option.code));
    const missing = measure.positiveOptionCodes.filter((code) => !codes.has(code));
    if (missing.length > 0) {
      report(
        `questions.${question.code}`,
        `Measure ${measure.key} counts ${missing.join(', ')}, which question ${question.code} does not offer.`,
      );
    }
  }
}

/** The measures a questionnaire feeds, as carried in its published event. */
export function measuresFedBy(
  content: QuestionnaireContent,
  measures: Iterable<MeasureDefinition>,
): MeasureDefinition[] {
  const codes = new Set(
    content.sections.flatMap((section) => section.questions.map((question) => question.code)),
  );
  return [...measures].filter((measure) => codes.has(measure.questionCode));
}

/** Limits of the questionnaire's text, checked whenever content is saved (documented in the schema). */
export const QUESTIONNAIRE_TEXT = {
  title: { max: TEXT_LIMITS.name },
  code: { max: TEXT_LIMITS.name },
  statement: { max: TEXT_LIMITS.line },
  description: { max: TEXT_LIMITS.narrative, multiline: true },
} as const satisfies Record<string, TextRule>;

export const QUESTIONNAIRE_LIMITS = { sections: 50, questionsPerSection: 100, options: 100 } as const;

/** Text too long or with control or bidirectional characters anywhere in the content, and absurd sizes. */
export function contentTextProblems(content: QuestionnaireContent): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const check = (value: string | undefined, path: string, rule: TextRule) => {
    const problem = value === undefined ? undefined : textProblem(value, rule);
    if (problem) problems.push({ path, message: problem });
  };
  const count = (items: readonly unknown[], path: string, max: number) => {
    if (items.length > max) problems.push({ path, message: `at most ${max}` });
  };
  check(content.title, 'title', QUESTIONNAIRE_TEXT.title);
  check(content.description, 'description', QUESTIONNAIRE_TEXT.description);
  count(content.sections, 'sections', QUESTIONNAIRE_LIMITS.sections);
  content.sections.slice(0, QUESTIONNAIRE_LIMITS.sections).forEach((section, s) => {
    const at = `sections[${s}]`;
    check(section.code, `${at}.code`, QUESTIONNAIRE_TEXT.code);
    check(section.title, `${at}.title`, QUESTIONNAIRE_TEXT.title);
    check(section.description, `${at}.description`, QUESTIONNAIRE_TEXT.description);
    count(section.questions, `${at}.questions`, QUESTIONNAIRE_LIMITS.questionsPerSection);
    section.questions.slice(0, QUESTIONNAIRE_LIMITS.questionsPerSection).forEach((question, q) => {
      const path = `${at}.questions[${q}]`;
      check(question.code, `${path}.code`, QUESTIONNAIRE_TEXT.code);
      check(question.text, `${path}.text`, QUESTIONNAIRE_TEXT.statement);
      check(question.helpText, `${path}.helpText`, QUESTIONNAIRE_TEXT.description);
      check(question.measureKey, `${path}.measureKey`, QUESTIONNAIRE_TEXT.code);
      question.standardCodes.forEach((code, i) =>
        check(code, `${path}.standardCodes[${i}]`, QUESTIONNAIRE_TEXT.code),
      );
      count(question.options, `${path}.options`, QUESTIONNAIRE_LIMITS.options);
      question.options.slice(0, QUESTIONNAIRE_LIMITS.options).forEach((option, o) => {
        check(option.code, `${path}.options[${o}].code`, QUESTIONNAIRE_TEXT.code);
        check(option.label, `${path}.options[${o}].label`, QUESTIONNAIRE_TEXT.statement);
      });
      if (question.condition) {
        check(question.condition.questionCode, `${path}.condition.questionCode`, QUESTIONNAIRE_TEXT.code);
        question.condition.anyOf.forEach((code, i) =>
          check(code, `${path}.condition.anyOf[${i}]`, QUESTIONNAIRE_TEXT.code),
        );
      }
    });
  });
  return problems;
}
