import type { Candidate } from './redaction.types';

const emailPattern = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

export function findEmails(text: string): Candidate[] {
  return [...text.matchAll(emailPattern)].map((match) => ({
    start: match.index,
    end: match.index + match[0].replace(/[.-]+$/, '').length,
    type: 'EMAIL' as const,
    source: 'rule:email',
    confidence: 'certain' as const,
  }));
}
