import { findSiteShapes, widenPlaceModifiers } from './site-shape.rule';
import { tokenise } from './text-tokens';

const found = (text: string): string[] =>
  findSiteShapes(tokenise(text)).map((candidate) => text.slice(candidate.start, candidate.end));

describe('site shapes', () => {
  it('finds wards and bays with a code of a number and a letter', () => {
    expect(found('Ward 7B, then ward C4, ward 21b, Ward 14, bay B, Bay 3 and pod 2')).toEqual([
      'Ward 7B',
      'ward C4',
      'ward 21b',
      'Ward 14',
      'bay B',
      'Bay 3',
      'pod 2',
    ]);
  });

  it('finds numbered assessment units and named wards with a number after a preposition', () => {
    expect(found('Started on AMU 2, then SAU 1, then on Rowan 2 and finally to the Beech 1 team')).toEqual([
      'AMU 2',
      'SAU 1',
      'Rowan 2',
      'Beech 1',
    ]);
  });

  it('leaves counts, grades and years', () => {
    expect(
      found(
        'on the ward 2 days a week, on Band 5, in Year 2, on Level 3, on Monday 3, a level 3 apprentice, an NEWS 2 of 7, in Unit 4 of my portfolio',
      ),
    ).toEqual([]);
  });

  it('finds hospitals called by their place and General, Royal, DGH, Infirmary or Memorial', () => {
    expect(
      found(
        'Barnsley General, Salford Royal, Kettering DGH, Brackenfield and District General and Darlington Memorial',
      ),
    ).toEqual([
      'Barnsley General',
      'Salford Royal',
      'Kettering DGH',
      'Brackenfield and District General',
      'Darlington Memorial',
    ]);
  });

  it('finds the Royal <Place>, a saint possessive, and a nickname standing alone', () => {
    expect(
      found("the Royal Berkshire, then St Elsewhere's hospice, then St. Oswald's. The Royal was busy"),
    ).toEqual(['Royal Berkshire', "St Elsewhere's", "St. Oswald's", 'Royal']);
  });

  it('leaves general and royal used as words and the national bodies', () => {
    expect(
      found(
        'the general ward, a royal pain, General Surgery, the General Medical Council, the Royal College of Nursing, the Royal Mail, the General surgical team',
      ),
    ).toEqual([]);
  });

  it('finds a department located by floor or level and a specialty', () => {
    expect(
      found(
        'the 3rd floor cardiology ward, level 5 oncology, the 2nd floor theatres, Level 4 neuro rehab, 7th floor HDU',
      ),
    ).toEqual([
      '3rd floor cardiology',
      'level 5 oncology',
      '2nd floor theatres',
      'Level 4 neuro rehab',
      '7th floor HDU',
    ]);
  });

  it('leaves a floor or level with no specialty after it', () => {
    expect(
      found(
        'the 4th floor was cold, a level 3 apprentice, the level 3 car park, Level 2 of the main building, the 5th floor education centre',
      ),
    ).toEqual([]);
  });

  it('widens a place over a compass word before it', () => {
    const text = 'at Mid Yorkshire and North Tees';
    const tokens = tokenise(text);
    const widened = widenPlaceModifiers(
      [
        { start: 7, end: 16, type: 'PLACE', source: 'nlp:place', confidence: 'certain' },
        { start: 27, end: 31, type: 'PLACE', source: 'nlp:place', confidence: 'certain' },
        { start: 0, end: 2, type: 'NAME', source: 'nlp:person', confidence: 'certain' },
      ],
      tokens,
    );
    expect(widened.map((candidate) => text.slice(candidate.start, candidate.end))).toEqual([
      'Mid Yorkshire',
      'North Tees',
      'at',
    ]);
  });
});
