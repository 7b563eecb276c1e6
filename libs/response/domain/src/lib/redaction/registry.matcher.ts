import { genericPlaceWords } from './domain-vocabulary';
import type { Candidate, RedactionType, RegistryNames } from './redaction.types';
import { tokenise, type Token } from './text-tokens';

interface RegistryEntry {
  type: RedactionType;
  /** Derived short forms must be written with a capital to count: `Moorside`, not `moorside`. */
  needsCapital: boolean;
  source: string;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  entry?: RegistryEntry;
}

/** Case, apostrophes, `St.`/`Saint` and `&`/`and` do not distinguish registry names. */
function normaliseWord(word: string): string {
  const plain = word.toLowerCase().replace(/['’]/g, '');
  if (plain === 'saint') {
    return 'st';
  }
  return plain === '&' ? 'and' : plain;
}

const organisationSuffixes = [
  ['nhs', 'foundation', 'trust'],
  ['nhs', 'trust'],
  ['foundation', 'trust'],
  ['ltd'],
  ['limited'],
  ['plc'],
];

const siteSuffixes = [
  ['general', 'hospital'],
  ['district', 'hospital'],
  ['community', 'hospital'],
  ['hospital'],
  ['infirmary'],
  ['health', 'centre'],
  ['medical', 'centre'],
  ['birth', 'centre'],
  ['centre'],
  ['clinic'],
  ['unit'],
  ['house'],
  ['surgery'],
  ['medical', 'practice'],
  ['dental', 'practice'],
  ['practice'],
  ['hospice'],
  ['care', 'home'],
  ['primary', 'care', 'network'],
];

function endsWith(words: readonly string[], suffix: readonly string[]): boolean {
  return (
    words.length > suffix.length &&
    suffix.every((word, i) => words[words.length - suffix.length + i] === word)
  );
}

/**
 * Short forms learners use for registry names: `Northvale General` for Northvale General Hospital,
 * `St Aidan's` for St Aidan's Hospital, `Calderbrook Community Healthcare` for the trust. A single remaining
 * word is kept only when it is no ordinary word (`Moorside`, never `Park`).
 */
function shortForms(words: readonly string[], isOrdinaryWord: (word: string) => boolean): string[][] {
  const forms: string[][] = [];
  for (const suffix of [...organisationSuffixes, ...siteSuffixes]) {
    if (!endsWith(words, suffix)) {
      continue;
    }
    const rest = words.slice(0, words.length - suffix.length);
    const distinctive = rest.filter(
      (word) => word !== 'st' && word !== 'the' && !genericPlaceWords.has(word),
    );
    if (distinctive.length === 0) {
      continue;
    }
    if (rest.length > 1 || (rest[0].length >= 4 && !isOrdinaryWord(rest[0]))) {
      forms.push(rest);
    }
  }
  return forms;
}

export interface RegistryMatcher {
  find(text: string, tokens?: readonly Token[]): Candidate[];
}

/**
 * Compiles the registry into a word trie once; each comment is then scanned word by word, taking the longest
 * registry name that starts at each word, so the cost per comment does not grow with the registry's size.
 */
export function createRegistryMatcher(
  registry: RegistryNames,
  isOrdinaryWord: (word: string) => boolean = () => false,
): RegistryMatcher {
  const root: TrieNode = { children: new Map() };
  const insert = (words: readonly string[], entry: RegistryEntry): void => {
    let node = root;
    for (const word of words) {
      let next = node.children.get(word);
      if (!next) {
        next = { children: new Map() };
        node.children.set(word, next);
      }
      node = next;
    }
    // A full registry name wins over a short form of another entry spelt the same.
    if (!node.entry || (node.entry.needsCapital && !entry.needsCapital)) {
      node.entry = entry;
    }
  };
  const add = (names: readonly string[], type: RedactionType): void => {
    for (const name of names) {
      const words = tokenise(name).map((token) => normaliseWord(token.text));
      if (words.length === 0) {
        continue;
      }
      insert(words, { type, needsCapital: false, source: 'registry' });
      for (const form of shortForms(words, isOrdinaryWord)) {
        insert(form, { type, needsCapital: true, source: 'registry:short-form' });
      }
    }
  };
  add(registry.organisations, 'ORGANISATION');
  add(registry.sites, 'PLACE');

  const find = (text: string, tokens: readonly Token[] = tokenise(text)): Candidate[] => {
    const found: Candidate[] = [];
    let i = 0;
    while (i < tokens.length) {
      let node: TrieNode | undefined = root;
      let best: { end: number; next: number; entry: RegistryEntry } | undefined;
      for (let j = i; j < tokens.length && node; j += 1) {
        const gap = tokens[j].gapBefore.trim();
        if (j > i && gap !== '' && !(gap === '.' && tokens[j - 1].lower === 'st')) {
          break;
        }
        const token = tokens[j];
        const word = normaliseWord(token.text);
        const possessive = /['’]s$/i.test(token.text) ? normaliseWord(token.text.slice(0, -2)) : undefined;
        const exact: TrieNode | undefined = node.children.get(word);
        const viaPossessive: TrieNode | undefined = possessive ? node.children.get(possessive) : undefined;
        const firstCapitalOk = (entry: RegistryEntry): boolean =>
          !entry.needsCapital || tokens[i].capitalised || tokens[i].allCaps;
        if (viaPossessive?.entry && firstCapitalOk(viaPossessive.entry)) {
          best = { end: token.end - 2, next: j + 1, entry: viaPossessive.entry };
        }
        if (exact?.entry && firstCapitalOk(exact.entry)) {
          best = { end: token.end, next: j + 1, entry: exact.entry };
        }
        node = exact;
      }
      if (best) {
        found.push({
          start: tokens[i].start,
          end: best.end,
          type: best.entry.type,
          source: best.entry.source,
          confidence: 'certain',
        });
        i = best.next;
      } else {
        i += 1;
      }
    }
    return found;
  };
  return { find };
}
