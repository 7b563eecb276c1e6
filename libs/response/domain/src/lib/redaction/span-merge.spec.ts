import type { Candidate } from './redaction.types';
import { mergeCandidates } from './span-merge';

const candidate = (
  start: number,
  end: number,
  type: Candidate['type'],
  source: string,
  confidence: Candidate['confidence'] = 'certain',
): Candidate => ({
  start,
  end,
  type,
  source,
  confidence,
});

describe('mergeCandidates', () => {
  const text = 'x'.repeat(40);

  it('merges overlapping spans, typed by the surest layer and naming every layer', () => {
    const [merged] = mergeCandidates(
      [
        candidate(0, 10, 'ORGANISATION', 'nlp:organisation'),
        candidate(5, 20, 'PLACE', 'registry'),
        candidate(8, 12, 'NAME', 'guess:x', 'guess'),
      ],
      text,
    );
    expect(merged).toEqual({
      start: 0,
      end: 20,
      type: 'PLACE',
      source: 'registry+nlp:organisation+guess:x',
      reviewReasons: [],
    });
  });

  it('keeps apart spans that do not touch', () => {
    expect(
      mergeCandidates(
        [candidate(10, 12, 'NAME', 'nlp:person'), candidate(0, 3, 'EMAIL', 'rule:email')],
        text,
      ),
    ).toHaveLength(2);
  });

  it('joins names of the same type separated only by a space', () => {
    const merged = mergeCandidates(
      [candidate(0, 4, 'NAME', 'nlp:person'), candidate(5, 9, 'NAME', 'context:list')],
      'Emma Barker',
    );
    expect(merged.map(({ start, end }) => [start, end])).toEqual([[0, 9]]);
    expect(
      mergeCandidates(
        [candidate(0, 4, 'NAME', 'nlp:person'), candidate(5, 9, 'PLACE', 'nlp:place')],
        'Emma Leeds',
      ),
    ).toHaveLength(2);
  });

  it('joins places listed with and into one, but not names', () => {
    const places = mergeCandidates(
      [candidate(4, 13, 'PLACE', 'nlp:place'), candidate(18, 27, 'PLACE', 'nlp:place')],
      'Mid Yorkshire and Wakefield',
    );
    expect(places.map(({ start, end }) => [start, end])).toEqual([[4, 27]]);
    expect(
      mergeCandidates(
        [candidate(0, 5, 'NAME', 'context:list'), candidate(10, 14, 'NAME', 'context:list')],
        'Grace and Will',
      ),
    ).toHaveLength(2);
  });

  it('asks for review when only guesses found a span', () => {
    const [guessed] = mergeCandidates([candidate(3, 7, 'NAME', 'guess:unknown-capitalised', 'guess')], text);
    expect(guessed.reviewReasons).toEqual(['uncertain NAME at 3-7 (guess:unknown-capitalised)']);
    const [confirmed] = mergeCandidates(
      [candidate(3, 7, 'NAME', 'guess:unknown-capitalised', 'guess'), candidate(3, 7, 'NAME', 'nlp:person')],
      text,
    );
    expect(confirmed.reviewReasons).toEqual([]);
  });
});
