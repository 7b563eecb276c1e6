import { odsCodeProblem, siteCodeProblem } from './ods-code.rules';

describe('ODS code rules', () => {
  it.each([
    ['NHS_TRUST', 'RXX'],
    ['NHS_TRUST', 'R0A'],
    ['FOUNDATION_TRUST', 'TAD'],
    ['GP_PRACTICE', 'A81001'],
    ['DENTAL_PRACTICE', 'V00123'],
    ['COMMUNITY_PHARMACY', 'FA123'],
    ['INDEPENDENT_SECTOR', 'NT3'],
    ['HOSPICE', 'NQ1'],
    ['LOCAL_AUTHORITY', '802'],
    ['UNIVERSITY', '10007774'],
    ['FURTHER_EDUCATION_COLLEGE', '10001234'],
    ['OTHER', 'EE123456'],
  ] as const)('accepts %s code %s', (kind, code) => {
    expect(odsCodeProblem(kind, code)).toBeUndefined();
  });

  it.each([
    ['NHS_TRUST', 'XYZ'],
    ['NHS_TRUST', 'RXXX'],
    ['GP_PRACTICE', 'A8100'],
    ['GP_PRACTICE', '181001'],
    ['DENTAL_PRACTICE', 'A00123'],
    ['COMMUNITY_PHARMACY', 'F123'],
    ['LOCAL_AUTHORITY', 'E08'],
    ['UNIVERSITY', '20007774'],
  ] as const)('rejects %s code %s with an example', (kind, code) => {
    expect(odsCodeProblem(kind, code)).toMatch(/is not a valid code .* \(like /);
  });

  it('wants 5-character sites that start with a 3-character organisation code', () => {
    expect(siteCodeProblem('RXX', 'RXX01')).toBeUndefined();
    expect(siteCodeProblem('RXX', 'RYY01')).toMatch(/must start with/);
    expect(siteCodeProblem('RXX', 'RXX1')).toMatch(/5 letters or digits/);
    expect(siteCodeProblem('A81001', 'B8100')).toBeUndefined();
  });
});
