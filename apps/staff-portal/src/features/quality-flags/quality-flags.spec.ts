import { tableRows } from '../../tables/table-model';
import { resultCell } from '../../results/__fixtures__/result-cell';
import {
  describeFilters,
  filterOptions,
  parseQualityFlagFilters,
  qualityFlagVariables,
} from './quality-flags.filters';
import { concernOpenedBy, qualityFlagsTable, type Concern, type QualityFlag } from './quality-flags.view';

const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];
const MEASURES = ['supervision-quality', 'overall-experience'];

describe('the quality flags filters in the URL', () => {
  it('default to every colour in the latest released year', () => {
    const { filters, errors } = parseQualityFlagFilters({}, YEARS, MEASURES);
    expect(errors).toEqual([]);
    expect(filters).toEqual({ year: 2024, region: null, measure: null, colour: null, persistent: false });
    expect(qualityFlagVariables(filters!)).toEqual({
      year: 2024,
      regions: null,
      measures: null,
      flags: ['RED', 'PINK', 'LIGHT_GREEN', 'GREEN'],
    });
  });

  it('read every filter into the variables the graph is asked with, and mark the form as the URL has it', () => {
    const query = { year: '2023', region: 'LONDON', measure: 'supervision-quality', colour: 'PINK' };
    const { filters, errors } = parseQualityFlagFilters(query, YEARS, MEASURES);
    expect(errors).toEqual([]);
    expect(qualityFlagVariables(filters!)).toEqual({
      year: 2023,
      regions: ['LONDON'],
      measures: ['supervision-quality'],
      flags: ['PINK'],
    });
    expect(describeFilters(filters!, 'Quality of supervision')).toBe(
      'Pink flags in London on Quality of supervision in NETS 2023',
    );
    const options = filterOptions(
      filters,
      YEARS,
      [{ key: 'supervision-quality', title: 'Quality of supervision' }],
      ['LONDON'],
    );
    const selected = (items: Array<{ value: string; selected: boolean }>) =>
      items.filter((i) => i.selected).map((i) => i.value);
    expect([
      selected(options.years),
      selected(options.regions),
      selected(options.measures),
      selected(options.colours),
    ]).toEqual([['2023'], ['LONDON'], ['supervision-quality'], ['PINK']]);
    expect(options.colours.map((c) => c.text)).toContain('Pink ▽');
  });

  it('ask the graph for red flags only when persistent ones are wanted', () => {
    const { filters } = parseQualityFlagFilters({ persistent: 'yes', colour: 'GREEN' }, YEARS, MEASURES);
    expect(qualityFlagVariables(filters!).flags).toEqual(['RED']);
    expect(describeFilters(filters!, null)).toBe('Persistent red flags in NETS 2024');
  });

  it('name each value the page does not offer, next to its field, and filter by none of them', () => {
    const { filters, errors } = parseQualityFlagFilters(
      { year: '2025', region: 'ATLANTIS', measure: 'made-up', colour: 'BLUE', persistent: 'maybe' },
      YEARS,
      MEASURES,
    );
    expect(errors.map((e) => e.field)).toEqual(['year', 'region', 'measure', 'colour', 'persistent']);
    expect(filters).toEqual({ year: 2024, region: null, measure: null, colour: null, persistent: false });
  });

  it('have no year to show before any cycle is released', () => {
    expect(parseQualityFlagFilters({}, [], MEASURES).filters).toBeNull();
  });
});

const concern = (overrides: Partial<Concern>): Concern => ({
  id: 'c-1',
  reference: 'C-2025-000001',
  source: 'ANALYTICS_RED_FLAG',
  status: 'RAISED',
  description:
    'NETS 2024: RED outlier on supervision-quality (40% positive from 20 respondents; benchmark 84%).',
  organisation: { id: 'org-1' },
  ...overrides,
});

describe('the concern a flag opened', () => {
  it('is the triage concern that names the organisation, cycle and measure', () => {
    const concerns = [
      concern({ id: 'other-year', description: 'NETS 2023: RED outlier on supervision-quality (…)' }),
      concern({ id: 'longer-key', description: 'NETS 2024: RED outlier on supervision-quality-extra (…)' }),
      concern({ id: 'learner', source: 'LEARNER_SERIOUS_CONCERN' }),
      concern({ id: 'match', source: 'ANALYTICS_PERSISTENT_RED_FLAG' }),
    ];
    expect(concernOpenedBy(concerns, 'org-1', 2024, 'supervision-quality')?.id).toBe('match');
    expect(concernOpenedBy(concerns, 'org-2', 2024, 'supervision-quality')).toBeNull();
  });
});

const flag = (
  organisationId: string,
  overrides: Partial<QualityFlag> = {},
  result: Parameters<typeof resultCell>[0] = {},
): QualityFlag => ({
  persistent: false,
  consecutiveRedYears: 0,
  ...overrides,
  result: resultCell({
    measureKey: 'supervision-quality',
    measureTitle: 'Quality of supervision',
    flag: 'RED',
    percentPositive: 40,
    respondents: 20,
    interval: { lower: 0.219, upper: 0.613 },
    benchmark: { national: 84.1, learnerGroup: null },
    ...result,
    group: { table: 'ORGANISATION', region: 'LONDON', organisationId },
  }),
});

describe('the quality flags table', () => {
  const organisations = new Map([
    ['11111111-1111-4111-8111-111111111111', { name: 'Penmouth Hospitals NHS Trust', odsCode: 'R2S' }],
    ['22222222-2222-4222-8222-222222222222', { name: 'Avon Vale NHS Trust', odsCode: 'R3A' }],
  ]);
  const [penmouth, avon] = [...organisations.keys()];
  const options = {
    year: 2024,
    caption: 'Flags in NETS 2024',
    persistentOnly: false,
    showRegion: true,
    organisations,
  };

  it("links each flag to its organisation's dashboard and to the concern a red flag opened", () => {
    const table = qualityFlagsTable([flag(penmouth)], {
      ...options,
      concerns: [concern({ organisation: { id: penmouth } })],
    });
    expect(tableRows(table)).toEqual([
      [
        'Organisation',
        'Region',
        'Measure',
        'Learner group',
        'Percent positive (%)',
        'Benchmark (%)',
        'Flag',
        'Persistent risk',
        'Concern opened',
      ],
      [
        'Penmouth Hospitals NHS Trust (R2S)',
        'London',
        'Quality of supervision',
        'All learners',
        40,
        84.1,
        'Red',
        'No',
        'C-2025-000001 (raised)',
      ],
    ]);
    expect(table.rows[0]?.['organisation']?.href).toBe(
      `/provider-dashboard/${penmouth}?year=2024&measure=supervision-quality`,
    );
    expect(table.rows[0]?.['concern']?.href).toBe('/quality-flags/concerns/c-1');
    expect(table.rows[0]?.['flag']?.badge).toMatchObject({ label: 'Red', shape: '▼' });
  });

  it('keeps persistent flags first, and only them when asked', () => {
    const flags = [
      flag(penmouth, {}, { flag: 'GREEN' }),
      flag(avon, { persistent: true, consecutiveRedYears: 2 }),
    ];
    expect(
      qualityFlagsTable(flags, { ...options, concerns: [] }).rows.map((r) => r['persistent']?.text),
    ).toEqual(['Yes, red 2 cycles running', 'No']);
    expect(qualityFlagsTable(flags, { ...options, persistentOnly: true, concerns: [] }).rows).toHaveLength(1);
  });

  it('leaves out the concern column for a reader the concerns service does not answer, and the region for one region', () => {
    const table = qualityFlagsTable([flag(penmouth)], { ...options, showRegion: false, concerns: null });
    expect(table.columns.map((c) => c.key)).toEqual([
      'organisation',
      'measure',
      'learnerGroup',
      'percent',
      'benchmark',
      'flag',
      'persistent',
    ]);
    expect(tableRows(table)[1]).toHaveLength(7);
  });

  it('links no concern to a flag that is not red', () => {
    const table = qualityFlagsTable([flag(penmouth, {}, { flag: 'PINK' })], {
      ...options,
      concerns: [concern({ organisation: { id: penmouth } })],
    });
    expect(table.rows[0]?.['concern']).toEqual({ text: 'None' });
  });
});
