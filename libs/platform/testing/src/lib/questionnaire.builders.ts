import type {
  MeasureDefinition,
  Question,
  QuestionOption,
  QuestionType,
  QuestionnaireContent,
  Section,
} from '@nets/survey/contract-events';

/** The options of a yes/no question. */
export const YES_NO: readonly QuestionOption[] = [
  { code: 'YES', label: 'Yes' },
  { code: 'NO', label: 'No' },
];

/** Options given as codes are labelled with their code. */
export type TestOptions = ReadonlyArray<string | QuestionOption>;

/**
 * One question of a test questionnaire: required and tied to no standard unless `extra` says otherwise.
 * Tests hand-build the few questions their assertions name; the default questionnaire is the survey's.
 */
export function testQuestion(
  code: string,
  type: QuestionType,
  text: string,
  options: TestOptions = [],
  extra: Partial<Omit<Question, 'code' | 'type' | 'text' | 'options'>> = {},
): Question {
  return {
    code,
    type,
    text,
    required: true,
    options: options.map((option) => (typeof option === 'string' ? { code: option, label: option } : option)),
    standardCodes: [],
    ...extra,
  };
}

/** Yes/no to a serious concern, and the concern itself when yes (`Q_SERIOUS`, `Q_SERIOUS_DETAILS`). */
export const SERIOUS_CONCERN_QUESTIONS: readonly Question[] = [
  testQuestion('Q_SERIOUS', 'YES_NO', 'Raise a serious concern?', YES_NO),
  testQuestion('Q_SERIOUS_DETAILS', 'FREE_TEXT', 'Describe it.', [], {
    maxLength: 4000,
    condition: { questionCode: 'Q_SERIOUS', anyOf: ['YES'] },
    role: 'SERIOUS_CONCERN',
  }),
];

export function testSection(code: string, title: string, questions: readonly Question[]): Section {
  return { code, title, questions };
}

export function testQuestionnaireContent(
  title: string,
  description: string,
  sections: readonly Section[],
): QuestionnaireContent {
  return { title, description, sections };
}

/** A measure of one question, reported since 2019 and tied to no standard unless `extra` says otherwise. */
export function testMeasure(
  measure: Pick<
    MeasureDefinition,
    'key' | 'title' | 'description' | 'questionCode' | 'positiveOptionCodes' | 'theme'
  > &
    Partial<MeasureDefinition>,
): MeasureDefinition {
  return { polarity: 'HIGHER_IS_BETTER', standardCodes: [], firstYear: 2019, ...measure };
}
