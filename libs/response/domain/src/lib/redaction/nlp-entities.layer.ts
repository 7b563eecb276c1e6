import nlp from 'compromise';

/** A compromise term with offsets into the comment. */
export interface NlpTerm {
  start: number;
  end: number;
  tags: ReadonlySet<string>;
}

export type NlpEntityKind = 'person' | 'place' | 'organisation';

export interface NlpEntity {
  kind: NlpEntityKind;
  terms: readonly NlpTerm[];
}

export interface NlpAnalysis {
  terms: readonly NlpTerm[];
  entities: readonly NlpEntity[];
}

interface CompromiseTerm {
  text: string;
  pre: string;
  post: string;
  tags?: Set<string>;
}

const noTags: ReadonlySet<string> = new Set();

/**
 * Tags the comment with compromise and returns its people, places and organisations as term lists. compromise
 * keeps every character of the input in a term's `pre`/`text`/`post`, so offsets are recovered by walking the
 * terms, without its slower `offset` computation.
 */
export function analyseWithNlp(text: string): NlpAnalysis {
  const doc = nlp(text);
  const byTerm = new Map<CompromiseTerm, NlpTerm>();
  const terms: NlpTerm[] = [];
  let position = 0;
  for (const sentence of doc.docs) {
    for (const term of sentence as CompromiseTerm[]) {
      const start = position + term.pre.length;
      const located: NlpTerm = { start, end: start + term.text.length, tags: term.tags ?? noTags };
      position = located.end + term.post.length;
      byTerm.set(term, located);
      if (term.text !== '') {
        terms.push(located);
      }
    }
  }
  const entities: NlpEntity[] = [];
  const collect = (kind: NlpEntityKind, matches: CompromiseTerm[][]): void => {
    for (const match of matches) {
      const located = match
        .map((term) => byTerm.get(term))
        .filter((term): term is NlpTerm => term !== undefined && term.end > term.start);
      if (located.length > 0) {
        entities.push({ kind, terms: located });
      }
    }
  };
  collect('person', doc.people().docs as CompromiseTerm[][]);
  collect('place', doc.places().docs as CompromiseTerm[][]);
  collect('organisation', doc.organizations().docs as CompromiseTerm[][]);
  return { terms, entities };
}

function readLexicon(): ReadonlyMap<string, string> {
  const model: unknown = nlp.model();
  const one: unknown = typeof model === 'object' && model !== null ? Reflect.get(model, 'one') : undefined;
  const lexicon: unknown = typeof one === 'object' && one !== null ? Reflect.get(one, 'lexicon') : undefined;
  const entries = new Map<string, string>();
  if (typeof lexicon === 'object' && lexicon !== null) {
    for (const [word, tag] of Object.entries(lexicon)) {
      entries.set(word, Array.isArray(tag) ? tag.join('|') : String(tag));
    }
  }
  return entries;
}

let lexicon: ReadonlyMap<string, string> | undefined;

/** The tag compromise's own lexicon gives a lower-case word (`FirstName`, `Singular`, `Infinitive`), if any. */
export function lexiconTag(word: string): string | undefined {
  lexicon ??= readLexicon();
  return lexicon.get(word);
}
