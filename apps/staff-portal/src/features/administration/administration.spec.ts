import {
  parseExpectedRespondents,
  parseNewCycle,
  parseRegistration,
  parseSites,
} from './administration.forms';
import {
  cycleActions,
  cyclesTable,
  importPreview,
  splitCsvLine,
  type AdminCycle,
} from './administration.view';

const release = {
  year: 2027,
  status: 'NOT_RELEASED' as const,
  releasedAt: null,
  respondents: null,
  lateResponses: 0,
};

function cycle(overrides: Partial<AdminCycle> = {}): AdminCycle {
  return {
    year: 2027,
    name: 'NETS 2027',
    status: 'DRAFT',
    opensAt: '2027-01-01T00:00:00.000Z',
    closesAt: '2027-03-01T23:59:59.000Z',
    openedAt: null,
    closedAt: null,
    imported: false,
    questionnaire: null,
    questionnaires: [],
    overrides: [],
    resultsRelease: release,
    ...overrides,
  };
}

describe('survey administration', () => {
  it('reads a new cycle, naming each missing or impossible part next to its field', () => {
    expect(
      parseNewCycle({
        year: '2027',
        name: ' NETS 2027 ',
        'opensAt-day': '1',
        'opensAt-month': '2',
        'opensAt-year': '2027',
        'closesAt-day': '31',
        'closesAt-month': '3',
        'closesAt-year': '2027',
      }),
    ).toEqual({
      input: {
        year: 2027,
        name: 'NETS 2027',
        opensAt: '2027-02-01T00:00:00.000Z',
        closesAt: '2027-03-31T23:59:59.000Z',
      },
      errors: [],
    });
    const { input, errors } = parseNewCycle({
      year: '27',
      'opensAt-day': '30',
      'opensAt-month': '2',
      'opensAt-year': '2027',
    });
    expect(input).toBeNull();
    expect(errors).toEqual([
      { field: 'year', message: 'Enter the cycle year as 4 digits, like 2027' },
      { field: 'name', message: 'Enter the cycle name' },
      { field: 'opensAt-day', message: 'The opening date must be a real date' },
      { field: 'closesAt-day', message: 'Enter the closing date' },
    ]);
  });

  it('reads the expected respondents as empty or a whole number', () => {
    expect(parseExpectedRespondents({ expectedRespondents: '' })).toEqual({ input: null, errors: [] });
    expect(parseExpectedRespondents({ expectedRespondents: '1,250' })).toEqual({ input: 1250, errors: [] });
    expect(parseExpectedRespondents({ expectedRespondents: '12.5' }).errors).toHaveLength(1);
  });

  it('reads an organisation with its sites one a line, and names what is missing', () => {
    expect(
      parseRegistration({
        odsCode: 'rxx',
        name: 'Riverside NHS Trust',
        kind: 'NHS_TRUST',
        roles: ['PLACEMENT_PROVIDER', 'EDUCATION_PROVIDER'],
        region: 'LONDON',
        sites: 'RXX01, Riverside General\n\nRXX02,Riverside, North wing',
      }).input,
    ).toEqual({
      odsCode: 'RXX',
      name: 'Riverside NHS Trust',
      kind: 'NHS_TRUST',
      roles: ['PLACEMENT_PROVIDER', 'EDUCATION_PROVIDER'],
      region: 'LONDON',
      sites: [
        { code: 'RXX01', name: 'Riverside General' },
        { code: 'RXX02', name: 'Riverside, North wing' },
      ],
    });
    expect(parseRegistration({ roles: 'NOPE', region: 'MARS' }).errors.map((e) => e.field)).toEqual([
      'odsCode',
      'kind',
      'name',
      'roles',
      'region',
    ]);
    expect(parseSites('RXX01').error?.field).toBe('sites');
  });

  it('offers each command only in the state that can take it', () => {
    expect(cycleActions(cycle())).toEqual({
      startDraft: true,
      publish: false,
      open: true,
      reopen: false,
      close: false,
      release: false,
    });
    const withDraft = cycle({
      questionnaires: [
        { id: 'q', version: null, status: 'DRAFT', title: 'T', publishedAt: null, sections: [] },
      ],
    });
    expect(cycleActions(withDraft)).toMatchObject({ startDraft: false, publish: true });
    expect(cycleActions(cycle({ status: 'OPEN' }))).toMatchObject({
      open: false,
      close: true,
      release: false,
    });
    expect(cycleActions(cycle({ status: 'CLOSED' }))).toMatchObject({
      reopen: true,
      release: true,
      startDraft: false,
    });
    expect(
      cycleActions(
        cycle({ status: 'CLOSED', resultsRelease: { ...release, status: 'RELEASED', respondents: 9 } }),
      ),
    ).toMatchObject({ reopen: false, release: false });
  });

  it('says a count analytics withholds is withheld, never 0', () => {
    const table = cyclesTable([{ ...cycle(), resultsRelease: release }]);
    expect(table.rows[0]['respondents']).toEqual({
      text: 'Fewer than 3 (withheld)',
      value: null,
      withheld: true,
    });
    expect(table.rows[0]['year']?.href).toBe('/administration/cycles/2027');
  });

  it('splits CSV lines on commas outside quotes', () => {
    expect(splitCsvLine('RXX,"Riverside, ""North"" NHS Trust",NHS_TRUST')).toEqual([
      'RXX',
      'Riverside, "North" NHS Trust',
      'NHS_TRUST',
    ]);
  });

  it('previews every row with the dry run’s outcome, and offers to apply only when none is rejected', () => {
    const csv =
      'code,name,kind,roles,region,parent_code\nRXX,Riverside,NHS_TRUST,PLACEMENT_PROVIDER,LONDON,\nRXX01,Ward,,,,ZZZ\n';
    const preview = importPreview(csv, {
      committed: false,
      registered: 1,
      updated: 0,
      unchanged: 0,
      rejected: [{ line: 3, code: 'RXX01', reasons: ['parent_code ZZZ is not registered'] }],
    });
    expect(preview.canApply).toBe(false);
    expect(
      preview.read.rows.map((row) => [row['line']?.text, row['what']?.text, row['outcome']?.text]),
    ).toEqual([
      ['2', 'Organisation', 'Accepted'],
      ['3', 'Site of ZZZ', 'Rejected: parent_code ZZZ is not registered'],
    ]);
    expect(preview.counts.caption).toBe('What the import would change');
    expect(
      importPreview(csv.split('\n').slice(0, 2).join('\n'), {
        ...{ committed: false, registered: 1, updated: 0, unchanged: 0 },
        rejected: [],
      }).canApply,
    ).toBe(true);
  });
});
