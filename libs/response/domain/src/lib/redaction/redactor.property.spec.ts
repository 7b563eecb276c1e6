import fc from 'fast-check';
import { isValidNhsNumber } from './nhs-number.rule';
import { createRedactor } from './redactor';

const redactor = createRedactor({
  organisations: ['Northvale Teaching Hospitals NHS Foundation Trust'],
  sites: ['Northvale General Hospital'],
});

const checkDigit = (nine: string): number => {
  const sum = [...nine].reduce((total, digit, i) => total + Number(digit) * (10 - i), 0);
  const check = 11 - (sum % 11);
  return check === 11 ? 0 : check;
};

/** Comment-like text: words a learner might write, names, places, identifiers and punctuation in any order. */
const commentLike = fc
  .array(
    fc.constantFrom(
      'Dr',
      'Sister',
      'Patel',
      'Sarah',
      'sarah',
      'Hope',
      'hope',
      'Will',
      'will',
      'Ward',
      '14',
      'on',
      'the',
      'ward',
      'at',
      'in',
      'Leeds',
      'Northvale',
      'General',
      'Hospital',
      'and',
      'was',
      'my',
      'mentor',
      'NHS',
      'A&E',
      'ITU',
      'Band',
      '5',
      'great',
      '.',
      ',',
      '(',
      ')',
      "'s",
      '07700 900123',
      '943 476 5919',
      'LS6 1AF',
      'a.b@nhs.net',
      'born',
      '14/02/2001',
      'GMC',
      '7123456',
      '12A3456E',
      'Trust',
      'Monday',
      '[NAME]',
      '202401234',
      'Todmorden',
    ),
    { maxLength: 30 },
  )
  .map((words) => words.join(' '));

describe('redactor properties', () => {
  it('accepts a valid NHS number and rejects every single-digit change to it', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[1-9]\d{8}$/),
        fc.nat(9),
        fc.integer({ min: 1, max: 9 }),
        (nine, position, shift) => {
          const check = checkDigit(nine);
          fc.pre(check !== 10);
          const valid = `${nine}${check}`;
          const changed =
            valid.slice(0, position) +
            String((Number(valid[position]) + shift) % 10) +
            valid.slice(position + 1);
          return isValidNhsNumber(valid) && !isValidNhsNumber(changed);
        },
      ),
    );
  });

  it('returns sorted, disjoint spans inside the text, and a text rebuilt from them', () => {
    fc.assert(
      fc.property(fc.oneof(commentLike, fc.string({ unit: 'grapheme', maxLength: 80 })), (text) => {
        const result = redactor.redact(text);
        let rebuilt = '';
        let position = 0;
        for (const span of result.spans) {
          expect(span.start).toBeGreaterThanOrEqual(position);
          expect(span.end).toBeGreaterThan(span.start);
          rebuilt += `${text.slice(position, span.start)}[${span.type}]`;
          position = span.end;
        }
        expect(position).toBeLessThanOrEqual(text.length);
        expect(result.text).toBe(rebuilt + text.slice(position));
        expect(result.needsReview).toBe(result.reviewReasons.length > 0);
      }),
    );
  });

  it('leaves its own placeholders alone when a redacted text is redacted again', () => {
    fc.assert(
      fc.property(commentLike, (text) => {
        const once = redactor.redact(text).text;
        const placeholders = [...once.matchAll(/\[[A-Z_]+\]/g)].map((match) => [
          match.index,
          match.index + match[0].length,
        ]);
        for (const span of redactor.redact(once).spans) {
          expect(placeholders.filter(([start, end]) => span.start < end && start < span.end)).toEqual([]);
        }
      }),
    );
  });
});
