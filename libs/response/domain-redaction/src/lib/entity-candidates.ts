import { functionWords, genericPlaceWords, nonNameWords, roleNouns, strongTitles, unidentifyingPlaces, weakTitles } from './domain-vocabulary';
import type { NlpAnalysis, NlpEntityKind } from './nlp-entities.layer';
import type { Candidate, RedactionType } from './redaction.types';
import type { AnnotatedToken } from './token-annotation';

const typeOfKind: Record<NlpEntityKind, RedactionType> = {
  person: 'NAME',
  place: 'PLACE',
  organisation: 'ORGANISATION',
};

const bare = (token: AnnotatedToken): string => token.lower.replace(/\.$/, '').replace(/'s$/, '');
const isTitleOrRole = (token: AnnotatedToken): boolean =>
  strongTitles.has(bare(token)) || weakTitles.has(bare(token)) || roleNouns.has(bare(token)) || functionWords.has(bare(token));
const isOrdinary = (token: AnnotatedToken): boolean =>
  nonNameWords.has(bare(token)) || genericPlaceWords.has(bare(token)) || isTitleOrRole(token) || (token.allCaps && token.text.length <= 4);

/**
 * compromise's people, places and organisations, trimmed of the titles and roles it includes (`Dr`, `Sister`)
 * and of the possessive, and dropped when what is left is domain vocabulary (`NHS`, `HCAs`, `OT department`,
 * `Health Education England`) or a country.
 */
export function candidatesFromNlp(analysis: NlpAnalysis, tokens: readonly AnnotatedToken[]): Candidate[] {
  const found: Candidate[] = [];
  for (const entity of analysis.entities) {
    const start = entity.terms[0].start;
    const end = entity.terms[entity.terms.length - 1].end;
    const inside = tokens.filter((token) => token.end > start && token.start < end);
    let from = 0;
    let to = inside.length;
    while (from < to && isTitleOrRole(inside[from])) {
      from += 1;
    }
    while (to > from && functionWords.has(inside[to - 1].lower)) {
      to -= 1;
    }
    const kept = inside.slice(from, to);
    if (kept.length === 0 || kept.every(isOrdinary)) {
      continue;
    }
    if (entity.kind === 'place' && kept.every((token) => token.tags.has('Country') || unidentifyingPlaces.has(token.lower))) {
      continue;
    }
    const last = kept[kept.length - 1];
    found.push({
      start: Math.max(start, kept[0].start),
      end: /['’]s$/i.test(last.text) ? last.end - 2 : last.end,
      type: typeOfKind[entity.kind],
      source: `nlp:${entity.kind}`,
      confidence: 'certain',
    });
  }
  return found;
}

const placePrepositions = new Set(['in', 'at', 'from', 'to', 'near', 'around', 'outside', 'towards', 'on', 'via', 'nr', 'into', 'between']);
const notProperNounTags = ['Date', 'Value', 'Verb', 'Adjective', 'Adverb', 'Acronym', 'Pronoun'];

/**
 * The last layer: a capitalised word in mid-sentence that no layer placed and that neither compromise's lexicon
 * nor the domain vocabulary knows is most likely a name (or, after `in`/`at`/`from`, a place). It is removed,
 * and the comment goes to review because this is a guess.
 */
export function guessUnknownProperNouns(
  tokens: readonly AnnotatedToken[],
  isCovered: (start: number, end: number) => boolean,
): Candidate[] {
  const found: Candidate[] = [];
  const unknown = (token: AnnotatedToken | undefined): token is AnnotatedToken =>
    token !== undefined &&
    token.capitalised &&
    !token.sentenceInitial &&
    token.lexicon === undefined &&
    !/\d/.test(token.text) &&
    !isOrdinary(token) &&
    !notProperNounTags.some((tag) => token.tags.has(tag)) &&
    !isCovered(token.start, token.end);
  let i = 0;
  while (i < tokens.length) {
    if (!unknown(tokens[i])) {
      i += 1;
      continue;
    }
    let to = i + 1;
    while (to < tokens.length && /^\s+$/.test(tokens[to].gapBefore) && unknown(tokens[to])) {
      to += 1;
    }
    let before = tokens[i - 1];
    if (before?.lower === 'the') {
      before = tokens[i - 2];
    }
    const type: RedactionType = before !== undefined && placePrepositions.has(before.lower) ? 'PLACE' : 'NAME';
    const last = tokens[to - 1];
    found.push({
      start: tokens[i].start,
      end: /['’]s$/i.test(last.text) ? last.end - 2 : last.end,
      type,
      source: 'guess:unknown-capitalised',
      confidence: 'guess',
    });
    i = to;
  }
  return found;
}
