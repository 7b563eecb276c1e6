import { lexiconTag, type NlpTerm } from './nlp-entities.layer';
import type { Token } from './text-tokens';

/** A token with what compromise thinks of it. */
export interface AnnotatedToken extends Token {
  /** Tags of the compromise terms inside the token (`Clarke-Whitfield` is two terms). */
  tags: ReadonlySet<string>;
  /** The tag compromise's lexicon gives the word out of context; undefined for words it does not know. */
  lexicon: string | undefined;
}

export function annotate(tokens: readonly Token[], terms: readonly NlpTerm[]): AnnotatedToken[] {
  let t = 0;
  return tokens.map((token) => {
    while (t < terms.length && terms[t].end <= token.start) {
      t += 1;
    }
    const tags = new Set<string>();
    for (let k = t; k < terms.length && terms[k].start < token.end; k += 1) {
      for (const tag of terms[k].tags) {
        tags.add(tag);
      }
    }
    const base = token.lower.replace(/'s$/, '');
    return { ...token, tags, lexicon: lexiconTag(token.lower) ?? lexiconTag(base) };
  });
}

const personTags = ['Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName'];

export function looksLikePersonToCompromise(token: AnnotatedToken): boolean {
  return personTags.some((tag) => token.tags.has(tag)) || /Name$/.test(token.lexicon ?? '');
}
