import {
  BREAKDOWNS,
  breakdownsFor,
  explorerHref,
  graphFilter,
  parseExplorerFilters,
  tableFor,
} from './explorer-filters';

const CHOICES = {
  years: [2023, 2024],
  measures: ['overall-experience', 'induction'],
  learnerGroups: [{ code: 'NURSING', professions: [{ code: 'ADULT_NURSING' }] }],
  organisationIds: new Set(['org-1', 'org-2']),
};
const ANALYST = { role: 'NATIONAL_ANALYST' as const };

describe('explorer filters from the address', () => {
  it('defaults to the latest released year, the first measure, by region', () => {
    expect(parseExplorerFilters({}, CHOICES, ANALYST)).toEqual({
      filters: { year: 2024, measure: 'overall-experience', by: 'region' },
      errors: [],
      notForRole: false,
    });
  });

  it('sends a provider asking for regions to the not-available page, and offers each role only its breakdowns', () => {
    const provider = { role: 'PROVIDER_USER' as const, organisationId: 'org-1' };
    expect(parseExplorerFilters({ by: 'region' }, CHOICES, provider).notForRole).toBe(true);
    expect(parseExplorerFilters({ by: 'site' }, CHOICES, provider)).toMatchObject({
      filters: { by: 'site', organisationId: 'org-1' },
      notForRole: false,
    });
    expect(parseExplorerFilters({ by: 'learner-group' }, CHOICES, provider).notForRole).toBe(false);
    const team = { role: 'QUALITY_TEAM' as const, region: 'LONDON' as const };
    expect(parseExplorerFilters({ by: 'region' }, CHOICES, team)).toMatchObject({
      filters: { by: 'region', region: 'LONDON' },
      notForRole: false,
    });
    expect(breakdownsFor('PROVIDER_USER')).not.toContain('region');
    expect(breakdownsFor('EDUCATION_PROVIDER_USER')).not.toContain('region');
    for (const role of ['QUALITY_TEAM', 'NATIONAL_ANALYST', 'ADMIN'] as const)
      expect(breakdownsFor(role)).toEqual(BREAKDOWNS);
  });

  it('reads every filter and gives the address back', () => {
    const query = {
      year: '2023',
      measure: 'induction',
      by: 'organisation',
      region: 'LONDON',
      learnerGroup: 'NURSING',
    };
    const { filters, errors } = parseExplorerFilters(query, CHOICES, ANALYST);
    expect(errors).toEqual([]);
    expect(explorerHref(filters)).toBe(
      '/explorer?year=2023&measure=induction&by=organisation&region=LONDON&learnerGroup=NURSING',
    );
    expect(tableFor(filters)).toEqual({
      table: 'ORGANISATION_BY_LEARNER_GROUP',
      groupBy: ['ORGANISATION', 'LEARNER_GROUP'],
    });
    expect(graphFilter(filters)).toEqual({ regions: ['LONDON'], learnerGroups: ['NURSING'] });
  });

  it('names each bad value in an error instead of guessing', () => {
    const { errors } = parseExplorerFilters(
      {
        year: '2019',
        measure: 'nope',
        by: 'postcode',
        region: 'WALES',
        learnerGroup: 'X',
        organisation: 'org-9',
      },
      CHOICES,
      ANALYST,
    );
    expect(errors.map((e) => e.field)).toEqual([
      'year',
      'measure',
      'by',
      'region',
      'learnerGroup',
      'organisation',
    ]);
  });

  it('refuses a combination the graph keeps no table for (sites by learner group)', () => {
    const { errors } = parseExplorerFilters({ by: 'site', learnerGroup: 'NURSING' }, CHOICES, ANALYST);
    expect(errors).toEqual([{ field: 'by', message: expect.stringContaining('cannot be narrowed') }]);
  });

  it("fills a scoped user's own organisation or region, and passes another organisation on to the graph", () => {
    const provider = { role: 'PROVIDER_USER' as const, organisationId: 'org-1' };
    expect(parseExplorerFilters({}, CHOICES, provider).filters).toEqual({
      year: 2024,
      measure: 'overall-experience',
      by: 'site',
      organisationId: 'org-1',
    });
    // Not in the registry the portal knows, and not theirs: the graph's refusal decides, not the form.
    expect(
      parseExplorerFilters({ organisation: 'org-elsewhere' }, CHOICES, provider).filters.organisationId,
    ).toBe('org-elsewhere');
    const team = { role: 'QUALITY_TEAM' as const, region: 'LONDON' as const };
    expect(parseExplorerFilters({}, CHOICES, team).filters).toMatchObject({
      by: 'organisation',
      region: 'LONDON',
    });
  });
});
