import type { QuestionnaireContent } from '@nets/survey/contract-events';
import { isExclusiveOption, validateAnswers } from './answer-validation.rules';

const yesNo = [
  { code: 'YES', label: 'Yes' },
  { code: 'NO', label: 'No' },
];

const content: Pick<QuestionnaireContent, 'sections'> = {
  sections: [
    {
      code: 'S',
      title: 'S',
      questions: [
        { code: 'A', type: 'YES_NO', text: 'A', required: true, options: yesNo, standardCodes: [] },
        {
          code: 'B',
          type: 'MULTIPLE_CHOICE',
          text: 'B',
          required: true,
          options: ['X', 'Y', 'Z'].map((code) => ({ code, label: code })),
          maxSelections: 2,
          condition: { questionCode: 'A', anyOf: ['NO'] },
          standardCodes: [],
        },
        {
          code: 'C',
          type: 'YES_NO',
          text: 'C',
          required: true,
          options: yesNo,
          condition: { questionCode: 'B', anyOf: ['Z'] },
          standardCodes: [],
        },
        {
          code: 'T',
          type: 'FREE_TEXT',
          text: 'T',
          required: false,
          options: [],
          maxLength: 10,
          standardCodes: [],
          role: 'FEEDBACK',
        },
        {
          code: 'SC',
          type: 'FREE_TEXT',
          text: 'SC',
          required: false,
          options: [],
          standardCodes: [],
          role: 'SERIOUS_CONCERN',
        },
      ],
    },
  ],
};

const messages = (result: ReturnType<typeof validateAnswers>) =>
  result.details.map((d) => d.message).join(' | ');

describe('validateAnswers', () => {
  it('accepts a complete response and splits coded answers, comments and the serious concern', () => {
    const result = validateAnswers(content, [
      { questionCode: 'A', optionCodes: ['NO'] },
      { questionCode: 'B', optionCodes: ['X', 'Z'] },
      { questionCode: 'C', optionCodes: ['YES'] },
      { questionCode: 'T', text: '  fine  ' },
      { questionCode: 'SC', text: 'unsafe' },
    ]);
    expect(result.details).toEqual([]);
    expect(result.answers.coded).toEqual([
      { questionCode: 'A', optionCodes: ['NO'] },
      { questionCode: 'B', optionCodes: ['X', 'Z'] },
      { questionCode: 'C', optionCodes: ['YES'] },
    ]);
    expect(result.answers.comments).toEqual([{ questionCode: 'T', text: 'fine' }]);
    expect(result.answers.seriousConcern).toEqual({ questionCode: 'SC', text: 'unsafe' });
  });

  it('requires a conditional question only when it is shown, through chains of conditions', () => {
    expect(validateAnswers(content, [{ questionCode: 'A', optionCodes: ['YES'] }]).details).toEqual([]);
    expect(messages(validateAnswers(content, [{ questionCode: 'A', optionCodes: ['NO'] }]))).toContain(
      'B needs an answer',
    );
    expect(
      messages(
        validateAnswers(content, [
          { questionCode: 'A', optionCodes: ['NO'] },
          { questionCode: 'B', optionCodes: ['Z'] },
        ]),
      ),
    ).toContain('C needs an answer');
  });

  it('rejects answers to questions that were not shown, including further down a chain', () => {
    expect(
      messages(
        validateAnswers(content, [
          { questionCode: 'A', optionCodes: ['YES'] },
          { questionCode: 'B', optionCodes: ['X'] },
        ]),
      ),
    ).toContain('B was not shown');
    expect(
      messages(
        validateAnswers(content, [
          { questionCode: 'A', optionCodes: ['YES'] },
          { questionCode: 'B', optionCodes: ['Z'] },
          { questionCode: 'C', optionCodes: ['YES'] },
        ]),
      ),
    ).toContain('C was not shown');
  });

  it.each([
    [[{ questionCode: 'A', optionCodes: ['MAYBE'] }], 'no option MAYBE'],
    [[{ questionCode: 'A', optionCodes: ['YES', 'NO'] }], 'exactly one option'],
    [[{ questionCode: 'A', text: 'yes' }], 'not text'],
    [
      [
        { questionCode: 'A', optionCodes: ['YES'] },
        { questionCode: 'A', optionCodes: ['YES'] },
      ],
      'more than once',
    ],
    [
      [
        { questionCode: 'A', optionCodes: ['YES'] },
        { questionCode: 'Q', optionCodes: ['YES'] },
      ],
      'no question Q',
    ],
    [
      [
        { questionCode: 'A', optionCodes: ['YES'] },
        { questionCode: 'T', text: '12345678901' },
      ],
      'the most is 10',
    ],
    [
      [
        { questionCode: 'A', optionCodes: ['YES'] },
        { questionCode: 'T', optionCodes: ['YES'] },
      ],
      'takes text',
    ],
    [
      [
        { questionCode: 'A', optionCodes: ['NO'] },
        { questionCode: 'B', optionCodes: ['X', 'Y', 'Z'] },
      ],
      'at most 2',
    ],
    [
      [
        { questionCode: 'A', optionCodes: ['NO'] },
        { questionCode: 'B', optionCodes: ['X', 'X'] },
      ],
      'repeats',
    ],
  ])('rejects %j', (answers, expected) => {
    expect(messages(validateAnswers(content, answers))).toContain(expected);
  });

  it('treats blank text as no answer', () => {
    const result = validateAnswers(content, [
      { questionCode: 'A', optionCodes: ['YES'] },
      { questionCode: 'T', text: '   ' },
    ]);
    expect(result.details).toEqual([]);
    expect(result.answers.comments).toEqual([]);
  });
});

describe('exclusive options', () => {
  const question = (options: Array<{ code: string; label: string; exclusive?: boolean }>) => ({
    sections: [
      {
        code: 'S',
        title: 'S',
        questions: [
          {
            code: 'H',
            type: 'MULTIPLE_CHOICE' as const,
            text: 'H',
            required: true,
            options,
            maxSelections: 2,
            standardCodes: [],
          },
        ],
      },
    ],
  });
  const sexualSafety = question([
    { code: 'BY_STAFF', label: 'By staff' },
    { code: 'BY_PATIENTS', label: 'By patients' },
    { code: 'NO', label: 'No' },
  ]);

  it('refuses NO with BY_STAFF, and takes either alone or two non-exclusive options', () => {
    const answer = (codes: string[]) =>
      validateAnswers(sexualSafety, [{ questionCode: 'H', optionCodes: codes }]).details.map(
        (d) => d.message,
      );
    expect(answer(['BY_STAFF', 'NO'])).toEqual(['Question H: NO cannot be chosen with another option.']);
    expect(answer(['NO'])).toEqual([]);
    expect(answer(['BY_STAFF', 'BY_PATIENTS'])).toEqual([]);
  });

  it('takes an option’s own exclusive flag over the naming convention', () => {
    expect(isExclusiveOption({ code: 'NO', label: 'No' })).toBe(true);
    expect(isExclusiveOption({ code: 'OTHER', label: 'Other' })).toBe(false);
    expect(isExclusiveOption({ code: 'NONE_OF_THESE', label: 'None', exclusive: true } as never)).toBe(true);
    expect(isExclusiveOption({ code: 'NO', label: 'No', exclusive: false } as never)).toBe(false);
  });
});
