import type { Candidate } from './redaction.types';

/**
 * True when `digits` is a 10-digit NHS number whose last digit is its modulus-11 check digit. Spaces and
 * hyphens (the usual 3-3-4 grouping) are ignored; anything else makes it invalid.
 */
export function isValidNhsNumber(digits: string): boolean {
  const compact = digits.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(compact) || /^(\d)\1{9}$/.test(compact)) {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < 9; i += 1) {
    sum += Number(compact[i]) * (10 - i);
  }
  const check = 11 - (sum % 11);
  if (check === 10) {
    return false;
  }
  return (check === 11 ? 0 : check) === Number(compact[9]);
}

const nhsNumberShape = /(?<![\d+])[1-9]\d{2}[ -]?\d{3}[ -]?\d{4}(?![\d])/g;
const nhsNumberContext = /\bnhs\s*(?:no\.?|num(?:ber)?\.?|#)?\s*(?:is|was|:|-)?\s*\(?\s*$/i;

/**
 * Checksummed NHS numbers anywhere; a number that fails the check is still removed when the learner calls it
 * an NHS number (a typo leaves it identifying), and the comment goes to review.
 */
export function findNhsNumbers(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(nhsNumberShape)) {
    const start = match.index;
    const end = start + match[0].length;
    if (isValidNhsNumber(match[0])) {
      found.push({ start, end, type: 'NHS_NUMBER', source: 'rule:nhs-number', confidence: 'certain' });
    } else if (nhsNumberContext.test(text.slice(Math.max(0, start - 24), start))) {
      found.push({
        start,
        end,
        type: 'NHS_NUMBER',
        source: 'rule:nhs-number-context',
        confidence: 'guess',
        reviewReason: 'an NHS number that fails the modulus-11 check',
      });
    }
  }
  return found;
}
