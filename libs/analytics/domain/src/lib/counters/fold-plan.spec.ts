import type { FineCellDelta } from './counter-records';
import type { ResponseSubmitted } from '@nets/response/contract-events';
import { canonicalCells, tableForGrouping } from './canonical-cells';
import { addContributions, changedSeries, type FoldPlan } from './fold-plan';

const plan: FoldPlan = {
  measures: [
    {
      key: 'induction',
      title: 'Induction',
      questionCode: 'Q1',
      positive: new Set(['AGREE']),
      polarity: 'HIGHER_IS_BETTER',
    },
    {
      key: 'bullying',
      title: 'Bullying',
      questionCode: 'Q2',
      positive: new Set(['YES']),
      polarity: 'LOWER_IS_BETTER',
    },
  ],
  reasons: [{ questionCode: 'Q3', text: 'Why?', options: [] }],
};

function response(
  answers: ResponseSubmitted['answers'],
  siteId: string | null = null,
  education: ResponseSubmitted['education'] = null,
): ResponseSubmitted {
  return {
    responseId: 'r',
    cycleYear: 2024,
    questionnaireId: 'q',
    questionnaireVersion: 1,
    submittedOn: '2024-01-01',
    profile: { learnerGroup: 'NURSING', profession: 'ADULT', programme: null, yearOfTraining: null },
    placement: { organisationId: 'o1', siteId },
    education,
    answers,
    imported: false,
  };
}

describe('folding responses into counters', () => {
  it('sums a batch per fine cell, skipping unanswered and not-applicable measures', () => {
    const cells = new Map<string, FineCellDelta>();
    const placement = { region: 'LONDON', organisationId: 'o1', siteId: 's1' };
    addContributions(
      response([
        { questionCode: 'Q1', optionCodes: ['AGREE'] },
        { questionCode: 'Q3', optionCodes: ['A', 'B'] },
      ]),
      plan,
      placement,
      cells,
    );
    addContributions(
      response([
        { questionCode: 'Q1', optionCodes: ['DISAGREE'] },
        { questionCode: 'Q2', optionCodes: ['NA'] },
      ]),
      plan,
      placement,
      cells,
    );
    expect([...cells.values()]).toHaveLength(1);
    const [cell] = cells.values();
    expect(cell).toMatchObject({
      year: 2024,
      organisationId: 'o1',
      siteId: 's1',
      educationProviderId: '',
      region: 'LONDON',
    });
    expect(Object.fromEntries(cell.slots)).toEqual({
      responses: [2, 0],
      induction: [2, 1],
      'reason:Q3': [1, 0],
      'option:Q3:A': [1, 0],
      'option:Q3:B': [1, 0],
    });
    expect(
      changedSeries(cells.values())
        .map((c) => c.series)
        .sort(),
    ).toEqual(['induction', 'reason:Q3', 'responses']);
  });

  it('counts only reason options out of the changed series, whatever a measure is called', () => {
    const cell: FineCellDelta = {
      year: 2024,
      organisationId: 'o1',
      siteId: '',
      educationProviderId: '',
      profession: 'ADULT_NURSING',
      region: 'LONDON',
      learnerGroup: 'NURSING',
      slots: new Map([
        ['options-discussed', [1, 1]],
        ['option:Q3:A', [1, 0]],
      ]),
    };
    expect(changedSeries([cell])).toEqual([{ year: 2024, series: 'options-discussed' }]);
  });

  it('keeps learners of different education providers in different fine cells', () => {
    const cells = new Map<string, FineCellDelta>();
    const placement = { region: 'LONDON', organisationId: 'o1', siteId: null };
    const answers = [{ questionCode: 'Q1', optionCodes: ['AGREE'] }];
    addContributions(
      response(answers, null, { organisationId: 'u1', programme: 'BSC' }),
      plan,
      placement,
      cells,
    );
    addContributions(
      response(answers, null, { organisationId: 'u2', programme: 'BSC' }),
      plan,
      placement,
      cells,
    );
    addContributions(
      response(answers, null, { organisationId: 'u1', programme: 'BSC' }),
      plan,
      placement,
      cells,
    );
    addContributions(response(answers), plan, placement, cells);
    expect([...cells.values()].map((c) => [c.educationProviderId, c.slots.get('induction')]).sort()).toEqual([
      ['', [1, 1]],
      ['u1', [2, 2]],
      ['u2', [1, 1]],
    ]);
  });

  it('builds every canonical cell from the fine counters, sites and education providers only where named', () => {
    const row = {
      year: 2024,
      series: 'm',
      region: 'LONDON',
      organisationId: 'o1',
      learnerGroup: 'NURSING',
      profession: 'ADULT',
    };
    const { cells } = canonicalCells([
      { ...row, siteId: 's1', educationProviderId: 'u1', respondents: 3, positive: 2 },
      { ...row, siteId: '', educationProviderId: '', respondents: 2, positive: 1 },
    ]);
    const national = cells.find((c) => Object.keys(c.coordinates).length === 0);
    expect(national).toMatchObject({ respondents: 5, positive: 3 });
    expect(cells.filter((c) => c.coordinates.siteId !== undefined)).toEqual([
      { coordinates: { siteId: 's1' }, respondents: 3, positive: 2 },
    ]);
    expect(cells.filter((c) => c.coordinates.educationProviderId !== undefined)).toEqual([
      { coordinates: { educationProviderId: 'u1' }, respondents: 3, positive: 2 },
      { coordinates: { organisationId: 'o1', educationProviderId: 'u1' }, respondents: 3, positive: 2 },
    ]);
    expect(cells).toHaveLength(11);
  });

  it('maps groupings onto canonical tables and nothing else', () => {
    expect(tableForGrouping([])).toBe('NATIONAL');
    expect(tableForGrouping(['LEARNER_GROUP', 'REGION'])).toBe('REGION_BY_LEARNER_GROUP');
    expect(tableForGrouping(['ORGANISATION', 'LEARNER_GROUP'])).toBe('ORGANISATION_BY_LEARNER_GROUP');
    expect(tableForGrouping(['ORGANISATION', 'PROFESSION'])).toBeUndefined();
    expect(tableForGrouping(['SITE', 'LEARNER_GROUP'])).toBeUndefined();
    expect(tableForGrouping(['EDUCATION_PROVIDER'])).toBe('EDUCATION_PROVIDER');
    expect(tableForGrouping(['ORGANISATION', 'EDUCATION_PROVIDER'])).toBe(
      'EDUCATION_PROVIDER_BY_ORGANISATION',
    );
    expect(tableForGrouping(['EDUCATION_PROVIDER', 'LEARNER_GROUP'])).toBeUndefined();
  });
});
