import { findDatesOfBirth } from './date-of-birth.rule';

const found = (text: string): string[] => findDatesOfBirth(text).map((c) => text.slice(c.start, c.end));

describe('findDatesOfBirth', () => {
  it.each([
    ['I was born 14/02/2001 and', '14/02/2001'],
    ['DOB: 03.07.1999', '03.07.1999'],
    ['my date of birth (21-09-98) was wrong', '21-09-98'],
    ['date of birth 12 March 1998', '12 March 1998'],
    ['born on 1st May 2002', '1st May 2002'],
    ['d.o.b. 30/11/1997', '30/11/1997'],
    ['birthday: March 5, 2001', 'March 5, 2001'],
    ['born 2001-02-14', '2001-02-14'],
    ['17/08/2003 (DOB)', '17/08/2003'],
  ])('finds the date in "%s"', (text, date) => {
    expect(found(text)).toEqual([date]);
  });

  it('leaves other dates alone', () => {
    expect(found('On 12/03/2024 I was sent home; my review was on 3rd May 2024.')).toEqual([]);
  });
});
