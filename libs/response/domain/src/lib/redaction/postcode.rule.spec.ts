import { findPostcodes } from './postcode.rule';

const found = (text: string): string[] => findPostcodes(text).map((c) => text.slice(c.start, c.end));

describe('findPostcodes', () => {
  it.each([
    'SW1A 1AA',
    'M1 1AE',
    'LS6 1AF',
    'YO31 8HE',
    'BD9 6RJ',
    'HG2 7SX',
    'EC1A 1BB',
    'B33 8TH',
    'CR2 6XH',
    'DN55 1PT',
  ])('finds %s', (postcode) => {
    expect(found(`Post to ${postcode}, thanks`)).toEqual([postcode]);
  });

  it('finds postcodes in lower case and without the space', () => {
    expect(found('moved to ls6 2qb then YO318HE')).toEqual(['ls6 2qb', 'YO318HE']);
  });

  it.each([
    ['an ordinal after a grade in lower case', 'my fy1 2nd rotation'],
    ['a band', 'Band 5'],
    ['letters Royal Mail never uses in the unit', 'QA1 1AA and A1 1CI'],
    ['a registration number', 'PH123456'],
  ])('ignores %s', (_, text) => {
    expect(found(text)).toEqual([]);
  });
});
