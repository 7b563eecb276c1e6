import { findPlacePatterns } from './place-pattern.rule';
import { tokenise } from './text-tokens';

const found = (text: string): Array<[string, string]> =>
  findPlacePatterns(tokenise(text)).map((c) => [text.slice(c.start, c.end), c.type]);

describe('place and organisation name shapes', () => {
  it('finds named wards', () => {
    expect(found('on Rowan Ward and Oak ward')).toEqual([
      ['Rowan Ward', 'PLACE'],
      ['Oak ward', 'PLACE'],
    ]);
  });

  it('finds hospitals, surgeries and units by their suffix', () => {
    expect(found('from Harrogate District Hospital to Elm Tree Surgery and the Willow Unit')).toEqual([
      ['Harrogate District Hospital', 'PLACE'],
      ['Elm Tree Surgery', 'PLACE'],
      ['Willow Unit', 'PLACE'],
    ]);
  });

  it('leaves names made only of clinical words', () => {
    expect(found('the Acute Medical Unit, the Foundation Trust, Sister Ward and the ENT clinic')).toEqual([]);
  });

  it('finds street addresses with house and flat numbers', () => {
    expect(found('to Flat 3, 22 Hyde Park Road in town, or 14 Elmfield Road')).toEqual([
      ['Flat 3, 22 Hyde Park Road', 'PLACE'],
      ['14 Elmfield Road', 'PLACE'],
    ]);
  });

  it('finds organisations', () => {
    expect(found('University of Leeds and Pennine Vale Mental Health NHS Trust')).toEqual([
      ['University of Leeds', 'ORGANISATION'],
      ['Pennine Vale Mental Health NHS Trust', 'ORGANISATION'],
    ]);
  });

  it('finds trusts named after places joined by and, and plural hospitals', () => {
    expect(
      found(
        'Surrey and Sussex Healthcare, then Ashby and Kelderton Hospitals NHS Foundation Trust, then Leeds Teaching Hospitals',
      ),
    ).toEqual([
      ['Surrey and Sussex Healthcare', 'ORGANISATION'],
      ['Ashby and Kelderton Hospitals', 'ORGANISATION'],
      ['Ashby and Kelderton Hospitals NHS Foundation Trust', 'ORGANISATION'],
      ['Leeds Teaching Hospitals', 'ORGANISATION'],
    ]);
  });

  it("finds a possessive standing for a place after 'at'", () => {
    expect(found("I was at Jimmy's for my elective, in Sarah's absence")).toEqual([["Jimmy's", 'PLACE']]);
  });
});
