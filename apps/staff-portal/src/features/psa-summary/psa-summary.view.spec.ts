import type { PsaSummaryFiguresFragment } from '../../__generated__/graphql';
import { tableRows } from '../../tables/table-model';
import { psaSummaryView } from './psa-summary.view';

type Indicator = PsaSummaryFiguresFragment['indicators'][number];

const indicator = (
  code: Indicator['indicator'],
  percentYes: number | null,
  previous: Array<[number, number | null]>,
): Indicator => ({
  indicator: code,
  question: `Question for ${code}`,
  headline: null,
  answered: percentYes === null ? 2 : 100,
  yes: percentYes ?? 0,
  percentYes,
  suppressed: percentYes === null,
  previousYears: previous.map(([year, p]) => ({ year, answered: 100, yes: p ?? 0, percentYes: p })),
});

const national: PsaSummaryFiguresFragment = {
  year: 2024,
  region: null,
  assessmentsCounted: 200,
  indicators: [
    indicator('SPEAK_UP_WITHOUT_FEAR', 91, [
      [2023, 94],
      [2022, 98],
    ]),
    indicator('EDI_LEAD', 80, [[2023, 79]]),
    indicator('SLEC_AWARE', 70, [[2023, 70]]),
    indicator('SAFE_ENVIRONMENT', 88, []),
  ],
};

describe('the PSA summary', () => {
  it('gives each indicator its change on the year before, in points and words', () => {
    const view = psaSummaryView(national, null);
    expect(tableRows(view.table)).toEqual([
      ['Indicator', 'England (%)', 'England: change on 2023 (points)', 'Providers answering (England)'],
      ['Question for SPEAK_UP_WITHOUT_FEAR', 91, 'Down 3 points from 94%', 100],
      ['Question for EDI_LEAD', 80, 'Up 1 point from 79%', 100],
      ['Question for SLEC_AWARE', 70, 'No change from 70%', 100],
      ['Question for SAFE_ENVIRONMENT', 88, 'Not comparable: no assessments in 2023', 100],
    ]);
    expect(view.summary).toBe(
      '200 self-assessments counted for 2024: 1 of 4 indicators rose nationally on 2023 and 1 fell.',
    );
  });

  it('shows a region beside England, withheld where fewer than 3 providers answered, never as 0', () => {
    const regional: PsaSummaryFiguresFragment = {
      year: 2024,
      region: 'LONDON',
      assessmentsCounted: 30,
      indicators: [
        indicator('SPEAK_UP_WITHOUT_FEAR', null, [[2023, 90]]),
        indicator('EDI_LEAD', 75, [[2023, null]]),
      ],
    };
    const view = psaSummaryView(national, regional);
    expect(view.regionName).toBe('London');
    expect(view.table.columns.map((c) => c.header).slice(4)).toEqual([
      'London (%)',
      'London: change on 2023 (points)',
    ]);
    expect(
      tableRows(view.table)
        .slice(1)
        .map((row) => row.slice(4)),
    ).toEqual([
      ['Withheld', 'Not comparable: this year is withheld'],
      [75, 'Not comparable: 2023 is withheld'],
      ['–', '–'],
      ['–', '–'],
    ]);
    expect(view.table.rows[0]?.['regional']?.withheld).toBe(true);
  });

  it('says when no self-assessment is counted yet', () => {
    const view = psaSummaryView({ ...national, assessmentsCounted: 0, indicators: [] }, null);
    expect(view.table.rows).toEqual([]);
    expect(view.summary).toBe('No self-assessment has been counted for 2024 yet.');
  });
});
