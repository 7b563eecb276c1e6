import {
  providerDashboardView,
  providerTrendView,
  type ProviderDashboardData,
} from './provider-dashboard.view';
import { cellView, type ResultCell } from './result-cell.view';

const published: ResultCell = {
  suppressed: false,
  suppressionReason: null,
  noData: false,
  respondents: 40,
  percentPositive: 62.5,
  interval: { lower: 0.469, upper: 0.758 },
  benchmark: { national: 84.2, learnerGroup: null },
  flag: 'RED',
};
const withheld: ResultCell = {
  ...published,
  suppressed: true,
  suppressionReason: 'COMPLEMENTARY',
  respondents: null,
  percentPositive: null,
  interval: null,
  flag: 'SUPPRESSED',
};

const result = (measureKey: string, cell: ResultCell, siteId: string | null = null, year = 2024) => ({
  ...cell,
  year,
  measureKey,
  measureTitle: measureKey === 'supervision-quality' ? 'Quality of supervision' : 'Overall experience',
  group: { siteId, learnerGroup: null },
});

const data: ProviderDashboardData = {
  organisation: {
    id: 'org-1',
    name: 'Penmouth Hospitals NHS Trust',
    odsCode: 'R2S',
    region: 'LONDON',
    sites: [
      { id: 'site-b', code: 'R2S02', name: 'Penmouth West' },
      { id: 'site-a', code: 'R2S01', name: 'Penmouth General' },
    ],
    netsResults: [result('supervision-quality', published), result('overall-experience', withheld)],
  },
  qualityFlags: [
    {
      persistent: true,
      consecutiveRedYears: 3,
      result: {
        measureKey: 'supervision-quality',
        measureTitle: 'Quality of supervision',
        flag: 'RED',
        percentPositive: 62.5,
        group: { learnerGroup: null },
      },
    },
    {
      persistent: false,
      consecutiveRedYears: 0,
      result: {
        measureKey: 'overall-experience',
        measureTitle: 'Overall experience',
        flag: 'LIGHT_GREEN',
        percentPositive: 90,
        group: { learnerGroup: 'NURSING' },
      },
    },
  ],
  siteResults: [
    result('supervision-quality', withheld, 'site-b'),
    result('supervision-quality', published, 'site-a'),
    result('overall-experience', published, 'site-a'),
  ],
};

describe('a result cell', () => {
  it('shows a withheld cell as withheld with its reason, never as a number', () => {
    const view = cellView(withheld);
    expect(view).toMatchObject({ state: 'withheld', result: 'Withheld', interval: '', respondents: '' });
    expect(view.withheldReason).toMatch(/fewer than 3 respondents/);
    expect(view.flag).toBeNull();
  });

  it('shows a published cell with its interval as percentages and its flag in words and a shape', () => {
    const view = cellView(published);
    expect(view).toMatchObject({
      state: 'published',
      result: '62.5%',
      interval: '46.9% to 75.8%',
      respondents: '40',
      benchmark: '84.2%',
    });
    expect(view.flag).toMatchObject({ label: 'Red', shape: '▼' });
  });

  it('says a cell without responses has none rather than 0%', () => {
    const view = cellView({
      ...published,
      noData: true,
      respondents: 0,
      percentPositive: null,
      interval: null,
    });
    expect(view).toMatchObject({ state: 'no-data', result: 'No responses' });
  });
});

describe('the provider dashboard', () => {
  it('is nothing when the graph has no such organisation', () => {
    expect(providerDashboardView({ ...data, organisation: null }, 2024, undefined)).toBeNull();
  });

  it('lists every measure with the persistent risk the graph reports for the whole organisation', () => {
    const view = providerDashboardView(data, 2024, undefined);
    expect(view?.organisation).toEqual({
      id: 'org-1',
      name: 'Penmouth Hospitals NHS Trust',
      odsCode: 'R2S',
      region: 'London',
    });
    expect(view?.measures.map((m) => [m.title, m.cell.result, m.persistentRedYears])).toEqual([
      ['Quality of supervision', '62.5%', 3],
      ['Overall experience', 'Withheld', null],
    ]);
    expect(view?.withheldMeasures).toBe(1);
  });

  it('counts the flags by colour and names the learner group of each', () => {
    const view = providerDashboardView(data, 2024, undefined);
    expect(view?.flagCounts.map((c) => [c.flag.code, c.count])).toEqual([
      ['RED', 1],
      ['PINK', 0],
      ['LIGHT_GREEN', 1],
      ['GREEN', 0],
    ]);
    expect(view?.flags.map((f) => [f.measureTitle, f.learnerGroup, f.flag.label])).toEqual([
      ['Quality of supervision', 'All learners', 'Red'],
      ['Overall experience', 'NURSING', 'Light green'],
    ]);
    expect(view?.persistentRisks).toHaveLength(1);
  });

  it("shows the selected measure's sites by name, withheld sites included", () => {
    const view = providerDashboardView(data, 2024, 'supervision-quality');
    expect(view?.selectedMeasure).toEqual({ key: 'supervision-quality', title: 'Quality of supervision' });
    expect(view?.sites.map((s) => [s.siteName, s.siteCode, s.cell.result])).toEqual([
      ['Penmouth General', 'R2S01', '62.5%'],
      ['Penmouth West', 'R2S02', 'Withheld'],
    ]);
    expect(view?.measureOptions.filter((o) => o.selected).map((o) => o.value)).toEqual([
      'supervision-quality',
    ]);
  });

  it('selects nothing for a measure the organisation has no result on', () => {
    const view = providerDashboardView(data, 2024, 'not-a-measure');
    expect(view?.selectedMeasure).toBeNull();
    expect(view?.sites).toEqual([]);
  });
});

describe("the organisation's trend", () => {
  it('summarises the first and last published years and counts the withheld ones', () => {
    const trend = [
      result('supervision-quality', { ...published, percentPositive: 70.1 }, null, 2019),
      result('supervision-quality', withheld, null, 2020),
      result('supervision-quality', published, null, 2024),
    ];
    const view = providerTrendView('Penmouth Hospitals NHS Trust', 'Quality of supervision', trend);
    expect(view.points.map((p) => [p.year, p.cell.result])).toEqual([
      [2019, '70.1%'],
      [2020, 'Withheld'],
      [2024, '62.5%'],
    ]);
    expect(view.summary).toBe(
      'Quality of supervision at Penmouth Hospitals NHS Trust: 70.1% positive in 2019 and 62.5% in 2024. 1 of 3 years is withheld to protect small groups.',
    );
  });

  it('says so when every year is withheld', () => {
    const view = providerTrendView('Penmouth', 'Quality of supervision', [
      result('supervision-quality', withheld, null, 2023),
    ]);
    expect(view.summary).toMatch(/Every year's result .* is withheld/);
  });
});
