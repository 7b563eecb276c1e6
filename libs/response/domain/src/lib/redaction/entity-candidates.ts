import {
  clinicalAcronyms,
  functionWords,
  genericPlaceWords,
  nonNameWords,
  roleNouns,
  strongTitles,
  unidentifyingPlaces,
  weakTitles,
} from './domain-vocabulary';
import type { NlpAnalysis, NlpEntityKind } from './nlp-entities.layer';
import type { Candidate, RedactionType } from './redaction.types';
import { isBrandOrLetterWord } from './text-tokens';
import type { AnnotatedToken } from './token-annotation';

const placePrepositions = new Set([
  'in',
  'at',
  'from',
  'to',
  'near',
  'around',
  'outside',
  'towards',
  'on',
  'via',
  'nr',
  'into',
  'between',
]);

const typeOfKind: Record<NlpEntityKind, RedactionType> = {
  person: 'NAME',
  place: 'PLACE',
  organisation: 'ORGANISATION',
};

const bare = (token: AnnotatedToken): string => token.lower.replace(/\.$/, '').replace(/'s$/, '');
const isTitleOrRole = (token: AnnotatedToken): boolean =>
  strongTitles.has(bare(token)) ||
  weakTitles.has(bare(token)) ||
  roleNouns.has(bare(token)) ||
  functionWords.has(bare(token));
const isOrdinary = (token: AnnotatedToken): boolean =>
  nonNameWords.has(bare(token)) ||
  genericPlaceWords.has(bare(token)) ||
  clinicalAcronyms.has(bare(token)) ||
  isTitleOrRole(token) ||
  isBrandOrLetterWord(token.text) ||
  (token.allCaps && token.text.length <= 4);
const isDistinctiveProperWord = (token: AnnotatedToken): boolean =>
  (token.capitalised || token.allCaps) && !isOrdinary(token);
const endOf = (token: AnnotatedToken): number => (/['’]s$/i.test(token.text) ? token.end - 2 : token.end);

/**
 * compromise's people, places and organisations, trimmed of the titles and roles it includes (`Dr`, `Sister`)
 * and of the possessive, and dropped when what is left is domain vocabulary (`NHS`, `HCAs`, `OT department`,
 * `Health Education England`) or a country. A person or place in lower case (`sarah`, `in leeds`) is kept as a
 * guess, a person only when no noun follows it (`no grace period`), a place only after `in`/`at`/`from`.
 */
export function candidatesFromNlp(analysis: NlpAnalysis, tokens: readonly AnnotatedToken[]): Candidate[] {
  const found: Candidate[] = [];
  for (const entity of analysis.entities) {
    const start = entity.terms[0].start;
    const end = entity.terms[entity.terms.length - 1].end;
    const first = tokens.findIndex((token) => token.end > start && token.start < end);
    if (first < 0) {
      continue;
    }
    let from = first;
    let to = first;
    while (to < tokens.length && tokens[to].start < end) {
      to += 1;
    }
    while (from < to && isTitleOrRole(tokens[from])) {
      from += 1;
    }
    while (to > from && functionWords.has(tokens[to - 1].lower)) {
      to -= 1;
    }
    const kept = tokens.slice(from, to);
    if (kept.length === 0 || kept.every(isOrdinary)) {
      continue;
    }
    const lowerCase = kept.every((token) => !token.capitalised && !token.allCaps);
    const afterPreposition = from > 0 && placePrepositions.has(tokens[from - 1].lower);
    if (entity.kind !== 'person' && !kept.some(isDistinctiveProperWord) && !(lowerCase && afterPreposition)) {
      continue;
    }
    if (
      entity.kind === 'place' &&
      kept.every((token) => token.tags.has('Country') || unidentifyingPlaces.has(token.lower))
    ) {
      continue;
    }
    const next = tokens[to];
    if (
      lowerCase &&
      next &&
      /^\s+$/.test(next.gapBefore) &&
      !next.capitalised &&
      next.tags.has('Noun') &&
      !next.tags.has('Pronoun')
    ) {
      continue;
    }
    found.push({
      start: kept[0].start,
      end: endOf(kept[kept.length - 1]),
      type: typeOfKind[entity.kind],
      source: `nlp:${entity.kind}`,
      confidence: lowerCase ? 'guess' : 'certain',
    });
  }
  return found;
}

const notProperNounTags = ['Date', 'Value', 'Verb', 'Adjective', 'Adverb', 'Acronym', 'Pronoun'];
const determiners = new Set([
  'the',
  'a',
  'an',
  'my',
  'our',
  'your',
  'his',
  'her',
  'their',
  'this',
  'that',
  'every',
  'each',
  'any',
  'no',
]);

function placeOrName(tokens: readonly AnnotatedToken[], index: number): RedactionType {
  let before = tokens[index - 1];
  if (before?.lower === 'the') {
    before = tokens[index - 2];
  }
  return before !== undefined && placePrepositions.has(before.lower) ? 'PLACE' : 'NAME';
}

/**
 * The last layer, guesses that send the comment to review:
 * - a capitalised word in mid-sentence that compromise's lexicon and the domain vocabulary do not know
 *   (`Femi`, `Kirkgate`), with a capitalised word just before it at the start of the sentence (`Kwame Mensah`);
 * - a capitalised ordinary noun in mid-sentence with no determiner before it and no capitalised phrase around
 *   it (`support from Holly`), which in running text is a name more often than not;
 * - an unknown acronym after `at`/`in`/`from` (`at the LGI`), most often a site.
 * After `in`, `at`, `from` … the guess is a place, otherwise a name.
 */
export function guessUnknownProperNouns(
  tokens: readonly AnnotatedToken[],
  isCovered: (start: number, end: number) => boolean,
): Candidate[] {
  const found: Candidate[] = [];
  const free = (token: AnnotatedToken): boolean =>
    !/\d/.test(token.text) && !isOrdinary(token) && !isCovered(token.start, token.end);
  const unknown = (token: AnnotatedToken | undefined): boolean =>
    token !== undefined &&
    token.capitalised &&
    !token.sentenceInitial &&
    token.lexicon === undefined &&
    !notProperNounTags.some((tag) => token.tags.has(tag)) &&
    free(token);
  const capitalisedNoun = (index: number): boolean => {
    const token = tokens[index];
    const before = tokens[index - 1];
    const after = tokens[index + 1];
    const capitalisedNeighbour = (neighbour: AnnotatedToken | undefined, gap: string): boolean =>
      neighbour !== undefined &&
      /^\s+$/.test(gap) &&
      (neighbour.capitalised || neighbour.allCaps) &&
      !neighbour.sentenceInitial;
    return (
      token.capitalised &&
      !token.sentenceInitial &&
      /^(?:Noun|Singular|Uncountable)$/.test(token.lexicon ?? '') &&
      !notProperNounTags.some((tag) => token.tags.has(tag)) &&
      (before === undefined || !determiners.has(before.lower)) &&
      !capitalisedNeighbour(before, token.gapBefore) &&
      !capitalisedNeighbour(after, after?.gapBefore ?? '') &&
      free(token)
    );
  };
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    if (unknown(token)) {
      let from = i;
      const previous = tokens[i - 1];
      if (
        previous?.sentenceInitial &&
        previous.capitalised &&
        /^\s+$/.test(token.gapBefore) &&
        free(previous) &&
        !previous.tags.has('Verb')
      ) {
        from = i - 1;
      }
      let to = i + 1;
      while (to < tokens.length && /^\s+$/.test(tokens[to].gapBefore) && unknown(tokens[to])) {
        to += 1;
      }
      found.push({
        start: tokens[from].start,
        end: endOf(tokens[to - 1]),
        type: placeOrName(tokens, from),
        source: 'guess:unknown-capitalised',
        confidence: 'guess',
      });
      i = to;
      continue;
    }
    if (capitalisedNoun(i)) {
      found.push({
        start: token.start,
        end: endOf(token),
        type: placeOrName(tokens, i),
        source: 'guess:capitalised-noun',
        confidence: 'guess',
      });
    } else if (
      token.allCaps &&
      /^\p{Lu}{2,5}$/u.test(token.text) &&
      !clinicalAcronyms.has(token.lower) &&
      !nonNameWords.has(token.lower) &&
      !genericPlaceWords.has(token.lower) &&
      !isCovered(token.start, token.end) &&
      placeOrName(tokens, i) === 'PLACE'
    ) {
      found.push({
        start: token.start,
        end: token.end,
        type: 'PLACE',
        source: 'guess:unknown-acronym',
        confidence: 'guess',
      });
    }
    i += 1;
  }
  return found;
}
