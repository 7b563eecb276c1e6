import { resultCell, withheldCell } from '../../results/__fixtures__/result-cell';
import { nationalOverviewView, type Measure, type NationalSummary } from './national-overview.view';

const MEASURES: Measure[] = [
  {
    key: 'overall-experience',
    title: 'Overall educational experience',
    theme: 'Learning environment',
    polarity: 'HIGHER_IS_BETTER',
    firstYear: 2019,
    publishedFigures: [{ year: 2024, percent: 87 }],
  },
  {
    key: 'induction',
    title: 'Induction',
    theme: 'Learning environment',
    polarity: 'HIGHER_IS_BETTER',
    firstYear: 2019,
    publishedFigures: [],
  },
];

const national = (measureKey: string, year: number, percentPositive: number) =>
  resultCell({ measureKey, year, percentPositive, group: { table: 'NATIONAL', region: null } });

function summary(year: number, released: boolean): NationalSummary {
  const induction = { ...withheldCell({ table: 'NATIONAL', region: null }), measureKey: 'induction', year };
  return {
    year,
    released,
    respondents: released ? 1000 + year : null,
    measures: released ? [national('overall-experience', year, 80 + year - 2019), induction] : [],
    reasons: released
      ? [
          {
            questionCode: 'Q_RECOMMEND_REASONS',
            questionText: 'Why would you recommend this placement?',
            respondents: 700,
            suppressed: false,
            reasons: [
              {
                optionCode: 'LEARNING_OPPORTUNITIES',
                label: 'Learning opportunities available',
                percent: 66.04,
                rank: 2,
              },
              { optionCode: 'SUPPORTIVE_COLLEAGUES', label: 'Supportive colleagues', percent: 80.4, rank: 1 },
            ],
          },
        ]
      : [],
  };
}

describe('national overview view', () => {
  const view = nationalOverviewView({
    measures: MEASURES,
    summaries: [summary(2024, true), summary(2025, false), summary(2023, true)],
    publishedReasons: [
      { questionCode: 'Q_RECOMMEND_REASONS', optionCode: 'SUPPORTIVE_COLLEAGUES', year: 2024, percent: 80 },
    ],
  });

  it('shows the latest released cycle, never an open one', () => {
    expect(view.year).toBe(2024);
    expect(view.years).toEqual([2023, 2024]);
    expect(view.respondents).toBe(3024);
  });

  it('gives every headline measure, the published figure beside the demo, withheld as withheld', () => {
    const rows = view.headlines?.rows ?? [];
    expect(rows.map((r) => [r['measure']?.text, r['percent']?.text, r['published']?.text])).toEqual([
      ['Overall educational experience', '85.0', '87'],
      ['Induction', 'Withheld', '–'],
    ]);
  });

  it('draws each theme since the first released year, with a table of the same figures and a summary', () => {
    const [theme] = view.themes;
    expect(theme?.table.columns.map((c) => c.header)).toEqual([
      'Measure',
      '2023 (%)',
      '2024 (%)',
      'Published by NHS England (year: %)',
    ]);
    expect(theme?.table.rows[0]?.['y2023']?.text).toBe('84.0');
    expect(theme?.summary).toBe(
      'Nationally, overall educational experience from 84.0% in 2023 to 85.0% in 2024.',
    );
  });

  it('counts respondents by cycle and ranks the reasons', () => {
    expect(view.respondentsChart?.table.rows.map((r) => r['respondents']?.text)).toEqual(['3023', '3024']);
    const reasons = view.reasons[0]?.table.rows ?? [];
    expect(
      reasons.map((r) => [r['rank']?.text, r['reason']?.text, r['percent']?.text, r['published']?.text]),
    ).toEqual([
      ['1', 'Supportive colleagues', '80.4', '80'],
      ['2', 'Learning opportunities available', '66.0', '–'],
    ]);
  });

  it('has nothing to show before any release', () => {
    expect(nationalOverviewView({ measures: MEASURES, summaries: [summary(2025, false)] }).year).toBeNull();
  });
});
