import { findDatesOfBirth } from './date-of-birth.rule';
import { genericPlaceWords, nationalBodies, nonNameWords } from './domain-vocabulary';
import { findEmails } from './email.rule';
import { candidatesFromNlp, guessUnknownProperNouns } from './entity-candidates';
import { findNhsNumbers } from './nhs-number.rule';
import { analyseWithNlp, lexiconTag } from './nlp-entities.layer';
import { extendNameLists, findNamesByContext } from './person-context.rule';
import { findPhoneNumbers } from './phone.rule';
import { findPlacePatterns } from './place-pattern.rule';
import { findPostcodes } from './postcode.rule';
import {
  redactionTypes,
  type Candidate,
  type RedactionResult,
  type RedactionSpan,
  type Redactor,
  type RegistryNames,
} from './redaction.types';
import { findRegistrationNumbers } from './registration-number.rule';
import { findSiteShapes, widenPlaceModifiers } from './site-shape.rule';
import { createRegistryMatcher } from './registry.matcher';
import { findResidualIdentifiers } from './residual-identifier.rule';
import { mergeCandidates } from './span-merge';
import { tokenise } from './text-tokens';
import { annotate } from './token-annotation';

const placeholderPattern = new RegExp(`\\[(?:${redactionTypes.join('|')})\\]`, 'g');

const isOrdinaryWord = (word: string): boolean =>
  lexiconTag(word) !== undefined || nonNameWords.has(word) || genericPlaceWords.has(word);

function replaceSpans(text: string, spans: readonly RedactionSpan[]): string {
  let out = '';
  let position = 0;
  for (const span of spans) {
    out += `${text.slice(position, span.start)}[${span.type}]`;
    position = span.end;
  }
  return out + text.slice(position);
}

/**
 * Builds a redactor for one registry. Build it once (the registry becomes a word trie) and reuse it: each
 * comment then costs one compromise parse plus linear passes of the rules.
 *
 * Layers, surest first: identifier rules (email, UK phone, checksummed NHS number, postcode, GMC/NMC/HCPC/GPhC
 * numbers, dates of birth), the registry's names and their short forms, place and organisation name shapes,
 * names by context (titles, roles, lists), compromise's people, places and organisations, and last a guess
 * for unknown capitalised words, which also sends the comment to review.
 */
export function createRedactor(registry: RegistryNames): Redactor {
  const registryMatcher = createRegistryMatcher(registry, isOrdinaryWord);

  const redact = (text: string): RedactionResult => {
    const tokens = tokenise(text);
    const candidates: Candidate[] = [
      ...findEmails(text),
      ...findPhoneNumbers(text),
      ...findNhsNumbers(text),
      ...findPostcodes(text),
      ...findRegistrationNumbers(text),
      ...findDatesOfBirth(text),
      ...registryMatcher.find(text, tokens),
      ...findPlacePatterns(tokens),
      ...findSiteShapes(tokens),
    ];
    if (tokens.some((token) => /\p{L}/u.test(token.text))) {
      const analysis = analyseWithNlp(text);
      const annotated = annotate(tokens, analysis.terms);
      candidates.push(...candidatesFromNlp(analysis, annotated), ...findNamesByContext(annotated));
      const isCovered = (start: number, end: number): boolean =>
        candidates.some((candidate) => candidate.start < end && start < candidate.end);
      candidates.push(...guessUnknownProperNouns(annotated, isCovered));
      candidates.push(
        ...extendNameLists(
          annotated,
          candidates.filter((candidate) => candidate.type === 'NAME'),
        ),
      );
    }
    // A placeholder already in the text (a comment redacted twice, or typed by the learner) stays as it is, and
    // so does the name of a national body.
    const kept = [...text.matchAll(placeholderPattern), ...text.matchAll(nationalBodies)].map((match) => [
      match.index,
      match.index + match[0].length,
    ]);
    const outsidePlaceholders = widenPlaceModifiers(candidates, tokens).filter((candidate) =>
      kept.every(([start, end]) => candidate.end <= start || candidate.start >= end),
    );
    const merged = mergeCandidates(outsidePlaceholders, text);
    const spans: RedactionSpan[] = merged.map(({ start, end, type, source }) => ({
      start,
      end,
      type,
      source,
    }));
    const reviewReasons = [
      ...merged.flatMap((span) => span.reviewReasons),
      ...findResidualIdentifiers(text, spans),
    ];
    return { text: replaceSpans(text, spans), spans, needsReview: reviewReasons.length > 0, reviewReasons };
  };

  return { redact };
}
