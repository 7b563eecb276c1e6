import type { Candidate } from './redaction.types';

/** Runs of digits with the separators people put inside phone numbers: `(0114) 496 0987`, `+44 7700 900456`. */
const digitCluster = /(?:\+\s?44\s?(?:\(0\)\s?)?|\(\s?)?\d(?:[\d]|[ \-)(](?=[ \d(]))*\d/g;
const extension = /\b(?:ext(?:ension)?\.?|bleep(?:\s+no\.?)?|x)\s?:?\s?\d{3,6}\b/gi;

/** UK numbers: 01/02 landlines of 10 or 11 digits, 03 and 07 mobiles, 08 non-geographic; +44 drops the 0. */
function isUkPhoneNumber(raw: string): boolean {
  const digits = raw.replace(/\D/g, '');
  const national = raw.trimStart().startsWith('+') ? `0${digits.slice(2).replace(/^0/, '')}` : digits;
  return /^0(?:[12]\d{8,9}|[3789]\d{9})$/.test(national);
}

interface DigitGroup {
  start: number;
  end: number;
}

/** Splits a cluster into groups so that two numbers written side by side are found separately. */
function groupsOf(cluster: string, offset: number): DigitGroup[] {
  return [...cluster.matchAll(/(?:\+\s?44\s?(?:\(0\)\s?)?)?\(?\d+\)?/g)].map((match) => ({
    start: offset + match.index,
    end: offset + match.index + match[0].length,
  }));
}

export function findPhoneNumbers(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const cluster of text.matchAll(digitCluster)) {
    const groups = groupsOf(cluster[0], cluster.index);
    let i = 0;
    while (i < groups.length) {
      let matchedTo = -1;
      for (let j = groups.length - 1; j >= i && matchedTo < 0; j -= 1) {
        if (isUkPhoneNumber(text.slice(groups[i].start, groups[j].end))) {
          matchedTo = j;
        }
      }
      if (matchedTo >= 0) {
        found.push({
          start: groups[i].start,
          end: groups[matchedTo].end,
          type: 'PHONE',
          source: 'rule:phone',
          confidence: 'certain',
        });
        i = matchedTo + 1;
      } else {
        i += 1;
      }
    }
  }
  for (const match of text.matchAll(extension)) {
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      type: 'PHONE',
      source: 'rule:phone-extension',
      confidence: 'certain',
    });
  }
  return found;
}
