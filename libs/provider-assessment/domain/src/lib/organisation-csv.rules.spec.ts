import { parseCsvRecords, parseOrganisationCsv } from './organisation-csv.rules';

describe('organisation CSV', () => {
  it('reads quoted fields with commas, quotes and line breaks, and reports first lines', () => {
    expect(parseCsvRecords('a,"b, ""c"""\r\n"multi\nline",d\n\n')).toEqual([
      { line: 1, fields: ['a', 'b, "c"'] },
      { line: 2, fields: ['multi\nline', 'd'] },
    ]);
  });

  it('refuses a file without the expected header', () => {
    expect(parseOrganisationCsv('ods,name\nRXX,x').rejections[0]).toMatchObject({ line: 1 });
  });

  it('attaches sites to their organisation and rejects an organisation with a bad site as a whole', () => {
    const parsed = parseOrganisationCsv(
      [
        'code,name,kind,roles,region,parent_code',
        'rxx,Good Trust,nhs trust,placement provider|education provider,london,',
        'RXX01,Main,,,,RXX',
        'RYY,Bad Site Trust,NHS_TRUST,PLACEMENT_PROVIDER,LONDON,',
        'RZZ01,Elsewhere,,,,RYY',
        'RQQ,No Roles,NHS_TRUST,,LONDON,',
        'RQQ01,Child of rejected,,,,RQQ',
      ].join('\n'),
    );
    expect(parsed.organisations).toHaveLength(1);
    expect(parsed.organisations[0].draft).toEqual({
      odsCode: 'RXX',
      name: 'Good Trust',
      kind: 'NHS_TRUST',
      roles: ['PLACEMENT_PROVIDER', 'EDUCATION_PROVIDER'],
      region: 'LONDON',
      sites: [{ code: 'RXX01', name: 'Main' }],
    });
    expect(parsed.rejections.map((r) => [r.line, r.code])).toEqual([
      [4, 'RYY'],
      [5, 'RZZ01'],
      [6, 'RQQ'],
      [7, 'RQQ01'],
    ]);
    expect(parsed.rejections[3].reasons[0]).toMatch(/Its organisation RQQ \(line 6\) was rejected/);
  });
});
