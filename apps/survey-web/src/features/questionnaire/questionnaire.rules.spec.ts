import {
  answersToSubmit,
  askedQuestions,
  firstIncompleteSection,
  questionsOnPage,
  raisesSeriousConcern,
  readSection,
  validateSection,
  type Question,
  type Questionnaire,
} from './questionnaire.rules';

const YES_NO = [
  { code: 'YES', label: 'Yes', exclusive: false },
  { code: 'NO', label: 'No', exclusive: false },
];

const question = (code: string, extra: Partial<Question> = {}): Question => ({
  code,
  type: 'YES_NO',
  text: `Question ${code}?`,
  helpText: null,
  required: true,
  maxSelections: null,
  maxLength: null,
  role: null,
  options: YES_NO,
  condition: null,
  ...extra,
});

const questionnaire: Questionnaire = {
  id: 'q1',
  version: 1,
  title: 'NETS',
  description: '',
  sections: [
    {
      code: 'A',
      title: 'A',
      description: null,
      questions: [
        question('Q1'),
        question('Q1_WHY', { condition: { questionCode: 'Q1', anyOf: ['YES'] } }),
        question('Q1_MORE', { condition: { questionCode: 'Q1_WHY', anyOf: ['YES'] } }),
      ],
    },
    {
      code: 'B',
      title: 'B',
      description: null,
      questions: [
        question('Q2', {
          type: 'MULTIPLE_CHOICE',
          maxSelections: 1,
          options: [...YES_NO, { code: 'NA', label: 'N/A', exclusive: true }],
        }),
        question('Q_LATER', { condition: { questionCode: 'Q1', anyOf: ['NO'] } }),
        question('Q_CONCERN', {
          type: 'FREE_TEXT',
          options: [],
          role: 'SERIOUS_CONCERN',
          maxLength: 10,
          condition: { questionCode: 'Q1', anyOf: ['YES'] },
        }),
      ],
    },
  ],
};

describe('questionnaire rules', () => {
  it('asks a conditional question only when the question it depends on is asked and its answer matches', () => {
    expect([...askedQuestions(questionnaire, {})]).toEqual(['Q1', 'Q2']);
    expect([...askedQuestions(questionnaire, { Q1: { optionCodes: ['YES'] } })]).toEqual([
      'Q1',
      'Q1_WHY',
      'Q2',
      'Q_CONCERN',
    ]);
    // Q1_WHY is not asked once Q1 changes, so its stale YES no longer asks Q1_MORE.
    const stale = { Q1: { optionCodes: ['NO'] }, Q1_WHY: { optionCodes: ['YES'] } };
    expect([...askedQuestions(questionnaire, stale)]).toEqual(['Q1', 'Q2', 'Q_LATER']);
    expect(answersToSubmit(questionnaire, { ...stale, Q2: { optionCodes: ['NA'] } })).toEqual([
      { questionCode: 'Q1', optionCodes: ['NO'] },
      { questionCode: 'Q2', optionCodes: ['NA'] },
    ]);
  });

  it('shows same-page conditional questions for the page script to hide, and earlier-page ones only when they apply', () => {
    const [a, b] = questionnaire.sections;
    expect(questionsOnPage(a, {}, askedQuestions(questionnaire, {})).map((q) => q.code)).toEqual([
      'Q1',
      'Q1_WHY',
      'Q1_MORE',
    ]);
    const no = { Q1: { optionCodes: ['NO'] } };
    expect(questionsOnPage(b, no, askedQuestions(questionnaire, no)).map((q) => q.code)).toEqual([
      'Q2',
      'Q_LATER',
    ]);
  });

  it('reads only known options and trimmed text from a posted form', () => {
    const [, b] = questionnaire.sections;
    expect(
      readSection(b.questions, {
        'q-Q2': ['YES', 'MAYBE', 'YES'],
        'q-Q_LATER': 'NO',
        'q-Q_CONCERN': '  hello\r\nthere ',
      }),
    ).toEqual({
      Q2: { optionCodes: ['YES'] },
      Q_LATER: { optionCodes: ['NO'] },
      Q_CONCERN: { text: 'hello\nthere' },
    });
  });

  it('gives one message per problem, linked to the first input of the question, only for questions shown', () => {
    const [a, b] = questionnaire.sections;
    expect(validateSection(a.questions, {})).toEqual([
      { field: 'q-Q1-1', message: 'Select an answer: Question Q1' },
    ]);
    expect(validateSection(a.questions, { Q1: { optionCodes: ['YES'] } })).toEqual([
      { field: 'q-Q1_WHY-1', message: 'Select an answer: Question Q1_WHY' },
    ]);
    expect(
      validateSection(b.questions, {
        Q1: { optionCodes: ['YES'] },
        Q2: { optionCodes: ['YES', 'NO'] },
        Q_CONCERN: { text: 'x'.repeat(11) },
      }),
    ).toEqual([
      { field: 'q-Q2-1', message: 'Select 1 answers or fewer' },
      { field: 'q-Q_CONCERN', message: 'Your answer must be 10 characters or fewer' },
    ]);
    // An exclusive option ("No", "None") with another: the graph would refuse it, so the page says so first.
    expect(
      validateSection(b.questions, {
        Q1: { optionCodes: ['YES'] },
        Q2: { optionCodes: ['YES', 'NA'] },
        Q_CONCERN: { text: 'ok' },
      }),
    ).toEqual([{ field: 'q-Q2-1', message: 'Select the answers that apply, or select “N/A” on its own' }]);
    expect(
      validateSection(b.questions, { Q1: { optionCodes: ['YES'] }, Q2: { optionCodes: ['NA'] } }),
    ).toEqual([{ field: 'q-Q_CONCERN', message: 'Enter your answer: Question Q_CONCERN' }]);
  });

  it('knows the first incomplete section and whether a serious concern is raised', () => {
    expect(firstIncompleteSection(questionnaire, {})?.code).toBe('A');
    const answers = {
      Q1: { optionCodes: ['YES'] },
      Q1_WHY: { optionCodes: ['NO'] },
      Q2: { optionCodes: ['NO'] },
    };
    expect(firstIncompleteSection(questionnaire, answers)?.code).toBe('B');
    expect(raisesSeriousConcern(questionnaire, answers)).toBe(false);
    const concern = { ...answers, Q_CONCERN: { text: 'unsafe' } };
    expect(firstIncompleteSection(questionnaire, concern)).toBeUndefined();
    expect(raisesSeriousConcern(questionnaire, concern)).toBe(true);
    expect(raisesSeriousConcern(questionnaire, { ...concern, Q1: { optionCodes: ['NO'] } })).toBe(false);
  });
});
