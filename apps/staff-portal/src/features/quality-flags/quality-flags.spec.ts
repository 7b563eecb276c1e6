import {
  describeFilters,
  parseQualityFlagFilters,
  qualityFlagQueryString,
  qualityFlagVariables,
} from './quality-flags.filters';
import {
  concernOpenedBy,
  qualityFlagRows,
  type ConcernData,
  type QualityFlagData,
} from './quality-flags.view';

const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];
const MEASURES = ['supervision-quality', 'overall-experience'];

describe('the quality flags filters in the URL', () => {
  it('default to every colour in the latest released year', () => {
    const { filters, errors } = parseQualityFlagFilters({}, YEARS, MEASURES);
    expect(errors).toEqual([]);
    expect(filters).toEqual({ year: 2024, region: null, measure: null, colour: null, persistent: false });
    expect(qualityFlagVariables(filters)).toEqual({
      year: 2024,
      regions: null,
      measures: null,
      flags: ['RED', 'PINK', 'LIGHT_GREEN', 'GREEN'],
    });
  });

  it('read every filter and write the same query string back', () => {
    const query = { year: '2023', region: 'LONDON', measure: 'supervision-quality', colour: 'PINK' };
    const { filters, errors } = parseQualityFlagFilters(query, YEARS, MEASURES);
    expect(errors).toEqual([]);
    expect(qualityFlagQueryString(filters)).toBe(
      'year=2023&region=LONDON&measure=supervision-quality&colour=PINK',
    );
    expect(qualityFlagVariables(filters)).toEqual({
      year: 2023,
      regions: ['LONDON'],
      measures: ['supervision-quality'],
      flags: ['PINK'],
    });
    expect(describeFilters(filters, 'Quality of supervision')).toBe(
      'Pink flags in London on Quality of supervision in NETS 2023',
    );
  });

  it('ask the graph for red flags only when persistent ones are wanted', () => {
    const { filters } = parseQualityFlagFilters({ persistent: 'yes', colour: 'GREEN' }, YEARS, MEASURES);
    expect(qualityFlagVariables(filters).flags).toEqual(['RED']);
    expect(describeFilters(filters, null)).toBe('Persistent red flags in NETS 2024');
  });

  it('name each value the page does not offer and apply none of them', () => {
    const { filters, errors } = parseQualityFlagFilters(
      { year: '2025', region: 'ATLANTIS', measure: 'made-up', colour: 'BLUE', persistent: 'maybe' },
      YEARS,
      MEASURES,
    );
    expect(errors.map((e) => e.field)).toEqual(['year', 'region', 'measure', 'colour', 'persistent']);
    expect(filters).toEqual({ year: 2024, region: null, measure: null, colour: null, persistent: false });
  });
});

const concern = (overrides: Partial<ConcernData>): ConcernData => ({
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
      concern({ id: 'prefix', description: 'NETS 2024: RED outlier on supervision-quality-extra (…)' }),
      concern({ id: 'learner', source: 'LEARNER_SERIOUS_CONCERN' }),
      concern({ id: 'match', source: 'ANALYTICS_PERSISTENT_RED_FLAG' }),
    ];
    expect(concernOpenedBy(concerns, 'org-1', 2024, 'supervision-quality')?.id).toBe('match');
    expect(concernOpenedBy(concerns, 'org-2', 2024, 'supervision-quality')).toBeNull();
  });
});

const flag = (
  overrides: Partial<QualityFlagData> & { flag?: string; organisationId?: string },
): QualityFlagData => ({
  persistent: overrides.persistent ?? false,
  consecutiveRedYears: overrides.consecutiveRedYears ?? 0,
  result: {
    measureKey: 'supervision-quality',
    measureTitle: 'Quality of supervision',
    flag: overrides.flag ?? 'RED',
    suppressed: false,
    suppressionReason: null,
    noData: false,
    respondents: 20,
    percentPositive: 40,
    interval: { lower: 0.219, upper: 0.613 },
    benchmark: { national: 84.1, learnerGroup: null },
    group: { region: 'LONDON', organisationId: overrides.organisationId ?? 'org-1', learnerGroup: null },
  },
});

describe('the quality flags rows', () => {
  const organisations = new Map([
    ['org-1', { name: 'Penmouth Hospitals NHS Trust', odsCode: 'R2S' }],
    ['org-2', { name: 'Avon Vale NHS Trust', odsCode: 'R3A' }],
  ]);

  it('name the organisation, show the flag in words and link the concern a red flag opened', () => {
    const rows = qualityFlagRows([flag({})], {
      year: 2024,
      persistentOnly: false,
      organisations,
      concerns: [concern({})],
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      organisationId: 'org-1',
      organisationName: 'Penmouth Hospitals NHS Trust',
      odsCode: 'R2S',
      region: 'London',
      learnerGroup: 'All learners',
      concern: { id: 'c-1', reference: 'C-2025-000001', status: 'RAISED' },
    });
    expect(rows[0].flag?.label).toBe('Red');
    expect(rows[0].cell).toMatchObject({ result: '40.0%', interval: '21.9% to 61.3%', benchmark: '84.1%' });
  });

  it('keep persistent flags first, and only them when asked', () => {
    const flags = [
      flag({ organisationId: 'org-1', flag: 'GREEN' }),
      flag({ organisationId: 'org-2', persistent: true, consecutiveRedYears: 2 }),
    ];
    const all = qualityFlagRows(flags, { year: 2024, persistentOnly: false, organisations, concerns: [] });
    expect(all.map((r) => [r.organisationName, r.flag?.code, r.persistent])).toEqual([
      ['Avon Vale NHS Trust', 'RED', true],
      ['Penmouth Hospitals NHS Trust', 'GREEN', false],
    ]);
    const persistent = qualityFlagRows(flags, {
      year: 2024,
      persistentOnly: true,
      organisations,
      concerns: [],
    });
    expect(persistent.map((r) => r.consecutiveRedYears)).toEqual([2]);
  });

  it('link no concern to a flag that is not red', () => {
    const rows = qualityFlagRows([flag({ flag: 'PINK' })], {
      year: 2024,
      persistentOnly: false,
      organisations,
      concerns: [concern({})],
    });
    expect(rows[0].concern).toBeNull();
  });
});
