import {
  functionWords,
  nonNameWords,
  roleNouns,
  strongTitles,
  weakTitles,
  workplaceWords,
} from './domain-vocabulary';
import type { Candidate, Confidence } from './redaction.types';
import { isBrandOrLetterWord } from './text-tokens';
import { looksLikePersonToCompromise, type AnnotatedToken } from './token-annotation';

/*
 * Names found by the words around them: titles (`Dr Okafor`), roles (`my mentor Olu`, `Bill the porter`),
 * places a person works (`Hope on the discharge lounge`), lists (`Becky, Hannah and Femi`) and
 * self-introductions (`I'm Jess`). These catch what compromise's lexicon does not know and the names that are
 * also ordinary words.
 */

const titleWord = (token: AnnotatedToken): string => token.lower.replace(/\.$/, '');
const notWordTags = ['Date', 'Value', 'Pronoun', 'Determiner', 'Preposition', 'Conjunction', 'Adverb'];
const verbLexicon = /Infinitive|Gerund|PastTense|PresentTense|Modal|Copula|Auxiliary/;
const abstractEnding = /(?:ing|tion|sion|ment|ness|ity|ance|ence|ship|ism|ogy|ics|over|ure|age|ies|ed)$/i;
const whitespace = /^\s+$/;

/** A word that could be (part of) a name: capitalised, or lower case but known to compromise as a name. */
function nameLike(token: AnnotatedToken | undefined, allowLowerCase = false): token is AnnotatedToken {
  if (
    !token ||
    /\d/.test(token.text) ||
    functionWords.has(token.lower) ||
    roleNouns.has(token.lower) ||
    isBrandOrLetterWord(token.text)
  ) {
    return false;
  }
  if (strongTitles.has(titleWord(token)) || weakTitles.has(titleWord(token))) {
    return false;
  }
  if (notWordTags.some((tag) => token.tags.has(tag)) && !looksLikePersonToCompromise(token)) {
    return false;
  }
  if (token.capitalised || (token.allCaps && token.text.length > 3)) {
    return true;
  }
  return allowLowerCase && looksLikePersonToCompromise(token);
}

const ordinary = (token: AnnotatedToken): boolean =>
  nonNameWords.has(token.lower) || nonNameWords.has(token.lower.replace(/'s$/, ''));

/** The end (exclusive index) of a run of name words starting at `from`, at most `max` long. */
function nameRun(tokens: readonly AnnotatedToken[], from: number, max = 3): number {
  let to = from + 1;
  while (
    to < tokens.length &&
    to - from < max &&
    whitespace.test(tokens[to].gapBefore) &&
    !/['’]s$/i.test(tokens[to - 1].text) &&
    nameLike(tokens[to]) &&
    !ordinary(tokens[to]) &&
    !tokens[to].sentenceInitial
  ) {
    to += 1;
  }
  return to;
}

function spanOf(
  tokens: readonly AnnotatedToken[],
  from: number,
  to: number,
  source: string,
  confidence: Confidence,
): Candidate {
  const last = tokens[to - 1];
  const end = /['’]s$/i.test(last.text) && last.text.length > 2 ? last.end - 2 : last.end;
  return { start: tokens[from].start, end, type: 'NAME', source, confidence };
}

/** `Dr Patel`, `dr jones`, `Sister Ward`, `Staff Nurse Chipo Moyo`, `Prof. Lindqvist`. */
function afterTitles(tokens: readonly AnnotatedToken[]): Candidate[] {
  const found: Candidate[] = [];
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    const word = titleWord(token);
    const strong = strongTitles.has(word);
    if (!next || (!strong && !weakTitles.has(word)) || !/^\.?\s+$/.test(next.gapBefore)) {
      return;
    }
    const followedByNumber = /^\d/.test(tokens[i + 2]?.text ?? '');
    const lowerCaseOk = strong || token.capitalised;
    if (
      nameLike(next, lowerCaseOk) &&
      !followedByNumber &&
      (next.capitalised || next.allCaps || lowerCaseOk)
    ) {
      const to = next.capitalised ? nameRun(tokens, i + 1) : i + 2;
      found.push(spanOf(tokens, i + 1, to, 'context:title', 'certain'));
    }
  });
  return found;
}

/** `my mentor Olu`, `Supervisor: Owen Price`, `The SHO, Callum, was`, `The educator (Laura)`. */
function nextToRoles(tokens: readonly AnnotatedToken[]): Candidate[] {
  const found: Candidate[] = [];
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    if (!next || !roleNouns.has(token.lower) || ordinary(next)) {
      return;
    }
    const gap = next.gapBefore;
    if (whitespace.test(gap) && nameLike(next, true) && !next.sentenceInitial) {
      found.push(
        spanOf(tokens, i + 1, next.capitalised ? nameRun(tokens, i + 1) : i + 2, 'context:role', 'certain'),
      );
      return;
    }
    if (/^\s*[,:(]\s*$/.test(gap) && nameLike(next)) {
      const to = nameRun(tokens, i + 1);
      const after = tokens[to];
      if (after === undefined || /^\s*[,.;:)(!?]/.test(after.gapBefore)) {
        found.push(spanOf(tokens, i + 1, to, 'context:apposition', 'certain'));
      }
    }
  });
  return found;
}

/** May a capitalised word that starts a sentence be a name here? Ordinary verbs and abstract nouns may not. */
function plausibleInitialName(token: AnnotatedToken): boolean {
  if (looksLikePersonToCompromise(token)) {
    return true;
  }
  if (ordinary(token) || token.tags.has('Plural') || token.tags.has('Uncountable')) {
    return false;
  }
  if (verbLexicon.test(token.lexicon ?? '') || (token.tags.has('Adjective') && token.lexicon === undefined)) {
    return false;
  }
  return !abstractEnding.test(token.text);
}

/** Where a run of name words ending just before `index` starts, or -1. */
function runEndingAt(tokens: readonly AnnotatedToken[], index: number): number {
  let from = index - 1;
  if (from < 0 || !nameLike(tokens[from]) || ordinary(tokens[from])) {
    return -1;
  }
  while (
    from > 0 &&
    index - from < 3 &&
    whitespace.test(tokens[from].gapBefore) &&
    !tokens[from].sentenceInitial
  ) {
    const previous = tokens[from - 1];
    if (!nameLike(previous) || ordinary(previous)) {
      break;
    }
    from -= 1;
  }
  return from;
}

const personPronouns = new Set(['she', 'he', 'her', 'him', 'his', 'hers', 'who', 'herself', 'himself']);

/** `Gift on the renal unit took me under her wing`: a personal pronoun later in the sentence points to a person. */
function personPronounFollows(tokens: readonly AnnotatedToken[], index: number): boolean {
  for (let k = index + 1; k < tokens.length && k <= index + 14 && !tokens[k].sentenceInitial; k += 1) {
    if (personPronouns.has(tokens[k].lower)) {
      return true;
    }
  }
  return false;
}

function confidenceOfRun(tokens: readonly AnnotatedToken[], index: number): Confidence | undefined {
  const token = tokens[index];
  if (!token.sentenceInitial || looksLikePersonToCompromise(token)) {
    return 'certain';
  }
  if (
    plausibleInitialName(token) ||
    (!ordinary(token) && !token.tags.has('Plural') && personPronounFollows(tokens, index))
  ) {
    return 'guess';
  }
  return undefined;
}

/**
 * `Bill the porter`, `Tariq, the FY2`, `Nguyen (the charge nurse)`: a name, then `the` and a role within three
 * words. `Hope on the discharge lounge`, `Zainab from the pharmacy`: a name where someone works.
 */
function beforeRolesAndWorkplaces(tokens: readonly AnnotatedToken[]): Candidate[] {
  const found: Candidate[] = [];
  tokens.forEach((token, i) => {
    if (token.lower === 'the') {
      const role = tokens.slice(i + 1, i + 4).some((t) => roleNouns.has(t.lower));
      if (!role || !/^\s*[,(]?\s*$/.test(token.gapBefore) || i === 0) {
        return;
      }
      const from = runEndingAt(tokens, i);
      const confidence = from >= 0 ? confidenceOfRun(tokens, from) : undefined;
      if (from >= 0 && confidence) {
        found.push(spanOf(tokens, from, i, 'context:role-after', confidence));
      }
      return;
    }
    if ((token.lower === 'was' || token.lower === 'is') && /^(?:my|our)$/.test(tokens[i + 1]?.lower ?? '')) {
      const role = tokens.slice(i + 2, i + 5).some((t) => roleNouns.has(t.lower));
      const from = role && whitespace.test(token.gapBefore) ? runEndingAt(tokens, i) : -1;
      const confidence = from >= 0 ? confidenceOfRun(tokens, from) : undefined;
      if (from >= 0 && confidence) {
        found.push(spanOf(tokens, from, i, 'context:role-after', confidence));
      }
      return;
    }
    if ((token.lower === 'on' || token.lower === 'from') && whitespace.test(token.gapBefore) && i > 0) {
      if (!tokens.slice(i + 1, i + 6).some((t) => workplaceWords.has(t.lower))) {
        return;
      }
      const from = runEndingAt(tokens, i);
      const confidence = from >= 0 ? confidenceOfRun(tokens, from) : undefined;
      if (
        from >= 0 &&
        confidence &&
        (from === 0 || tokens[from].sentenceInitial || !/^(?:a|an|the)$/.test(tokens[from - 1].lower))
      ) {
        found.push(spanOf(tokens, from, i, 'context:workplace', confidence));
      }
    }
  });
  return found;
}

const introductions = [
  ['i', 'am'],
  ['im'],
  ["i'm"],
  ['name', 'is'],
  ["name's"],
  ['called'],
  ['named'],
  ['thank'],
  ['thanks'],
  ['especially'],
  ['particularly'],
  ['notably'],
];

/** `I'm Jess`, `my name is`, `an HCA called Stephen`, `thank Emma Louise Barker`, `especially Rob`. */
function afterIntroductions(tokens: readonly AnnotatedToken[]): Candidate[] {
  const found: Candidate[] = [];
  tokens.forEach((_, i) => {
    for (const words of introductions) {
      const end = i + words.length;
      if (!words.every((word, k) => tokens[i + k]?.lower === word)) {
        continue;
      }
      const next = tokens[end];
      if (next && whitespace.test(next.gapBefore) && nameLike(next, true) && !ordinary(next)) {
        found.push(
          spanOf(
            tokens,
            end,
            next.capitalised ? nameRun(tokens, end) : end + 1,
            'context:introduction',
            'certain',
          ),
        );
      }
    }
  });
  return found;
}

/** `Yusra and I worked…`, `me and Kofi`: a capitalised word paired with the writer is a person. */
function pairedWithWriter(tokens: readonly AnnotatedToken[]): Candidate[] {
  const found: Candidate[] = [];
  tokens.forEach((token, i) => {
    const and = tokens[i + 1];
    const writer = tokens[i + 2];
    const before = tokens[i - 1];
    const beforeWriter = tokens[i - 2];
    const pairedAfter =
      and?.lower === 'and' && /^(?:i|me|myself)$/.test(writer?.lower ?? '') && whitespace.test(and.gapBefore);
    const pairedBefore =
      before?.lower === 'and' &&
      /^(?:me|myself)$/.test(beforeWriter?.lower ?? '') &&
      whitespace.test(token.gapBefore);
    if ((pairedAfter || pairedBefore) && nameLike(token) && !ordinary(token)) {
      const confidence =
        confidenceOfRun(tokens, i) ??
        (token.sentenceInitial && !token.tags.has('Plural') ? 'guess' : undefined);
      if (confidence) {
        found.push(spanOf(tokens, i, i + 1, 'context:with-writer', confidence));
      }
    }
  });
  return found;
}

export function findNamesByContext(tokens: readonly AnnotatedToken[]): Candidate[] {
  return [
    ...afterTitles(tokens),
    ...nextToRoles(tokens),
    ...beforeRolesAndWorkplaces(tokens),
    ...afterIntroductions(tokens),
    ...pairedWithWriter(tokens),
  ];
}

/**
 * `Becky, Hannah and Femi`, `Grace and Will`, `Precious and Blessing`: a capitalised word listed with a name
 * found by any layer is a name too, as sure as the name it is listed with (a guess listed with a sure name
 * becomes sure). Repeats until the list stops growing.
 */
export function extendNameLists(tokens: readonly AnnotatedToken[], names: readonly Candidate[]): Candidate[] {
  const added: Candidate[] = [];
  const known: Array<Confidence | undefined> = new Array<Confidence | undefined>(tokens.length).fill(
    undefined,
  );
  for (const name of names) {
    tokens.forEach((token, k) => {
      if (token.start >= name.start && token.end <= name.end + 2 && known[k] !== 'certain') {
        known[k] = name.confidence;
      }
    });
  }
  const isConjunction = (token: AnnotatedToken | undefined): boolean =>
    token !== undefined && (token.lower === 'and' || token.lower === '&') && whitespace.test(token.gapBefore);
  const comma = (gap: string): boolean => /^\s*,\s*$/.test(gap);
  let grew = true;
  while (grew) {
    grew = false;
    tokens.forEach((token, k) => {
      if (known[k] === 'certain' || !nameLike(token) || ordinary(token)) {
        return;
      }
      const right = tokens[k + 1];
      const left = tokens[k - 1];
      const anchors: Array<Confidence | undefined> = [];
      if (right && comma(right.gapBefore) && !token.sentenceInitial) {
        anchors.push(known[k + 1]);
      }
      if (isConjunction(right) && whitespace.test(tokens[k + 2]?.gapBefore ?? '')) {
        anchors.push(known[k + 2]);
      }
      if (comma(token.gapBefore) && !token.sentenceInitial) {
        anchors.push(known[k - 1]);
      }
      if (isConjunction(left) && whitespace.test(token.gapBefore)) {
        anchors.push(known[k - 2]);
      }
      const anchor = anchors.includes('certain')
        ? 'certain'
        : anchors.includes('guess')
          ? 'guess'
          : undefined;
      if (!anchor) {
        return;
      }
      const confidence: Confidence = anchor === 'certain' && !token.sentenceInitial ? 'certain' : 'guess';
      if (known[k] === confidence) {
        return;
      }
      added.push(spanOf(tokens, k, k + 1, 'context:list', confidence));
      known[k] = confidence;
      grew = true;
    });
  }
  return added;
}
