import { findRegistrationNumbers } from './registration-number.rule';

const found = (text: string): string[] =>
  findRegistrationNumbers(text).map((c) => text.slice(c.start, c.end));

describe('findRegistrationNumbers', () => {
  it.each([
    ['GMC 7123456', '7123456'],
    ['my GMC number is 6012345', '6012345'],
    ['GMC no. 7654321', '7654321'],
    ['GMC: 4567890', '4567890'],
  ])('finds a GMC number with context: %s', (text, number) => {
    expect(found(text)).toEqual([number]);
  });

  it('needs a context word for seven bare digits', () => {
    expect(found('The ward phoned 7123456 times')).toEqual([]);
  });

  it.each(['12A3456E', '09D1872E', '15K0123S', '98L7654W'])('finds the NMC PIN %s', (pin) => {
    expect(found(`NMC PIN ${pin} on my PAD`)).toEqual([pin]);
  });

  it.each([
    'PH123456',
    'OT54321',
    'RA012345',
    'SL23456',
    'DT034567',
    'PA12345',
    'CS12345',
    'HAD12345',
    'PYL12345',
  ])('finds the HCPC number %s', (number) => {
    expect(found(`educator (${number}) signed`)).toEqual([number]);
  });

  it.each([
    ['GPhC 2071234', '2071234'],
    ['GPhC registration number 2058841', '2058841'],
    ['registration number 5012345', '5012345'],
  ])('finds a GPhC number with context: %s', (text, number) => {
    expect(found(text)).toEqual([number]);
  });

  it.each([
    ['an NMC PIN with a month letter after L', '12M3456E'],
    ['an HCPC prefix with too few digits', 'PH1234'],
    ['an unknown HCPC prefix', 'ZZ123456'],
  ])('ignores %s', (_, text) => {
    expect(found(text)).toEqual([]);
  });
});
