import { findNhsNumbers, isValidNhsNumber } from './nhs-number.rule';

describe('isValidNhsNumber', () => {
  it.each(['9434765919', '943 476 5919', '943-476-5919', '4010232137', '6369661872'])(
    'accepts %s',
    (digits) => {
      expect(isValidNhsNumber(digits)).toBe(true);
    },
  );

  it.each([
    ['a wrong check digit', '9434765918'],
    ['a check digit that would be 10', '1000000010'],
    ['nine digits', '943476591'],
    ['eleven digits', '94347659190'],
    ['letters', '943476591A'],
    ['one digit repeated', '0000000000'],
    ['other separators', '943/476/5919'],
  ])('rejects %s', (_, digits) => {
    expect(isValidNhsNumber(digits)).toBe(false);
  });
});

describe('findNhsNumbers', () => {
  it('finds a checksummed number anywhere, grouped or not', () => {
    const text = 'patient 943 476 5919 and 8737152270 today';
    expect(findNhsNumbers(text).map((c) => text.slice(c.start, c.end))).toEqual([
      '943 476 5919',
      '8737152270',
    ]);
  });

  it('removes a number that fails the check only when it is called an NHS number, and asks for review', () => {
    const [found] = findNhsNumbers('The patient (NHS no. 485 777 3456) was discharged.');
    expect(found).toMatchObject({
      type: 'NHS_NUMBER',
      confidence: 'guess',
      reviewReason: expect.stringContaining('modulus-11'),
    });
    expect(findNhsNumbers('Reference 485 777 3456 was closed.')).toEqual([]);
  });

  it('does not take ten digits out of a longer run', () => {
    expect(findNhsNumbers('code 194347659190')).toEqual([]);
  });
});
