import type { Candidate } from './redaction.types';

// Royal Mail's shape: the area never starts with Q, V or X, its second letter is never I, J or Z, and the
// inward unit never uses C, I, K, M, O or V.
const postcodePattern = /\b([A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?) ?(\d[ABD-HJLNP-UW-Z]{2})\b/gi;

export function findPostcodes(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(postcodePattern)) {
    const lowerCase = match[0] !== match[0].toUpperCase();
    // `fy1 2nd rotation` has the shape of a postcode; written in lower case, an ordinal is the likelier reading.
    if (lowerCase && /^\d(?:st|nd|rd|th)$/i.test(match[2])) {
      continue;
    }
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      type: 'POSTCODE',
      source: 'rule:postcode',
      confidence: 'certain',
    });
  }
  return found;
}
