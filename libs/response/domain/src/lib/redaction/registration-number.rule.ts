import type { Candidate } from './redaction.types';

/** NMC PIN: year, month letter A–L, four digits, country letter (E, N, O, S, W): `12A3456E`. */
const nmcPin = /\b\d{2}[A-L]\d{4}[ENOSW]\b/gi;

/** HCPC: a profession prefix and five or six digits: `PH123456`, `OT54321`, `RA012345`. */
const hcpcNumber = /\b(?:AS|BS|CH|CS|DT|HAD|OD|ODP|OT|PA|PH|PO|PYL|RA|SL|SW)\s?\d{5,6}\b/gi;

/** GMC and GPhC numbers are seven bare digits, so they need a word nearby that says what they are. */
const sevenDigitsInContext =
  /\b(?:gmc|gphc|general medical council|general pharmaceutical council|reg(?:istration)?\.?(?:\s*(?:number|no\.?|num|#))?|pin)\b[^!?\n\d]{0,30}?(?<![\d])(\d{7})(?![\d])/gi;

export function findRegistrationNumbers(text: string): Candidate[] {
  const found: Candidate[] = [];
  const push = (start: number, end: number, source: string): void => {
    found.push({ start, end, type: 'REGISTRATION_NUMBER', source, confidence: 'certain' });
  };
  for (const match of text.matchAll(nmcPin)) {
    push(match.index, match.index + match[0].length, 'rule:nmc-pin');
  }
  for (const match of text.matchAll(hcpcNumber)) {
    push(match.index, match.index + match[0].length, 'rule:hcpc');
  }
  for (const match of text.matchAll(sevenDigitsInContext)) {
    const end = match.index + match[0].length;
    push(end - 7, end, /gphc|pharmaceutical/i.test(match[0]) ? 'rule:gphc' : 'rule:gmc-gphc');
  }
  return found;
}
