import type { RedactionSpan } from './redaction.types';

/** Six or more digits, possibly grouped, possibly after a short capital prefix (`K123456`, `2021 4567`). */
const longDigitRun = /(?<![\w])(?:[A-Z]{1,3}-?)?\d(?:[\d]|[ -](?=\d)){4,}\d(?![\w])/g;
const spelledOutEmail = /\b[\w.]+\s*(?:\(at\)|\[at\]|\sat\s)\s*[\w-]+\s*(?:\(dot\)|\[dot\]|\sdot\s)\s*\w+/gi;

/**
 * What is left after redaction that still looks like an identifier: a long digit run no rule recognised (a
 * student number, a Datix reference, an NHS number that fails its check) or a spelled-out email address. These
 * are not removed (no placeholder fits) but send the comment to review.
 */
export function findResidualIdentifiers(text: string, removed: readonly RedactionSpan[]): string[] {
  const reasons: string[] = [];
  const untouched = (start: number, end: number): boolean =>
    !removed.some((span) => span.start < end && start < span.end);
  for (const match of text.matchAll(longDigitRun)) {
    const digits = match[0].replace(/\D/g, '').length;
    if (digits >= 6 && untouched(match.index, match.index + match[0].length)) {
      reasons.push(`unrecognised run of ${digits} digits at ${match.index}-${match.index + match[0].length}`);
    }
  }
  for (const match of text.matchAll(spelledOutEmail)) {
    if (untouched(match.index, match.index + match[0].length)) {
      reasons.push(`possible spelled-out email address at ${match.index}-${match.index + match[0].length}`);
    }
  }
  return reasons;
}
