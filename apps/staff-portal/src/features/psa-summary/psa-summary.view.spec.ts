import { psaSummaryView, type PsaSummaryData } from './psa-summary.view';

const indicator = (
  code: string,
  percentYes: number | null,
  previous: Array<[number, number | null]>,
  suppressed = percentYes === null,
) => ({
  indicator: code,
  question: `Question for ${code}`,
  headline: percentYes === null ? null : `${percentYes}%`,
  answered: suppressed ? 2 : 100,
  yes: percentYes ?? 0,
  percentYes,
  suppressed,
  previousYears: previous.map(([year, p]) => ({ year, answered: 100, yes: p ?? 0, percentYes: p })),
});

const national: PsaSummaryData = {
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
  it('gives each indicator its change on the year before in points and words', () => {
    const view = psaSummaryView(national, null);
    expect(
      view.rows.map((r) => [r.indicator, r.national.percentYes, r.national.previous, r.national.change]),
    ).toEqual([
      ['SPEAK_UP_WITHOUT_FEAR', '91%', '94%', 'Down 3 points from 2023'],
      ['EDI_LEAD', '80%', '79%', 'Up 1 point from 2023'],
      ['SLEC_AWARE', '70%', '70%', 'No change from 2023'],
      ['SAFE_ENVIRONMENT', '88%', 'No assessment', 'Not comparable'],
    ]);
    expect(view.summary).toBe(
      '200 self-assessments counted for 2024: 1 of 4 indicators rose nationally on the year before and 1 fell.',
    );
  });

  it('shows a region beside the nation, withheld where fewer than 3 providers answered, never as 0%', () => {
    const regional: PsaSummaryData = {
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
    expect(view.regionalCounted).toBe(30);
    const [speakUp, edi, slec] = view.rows;
    expect(speakUp.regional).toMatchObject({
      percentYes: 'Withheld (fewer than 3 providers answered)',
      change: 'Not comparable',
    });
    expect(edi.regional).toMatchObject({
      percentYes: '75%',
      previous: 'Withheld (fewer than 3 providers answered)',
    });
    expect(slec.regional).toBeNull();
  });

  it('says when no self-assessment is counted yet', () => {
    const view = psaSummaryView({ ...national, assessmentsCounted: 0, indicators: [] }, null);
    expect(view.rows).toEqual([]);
    expect(view.summary).toBe('No self-assessments have been submitted for 2024 yet.');
  });
});
