import type { StaffPortalProviderDashboardQuery } from '../../__generated__/graphql';
import { tableRows } from '../../tables/table-model';
import { resultCell, withheldCell } from '../../results/__fixtures__/result-cell';
import { providerDashboardView, providerTrendFigure, sitesTable } from './provider-dashboard.view';

const ORG = { table: 'ORGANISATION' as const, region: 'LONDON' as const, organisationId: 'org-1' };
const supervision = { measureKey: 'supervision-quality', measureTitle: 'Quality of supervision' };
const published = resultCell({
  ...supervision,
  group: ORG,
  percentPositive: 62.5,
  respondents: 40,
  flag: 'RED',
  benchmark: { national: 84.2, learnerGroup: null },
  interval: { lower: 0.469, upper: 0.758 },
});
const withheld = {
  ...withheldCell(ORG),
  measureKey: 'overall-experience',
  measureTitle: 'Overall experience',
};

const data: StaffPortalProviderDashboardQuery = {
  organisation: {
    id: 'org-1',
    name: 'Penmouth Hospitals NHS Trust',
    odsCode: 'R2S',
    region: 'LONDON',
    sites: [
      { id: 'site-b', code: 'R2S02', name: 'Penmouth West' },
      { id: 'site-a', code: 'R2S01', name: 'Penmouth General' },
    ],
    netsResults: [published, withheld],
  },
  qualityFlags: [
    { persistent: true, consecutiveRedYears: 3, result: published },
    {
      persistent: false,
      consecutiveRedYears: 0,
      result: resultCell({
        measureTitle: 'Overall experience',
        flag: 'LIGHT_GREEN',
        group: { ...ORG, learnerGroup: 'Nursing' },
      }),
    },
  ],
};

const siteResults = [
  { ...withheldCell({ ...ORG, table: 'SITE', siteId: 'site-b' }), ...supervision },
  resultCell({ ...supervision, group: { ...ORG, table: 'SITE', siteId: 'site-a' }, percentPositive: 70 }),
  resultCell({ measureKey: 'overall-experience', group: { ...ORG, table: 'SITE', siteId: 'site-a' } }),
];

describe('the provider dashboard', () => {
  it('is nothing when the graph has no such organisation', () => {
    expect(providerDashboardView({ ...data, organisation: null }, 2024, undefined)).toBeNull();
  });

  it('lists every measure as the graph answered it: withheld as withheld, the persistent risk beside it', () => {
    const view = providerDashboardView(data, 2024, undefined);
    expect(view?.organisation).toEqual({
      id: 'org-1',
      name: 'Penmouth Hospitals NHS Trust',
      odsCode: 'R2S',
      region: 'London',
    });
    expect(tableRows(view!.measures)).toEqual([
      [
        'Measure',
        'Percent positive (%)',
        '95% interval (%)',
        'Respondents',
        'Benchmark (%)',
        'Flag',
        'Persistent risk',
      ],
      ['Quality of supervision', 62.5, '46.9 to 75.8', 40, 84.2, 'Red', 'Yes, red 3 cycles running'],
      ['Overall experience', 'Withheld', 'Withheld', 'Withheld', 86.9, 'Withheld', 'No'],
    ]);
    expect(view?.summary).toBe(
      '1 of 2 measures published for Penmouth Hospitals NHS Trust in 2024; 1 withheld to protect small groups; 1 red flag, 1 persistent.',
    );
  });

  it('counts the flags by colour, in words and shapes, and names the learner group of each', () => {
    const view = providerDashboardView(data, 2024, undefined);
    expect(view?.flagCounts.map((c) => [c.label, c.shape, c.count])).toEqual([
      ['Red', '▼', 1],
      ['Pink', '▽', 0],
      ['Light green', '△', 1],
      ['Green', '▲', 0],
    ]);
    expect(tableRows(view!.flags).slice(1)).toEqual([
      ['Quality of supervision', 'All learners', 'Red', 'Yes, red 3 cycles running'],
      ['Overall experience', 'Nursing', 'Light green', 'No'],
    ]);
    expect(view?.persistentRisks).toEqual([
      { measureTitle: 'Quality of supervision', learnerGroup: 'All learners', consecutiveRedYears: 3 },
    ]);
  });

  it("shows the selected measure's sites by name, withheld sites included", () => {
    const view = providerDashboardView(data, 2024, 'supervision-quality');
    expect(view?.selectedMeasure).toEqual({ key: 'supervision-quality', title: 'Quality of supervision' });
    expect(
      tableRows(sitesTable(view!.sites, siteResults, view!.selectedMeasure!, 2024))
        .slice(1)
        .map((row) => row.slice(0, 2)),
    ).toEqual([
      ['Penmouth General (R2S01)', 70],
      ['Penmouth West (R2S02)', 'Withheld'],
    ]);
    expect(view?.measureOptions.filter((o) => o.selected).map((o) => o.value)).toEqual([
      'supervision-quality',
    ]);
  });

  it('draws only the published measures and leaves the withheld ones to the table', () => {
    const view = providerDashboardView(data, 2024, undefined);
    expect(view?.measuresChart?.summary).toMatch(/^1 published measure with its 95% intervals/);
    expect(view?.measuresChart?.table).toEqual(view?.measures);
  });

  it('selects nothing for a measure the organisation has no result on', () => {
    const view = providerDashboardView(data, 2024, 'not-a-measure');
    expect(view?.selectedMeasure).toBeNull();
    expect(view?.measureOptions.some((o) => o.selected)).toBe(false);
  });
});

describe("the organisation's trend", () => {
  const measure = { key: 'supervision-quality', title: 'Quality of supervision' };
  const year = (y: number, percentPositive: number) =>
    resultCell({
      ...supervision,
      year: y,
      percentPositive,
      group: ORG,
      benchmark: { national: 80 + y - 2019, learnerGroup: null },
    });

  it('says the first and last published years, counts the withheld ones and tabulates every year', () => {
    const trend = [year(2024, 62.5), { ...withheldCell(ORG), ...supervision, year: 2020 }, year(2019, 70.1)];
    const figure = providerTrendFigure('Penmouth', measure, trend);
    expect(figure.summary).toBe(
      'Quality of supervision: Penmouth went from 70.1% positive in 2019 to 62.5% in 2024. 1 of 3 years are withheld.',
    );
    expect(
      tableRows(figure.table)
        .slice(1)
        .map((row) => row.slice(0, 2)),
    ).toEqual([
      ['2019', 70.1],
      ['2020', 'Withheld'],
      ['2024', 62.5],
    ]);
  });

  it('says so when every year is withheld', () => {
    const figure = providerTrendFigure('Penmouth', measure, [{ ...withheldCell(ORG), ...supervision }]);
    expect(figure.summary).toMatch(/every year's result for Penmouth is withheld/);
  });
});
