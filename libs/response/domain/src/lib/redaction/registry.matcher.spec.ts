import { createRegistryMatcher } from './registry.matcher';

const registry = {
  organisations: [
    'Northvale Teaching Hospitals NHS Foundation Trust',
    'University of Northvale',
    "St Cuthbert's Hospice",
  ],
  sites: [
    'Northvale General Hospital',
    "St Aidan's Hospital",
    'Moorside Health Centre',
    'Park Surgery',
    'The Larches',
  ],
};
const ordinaryWords = new Set(['park']);
const matcher = createRegistryMatcher(registry, (word) => ordinaryWords.has(word));
const found = (text: string): Array<[string, string]> =>
  matcher.find(text).map((c) => [text.slice(c.start, c.end), c.type]);

describe('registry matching', () => {
  it('matches whole names whatever their case', () => {
    expect(found('at NORTHVALE GENERAL HOSPITAL and the larches')).toEqual([
      ['NORTHVALE GENERAL HOSPITAL', 'PLACE'],
      ['the larches', 'PLACE'],
    ]);
  });

  it('types organisations and sites from the list they come from', () => {
    expect(found('University of Northvale students at Moorside Health Centre')).toEqual([
      ['University of Northvale', 'ORGANISATION'],
      ['Moorside Health Centre', 'PLACE'],
    ]);
  });

  it('takes the longest name that starts at a word', () => {
    expect(found('the Northvale Teaching Hospitals NHS Foundation Trust rota')).toEqual([
      ['Northvale Teaching Hospitals NHS Foundation Trust', 'ORGANISATION'],
    ]);
    expect(found('Northvale General Hospital, Northvale General and Northvale')).toEqual([
      ['Northvale General Hospital', 'PLACE'],
      ['Northvale General', 'PLACE'],
      ['Northvale', 'PLACE'],
    ]);
  });

  it('matches whole words only', () => {
    expect(found('Northvaleside and Moorsides, the Larchestone')).toEqual([]);
  });

  it('ignores apostrophes, St./Saint and a trailing possessive', () => {
    expect(found('Saint Aidans Hospital, St. Cuthbert’s Hospice and St Aidan’s')).toEqual([
      ['Saint Aidans Hospital', 'PLACE'],
      ['St. Cuthbert’s Hospice', 'ORGANISATION'],
      ['St Aidan’s', 'PLACE'],
    ]);
    expect(found("Moorside Health Centre's car park")).toEqual([['Moorside Health Centre', 'PLACE']]);
  });

  it('uses short forms only when capitalised and never when they are ordinary words', () => {
    expect(found('moorside is lovely; Moorside is lovely; the park surgery and the car park')).toEqual([
      ['Moorside', 'PLACE'],
      ['park surgery', 'PLACE'],
    ]);
  });

  it('does not match across punctuation', () => {
    expect(found('Northvale General. Hospital staff')).toEqual([['Northvale General', 'PLACE']]);
  });
});
