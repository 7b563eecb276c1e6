import type { MeasureDefinition, Question, QuestionnaireContent } from '@nets/survey/contract-events';
import { DEFAULT_QUESTIONNAIRE, MEASURES, QUALITY_FRAMEWORK_2021 } from './reference-data';
import {
  contentTextProblems,
  measuresFedBy,
  validateQuestionnaire,
  type ValidationReferenceData,
} from './questionnaire-validation.rules';

const AGREEMENT = ['STRONGLY_DISAGREE', 'DISAGREE', 'NEUTRAL', 'AGREE', 'STRONGLY_AGREE'].map((code) => ({
  code,
  label: code.toLowerCase(),
}));

const measure: MeasureDefinition = {
  key: 'induction',
  title: 'Induction',
  description: 'Positive induction',
  questionCode: 'Q_INDUCTION',
  positiveOptionCodes: ['AGREE', 'STRONGLY_AGREE'],
  polarity: 'HIGHER_IS_BETTER',
  standardCodes: ['3.9'],
  firstYear: 2019,
  theme: 'Learning environment',
};

const reference: ValidationReferenceData = {
  standardCodes: new Set(['3.9', '1.7']),
  measures: new Map([[measure.key, measure]]),
};

function question(overrides: Partial<Question> & Pick<Question, 'code'>): Question {
  return {
    type: 'AGREEMENT_SCALE',
    text: 'A question',
    required: true,
    options: AGREEMENT,
    standardCodes: [],
    ...overrides,
  };
}

function questionnaire(...questions: Question[]): QuestionnaireContent {
  return { title: 'Test', description: '', sections: [{ code: 'S1', title: 'Section', questions }] };
}

const valid = questionnaire(
  question({ code: 'Q_INDUCTION', measureKey: 'induction', standardCodes: ['3.9'] }),
  question({
    code: 'Q_REASONS',
    type: 'MULTIPLE_CHOICE',
    maxSelections: 2,
    options: [
      { code: 'A', label: 'a' },
      { code: 'B', label: 'b' },
      { code: 'C', label: 'c' },
    ],
    condition: { questionCode: 'Q_INDUCTION', anyOf: ['AGREE'] },
  }),
  question({
    code: 'Q_COMMENT',
    type: 'FREE_TEXT',
    options: [],
    maxLength: 2000,
    required: false,
    role: 'FEEDBACK',
  }),
);

function messages(content: QuestionnaireContent): string[] {
  return validateQuestionnaire(content, reference).map((problem) => `${problem.path}: ${problem.message}`);
}

describe('questionnaire validation', () => {
  it('accepts a well-formed questionnaire', () => {
    expect(messages(valid)).toEqual([]);
  });

  it('accepts the shipped default questionnaire against the real framework and measures', () => {
    const real: ValidationReferenceData = {
      standardCodes: new Set(QUALITY_FRAMEWORK_2021.domains.flatMap((d) => d.standards.map((s) => s.code))),
      measures: new Map(MEASURES.map((m) => [m.key, m])),
    };
    expect(validateQuestionnaire(DEFAULT_QUESTIONNAIRE, real)).toEqual([]);
    expect(measuresFedBy(DEFAULT_QUESTIONNAIRE, MEASURES)).toHaveLength(MEASURES.length);
  });

  it.each<[string, QuestionnaireContent, string]>([
    ['no title', { ...valid, title: ' ' }, 'title: The questionnaire needs a title.'],
    ['no sections', { ...valid, sections: [] }, 'sections: The questionnaire needs at least one section.'],
    [
      'a duplicate question code',
      questionnaire(question({ code: 'Q_A' }), question({ code: 'Q_A' })),
      'sections[0].questions[1].code: Question code Q_A is used twice.',
    ],
    [
      'a badly formed code',
      questionnaire(question({ code: 'q-a' })),
      'sections[0].questions[0].code: Question code q-a must be UPPER_SNAKE_CASE.',
    ],
    [
      'a condition on a later question',
      questionnaire(
        question({ code: 'Q_A', condition: { questionCode: 'Q_B', anyOf: ['AGREE'] } }),
        question({ code: 'Q_B' }),
      ),
      'sections[0].questions[0].condition.questionCode: Question Q_A depends on Q_B, which comes later; conditions may only refer to earlier questions.',
    ],
    [
      'a condition on a missing question',
      questionnaire(question({ code: 'Q_A', condition: { questionCode: 'Q_Z', anyOf: ['AGREE'] } })),
      'sections[0].questions[0].condition.questionCode: Question Q_A depends on Q_Z, which does not exist.',
    ],
    [
      'a condition on a missing option',
      questionnaire(
        question({ code: 'Q_A' }),
        question({ code: 'Q_B', condition: { questionCode: 'Q_A', anyOf: ['MAYBE'] } }),
      ),
      'sections[0].questions[1].condition.anyOf: Question Q_A has no option MAYBE.',
    ],
    [
      'a condition on free text',
      questionnaire(
        question({ code: 'Q_A', type: 'FREE_TEXT', options: [], maxLength: 10 }),
        question({ code: 'Q_B', condition: { questionCode: 'Q_A', anyOf: ['X'] } }),
      ),
      'sections[0].questions[1].condition.questionCode: Question Q_B cannot depend on free-text Q_A.',
    ],
    [
      'an unknown standard',
      questionnaire(question({ code: 'Q_A', standardCodes: ['9.9'] })),
      'sections[0].questions[0].standardCodes: Unknown Quality Framework standard 9.9.',
    ],
    [
      'an unknown measure',
      questionnaire(question({ code: 'Q_A', measureKey: 'nope' })),
      'sections[0].questions[0].measureKey: Unknown measure nope.',
    ],
    [
      'a measure mapped to the wrong question',
      questionnaire(question({ code: 'Q_A', measureKey: 'induction' })),
      'sections[0].questions[0].measureKey: Measure induction is fed by question Q_INDUCTION, not Q_A.',
    ],
    [
      'a measure counting an option its question lacks',
      questionnaire(
        question({
          code: 'Q_INDUCTION',
          type: 'YES_NO',
          options: [
            { code: 'YES', label: 'y' },
            { code: 'NO', label: 'n' },
          ],
        }),
      ),
      'questions.Q_INDUCTION: Measure induction counts AGREE, STRONGLY_AGREE, which question Q_INDUCTION does not offer.',
    ],
    [
      'a scale with the wrong options',
      questionnaire(question({ code: 'Q_A', options: AGREEMENT.slice(0, 4) })),
      'sections[0].questions[0].options: A AGREEMENT_SCALE question must have the options STRONGLY_DISAGREE, DISAGREE, NEUTRAL, AGREE, STRONGLY_AGREE in that order.',
    ],
    [
      'a choice with one option',
      questionnaire(question({ code: 'Q_A', type: 'SINGLE_CHOICE', options: [{ code: 'A', label: 'a' }] })),
      'sections[0].questions[0].options: A SINGLE_CHOICE question needs at least two options.',
    ],
    [
      'duplicate option codes',
      questionnaire(
        question({
          code: 'Q_A',
          type: 'SINGLE_CHOICE',
          options: [
            { code: 'A', label: 'a' },
            { code: 'A', label: 'b' },
          ],
        }),
      ),
      'sections[0].questions[0].options: Option code A is used twice.',
    ],
    [
      'a multiple choice maximum above its options',
      questionnaire(
        question({
          code: 'Q_A',
          type: 'MULTIPLE_CHOICE',
          maxSelections: 3,
          options: [
            { code: 'A', label: 'a' },
            { code: 'B', label: 'b' },
          ],
        }),
      ),
      'sections[0].questions[0].maxSelections: A multiple-choice question needs a maximum between 1 and 2.',
    ],
    [
      'free text without a maximum length',
      questionnaire(question({ code: 'Q_A', type: 'FREE_TEXT', options: [] })),
      'sections[0].questions[0].maxLength: A free-text question needs a maximum length of at most 10000.',
    ],
    [
      'a serious-concern role on a scale question',
      questionnaire(question({ code: 'Q_A', role: 'SERIOUS_CONCERN' })),
      'sections[0].questions[0].role: A SERIOUS_CONCERN question must be free text.',
    ],
    [
      'two serious-concern questions',
      questionnaire(
        question({ code: 'Q_A', type: 'FREE_TEXT', options: [], maxLength: 10, role: 'SERIOUS_CONCERN' }),
        question({ code: 'Q_B', type: 'FREE_TEXT', options: [], maxLength: 10, role: 'SERIOUS_CONCERN' }),
      ),
      'sections: Only one question may collect serious concerns.',
    ],
    [
      'an empty section',
      { title: 'T', description: '', sections: [{ code: 'S1', title: 'S', questions: [] }] },
      'sections[0].questions: Section S1 has no questions.',
    ],
  ])('rejects %s', (_label, content, expected) => {
    expect(messages(content)).toContain(expected);
  });
});

describe('exclusive options', () => {
  const sexualSafety = DEFAULT_QUESTIONNAIRE.sections
    .flatMap((section) => section.questions)
    .find((q) => q.code === 'Q_SEXUAL_BEHAVIOUR');
  const choice = (options: Question['options'], type: Question['type'] = 'MULTIPLE_CHOICE') =>
    questionnaire(
      question({ code: 'Q_INDUCTION', measureKey: 'induction', standardCodes: ['3.9'] }),
      question({
        code: 'Q_CHOICE',
        type,
        options,
        ...(type === 'MULTIPLE_CHOICE' ? { maxSelections: 2 } : {}),
      }),
    );

  it('marks the sexual-safety question\'s "No" exclusive in the shipped questionnaire, and only it', () => {
    expect(sexualSafety?.options.filter((option) => option.exclusive).map((option) => option.code)).toEqual([
      'NO',
    ]);
  });

  it('allows exclusive options beside combinable ones on multiple-choice questions only', () => {
    const options = [
      { code: 'BY_STAFF', label: 'By staff' },
      { code: 'BY_PATIENTS', label: 'By patients' },
      { code: 'NO', label: 'No', exclusive: true },
    ];
    expect(validateQuestionnaire(choice(options), reference)).toEqual([]);
    expect(
      validateQuestionnaire(choice(options, 'SINGLE_CHOICE'), reference).map((p) => p.message),
    ).toContain('Only the options of a multiple-choice question can be exclusive.');
    expect(
      validateQuestionnaire(choice(options.map((option) => ({ ...option, exclusive: true }))), reference).map(
        (p) => p.message,
      ),
    ).toContain('At least one option must be combinable: make it a single-choice question.');
  });
});

describe('text of questionnaire content', () => {
  it('accepts the shipped questionnaire', () => {
    expect(contentTextProblems(DEFAULT_QUESTIONNAIRE)).toEqual([]);
  });

  it('refuses over-long and invisible-character text wherever it is, with its path', () => {
    const content = questionnaire(
      question({ code: 'Q_INDUCTION', text: 'x'.repeat(60000) }),
      question({
        code: 'Q_TWO',
        helpText: 'line one\nline two',
        options: AGREEMENT.map((option, i) => (i === 0 ? { ...option, label: 'Agree \u202Enot' } : option)),
      }),
    );
    expect(contentTextProblems({ ...content, title: 'T\u0000' }).map((p) => p.path)).toEqual([
      'title',
      'sections[0].questions[0].text',
      'sections[0].questions[1].options[0].label',
    ]);
  });

  it('refuses absurd numbers of sections', () => {
    const sections = Array.from({ length: 51 }, (_, i) => ({ code: `S${i}`, title: 'S', questions: [] }));
    expect(contentTextProblems({ title: 'T', description: '', sections }).map((p) => p.path)).toEqual([
      'sections',
    ]);
  });
});
