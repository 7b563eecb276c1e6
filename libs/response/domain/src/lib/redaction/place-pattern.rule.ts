import { functionWords, genericPlaceWords, nonNameWords, roleNouns } from './domain-vocabulary';
import type { Candidate, RedactionType } from './redaction.types';
import type { Token } from './text-tokens';

/*
 * Places and organisations by the shape of their names: `Rowan Ward`, `Harrogate District Hospital`, `14 Elmfield Road`, `University of Leeds`, `… NHS Foundation Trust`. A name made only of clinical
 * words (`Acute Medical Unit`, `the Foundation Trust`) names no particular place and is left alone.
 */

const placeSuffixes = new Set([
  'ward',
  'unit',
  'hospital',
  'infirmary',
  'clinic',
  'surgery',
  'practice',
  'centre',
  'center',
  'hospice',
  'house',
  'lodge',
  'court',
  'home',
  'suite',
  'wing',
  'building',
  'campus',
  'hall',
]);
const streetSuffixes = new Set([
  'road',
  'rd',
  'street',
  'st',
  'lane',
  'avenue',
  'ave',
  'drive',
  'close',
  'crescent',
  'way',
  'place',
  'square',
  'terrace',
  'grove',
  'gardens',
  'row',
  'walk',
  'mews',
  'parade',
  'hill',
]);
const organisationSuffixes = new Set([
  'trust',
  'university',
  'college',
  'council',
  'network',
  'service',
  'healthcare',
  'hospitals',
  'partnership',
  'pharmacy',
  'ltd',
  'limited',
  'plc',
]);
const nameJoiners = new Set(['of', '&', 'and', 'st']);
const placeJoiners = new Set(['of', 'st']);

function distinctive(token: Token): boolean {
  const word = token.lower.replace(/'s$/, '');
  return (
    !genericPlaceWords.has(word) &&
    !nonNameWords.has(word) &&
    !roleNouns.has(word) &&
    !functionWords.has(word) &&
    !nameJoiners.has(word) &&
    !/^\d/.test(word) &&
    !(token.allCaps && token.text.length <= 4)
  );
}

function typeOfSuffix(word: string): RedactionType | undefined {
  if (organisationSuffixes.has(word)) {
    return 'ORGANISATION';
  }
  return placeSuffixes.has(word) || streetSuffixes.has(word) ? 'PLACE' : undefined;
}

/**
 * Capitalised words (and `St`, `of`, `NHS`) running back from the suffix at `index`; organisations may also
 * join words with `and`/`&` (`Leeds and York Partnership NHS Foundation Trust`), wards may not.
 */
function nameBefore(
  tokens: readonly Token[],
  index: number,
  max: number,
  joiners: ReadonlySet<string>,
): number {
  let from = index;
  while (from > 0 && index - from < max) {
    const previous = tokens[from - 1];
    const joined =
      /^\s+$/.test(tokens[from].gapBefore) ||
      (/^\.\s+$/.test(tokens[from].gapBefore) && previous.lower === 'st');
    const wordish = previous.capitalised || previous.allCaps || (joiners.has(previous.lower) && from - 1 > 0);
    if (!joined || !wordish || (functionWords.has(previous.lower) && !joiners.has(previous.lower))) {
      break;
    }
    from -= 1;
    if (previous.sentenceInitial) {
      break;
    }
  }
  while (from < index && joiners.has(tokens[from].lower) && tokens[from].lower !== 'st') {
    from += 1;
  }
  return from;
}

export function findPlacePatterns(tokens: readonly Token[]): Candidate[] {
  const found: Candidate[] = [];
  tokens.forEach((token, i) => {
    const type = typeOfSuffix(token.lower);
    if (type === undefined || i === 0) {
      return;
    }
    // A lower-case `st` after a word is a street only when spelt `St`; `1st` has digits and never gets here.
    if (token.lower === 'st' && !token.capitalised) {
      return;
    }
    const from =
      type === 'ORGANISATION'
        ? nameBefore(tokens, i, 6, nameJoiners)
        : nameBefore(tokens, i, 4, placeJoiners);
    const words = tokens.slice(from, i);
    if (words.length === 0 || !words.some(distinctive)) {
      return;
    }
    let start = tokens[from].start;
    // `22 Hyde Park Road`, `Flat 3, 22 Hyde Park Road`.
    if (streetSuffixes.has(token.lower) && from > 0 && /^\d{1,4}[a-z]?$/i.test(tokens[from - 1].text)) {
      start = tokens[from - 1].start;
      const flat = tokens[from - 3];
      if (
        flat &&
        /^(?:flat|apartment|apt|unit|room)$/i.test(flat.lower) &&
        /^\d{1,4}[a-z]?$/i.test(tokens[from - 2].text)
      ) {
        start = flat.start;
      }
    }
    found.push({
      start,
      end: token.end,
      type,
      source: `pattern:${type === 'PLACE' ? 'place' : 'organisation'}-suffix`,
      confidence: 'certain',
    });
  });
  // `at Jimmy's for my elective`, `at St James's`: a possessive standing alone after `at` names a place.
  tokens.forEach((token, i) => {
    const saint = tokens[i - 1]?.lower === 'st' && /^\.?\s+$/.test(token.gapBefore) ? i - 1 : i;
    const before = tokens[saint - 1];
    const after = tokens[i + 1];
    if (
      token.capitalised &&
      /['’]s$/.test(token.text) &&
      before !== undefined &&
      /^(?:at|in|to|from|near)$/.test(before.lower) &&
      /^\s+$/.test(tokens[saint].gapBefore) &&
      (after === undefined || !/^\s+$/.test(after.gapBefore) || functionWords.has(after.lower))
    ) {
      found.push({
        start: tokens[saint].start,
        end: token.end,
        type: 'PLACE',
        source: 'pattern:possessive-place',
        confidence: 'certain',
      });
    }
  });
  // `University of Northvale`, `College of …`.
  tokens.forEach((token, i) => {
    if (
      !/^(?:university|college)$/.test(token.lower) ||
      !token.capitalised ||
      tokens[i + 1]?.lower !== 'of'
    ) {
      return;
    }
    let to = i + 2;
    while (to < tokens.length && tokens[to].capitalised && /^\s+$/.test(tokens[to].gapBefore) && to - i < 5) {
      to += 1;
    }
    if (to > i + 2 && tokens.slice(i + 2, to).some(distinctive)) {
      found.push({
        start: token.start,
        end: tokens[to - 1].end,
        type: 'ORGANISATION',
        source: 'pattern:university-of',
        confidence: 'certain',
      });
    }
  });
  return found.sort((a, b) => a.start - b.start);
}
