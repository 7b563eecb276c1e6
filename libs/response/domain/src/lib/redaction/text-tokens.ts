/** A word of the comment with its offsets; the rule layers reason over these. */
export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower case, curly apostrophes straightened. */
  lower: string;
  /** First letter upper case and not every letter upper case (`Sarah`, `O'Connell`, `McAllister`). */
  capitalised: boolean;
  /** Two or more letters, all upper case (`NHS`, `SARAH`). */
  allCaps: boolean;
  /** Starts a sentence, so its capital letter says nothing. */
  sentenceInitial: boolean;
  /** Punctuation and spaces between the previous token and this one. */
  gapBefore: string;
}

const wordPattern = /[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|['’\-&](?=[\p{L}\p{N}]))*/gu;
const sentenceBreak = /[.!?:;\n•]/;
const abbreviationsBeforeDot = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'prof',
  'st',
  'no',
  'rev',
  'revd',
  'mx',
  'e.g',
  'i.e',
]);

export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(wordPattern)) {
    const start = match.index;
    const word = match[0];
    const gapBefore = text.slice(previousEnd, start);
    const letters = word.replace(/[^\p{L}]/gu, '');
    const allCaps =
      letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
    const first = word.charAt(0);
    const capitalised = !allCaps && first !== first.toLowerCase() && first === first.toUpperCase();
    const previous = tokens.at(-1);
    const breakInGap = sentenceBreak.test(gapBefore);
    const afterAbbreviation =
      previous !== undefined &&
      gapBefore.trimStart().startsWith('.') &&
      abbreviationsBeforeDot.has(previous.lower);
    tokens.push({
      start,
      end: start + word.length,
      text: word,
      lower: word.toLowerCase().replace(/’/g, "'"),
      capitalised,
      allCaps,
      sentenceInitial: previous === undefined || (breakInGap && !afterAbbreviation),
      gapBefore,
    });
    previousEnd = start + word.length;
  }
  return tokens;
}

/**
 * Product names written in camel case (`WhatsApp`, `SystmOne`, `YouTube`) and letter-hyphen words (`X-rays`,
 * `A-levels`) are not people; `McAllister`, `MacDonald`, `O'Neill`, `DeSouza` keep their inner capital.
 */
export function isBrandOrLetterWord(text: string): boolean {
  if (/^\p{L}-/u.test(text)) {
    return true;
  }
  return (
    /^\p{Lu}?\p{Ll}+\p{Lu}/u.test(text) &&
    !/^(?:Mc|Mac|O'|O’|D'|D’|De|Di|Da|Du|Le|La|Van|Von|Fitz|St)\p{Lu}/u.test(text)
  );
}
