import { findPhoneNumbers } from './phone.rule';

const found = (text: string): string[] => findPhoneNumbers(text).map((c) => text.slice(c.start, c.end));

describe('findPhoneNumbers', () => {
  it.each([
    '07700 900123',
    '07700900123',
    '07700 900 123',
    '+44 7700 900123',
    '+447700900123',
    '+44 (0)7700 900123',
    '+44 (0)113 496 0456',
    '0113 496 0123',
    '(0114) 496 0987',
    '020 7946 0321',
    '01632 960123',
    '0161-496-0012',
  ])('finds %s', (phone) => {
    expect(found(`Call me on ${phone} please.`)).toEqual([phone]);
  });

  it('finds extensions and bleeps', () => {
    expect(found('Ring ext 4471 or bleep 2231, or x4402.')).toEqual(['ext 4471', 'bleep 2231', 'x4402']);
  });

  it('finds two numbers written side by side separately', () => {
    expect(found('07700 900123 07700 900456')).toEqual(['07700 900123', '07700 900456']);
  });

  it.each([
    ['an NHS number', 'NHS number 636 966 1872'],
    ['a date', 'On 12/03/2024 I was sent home'],
    ['a band', 'Band 5 and Band 6 nurses'],
    ['a student number', 'student number 20214567'],
    ['too few digits', 'call 0113 496'],
    ['a number that is not a UK one', 'call 0613 496 0123 44'],
  ])('ignores %s', (_, text) => {
    expect(found(text)).toEqual([]);
  });
});
