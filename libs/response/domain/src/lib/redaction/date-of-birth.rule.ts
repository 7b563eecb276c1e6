import type { Candidate } from './redaction.types';

const month = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const datePattern = new RegExp(
  [
    String.raw`\b\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})\b`,
    String.raw`\b\d{4}-\d{2}-\d{2}\b`,
    String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${month},?\s+\d{2,4}\b`,
    String.raw`\b${month}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b`,
  ].join('|'),
  'gi',
);
const contextBefore = /\b(?:born|d\.?\s?o\.?\s?b|date of birth|birth\s?date|birthday)\b/i;
const contextAfter = /^\s*[(,]?\s*(?:d\.?\s?o\.?\s?b|date of birth)\b/i;

/** Only dates a learner marks as a birth date: other dates in feedback (`on 12/03/2024 I was…`) stay. */
export function findDatesOfBirth(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(datePattern)) {
    const start = match.index;
    const end = start + match[0].length;
    if (
      contextBefore.test(text.slice(Math.max(0, start - 32), start)) ||
      contextAfter.test(text.slice(end, end + 24))
    ) {
      found.push({ start, end, type: 'DATE_OF_BIRTH', source: 'rule:date-of-birth', confidence: 'certain' });
    }
  }
  return found;
}
