import { isBrandOrLetterWord, tokenise } from './text-tokens';

describe('tokenise', () => {
  it('keeps apostrophes, hyphens and ampersands inside words', () => {
    expect(tokenise("O'Connell's A&E, Clarke-Whitfield; I'm").map((token) => token.text)).toEqual([
      "O'Connell's",
      'A&E',
      'Clarke-Whitfield',
      "I'm",
    ]);
  });

  it('knows which words start a sentence, but not after a title with a full stop', () => {
    const tokens = tokenise('Hope helps. Dr. Mahmood ran it: Mark came (Will too)');
    const initial = tokens.filter((token) => token.sentenceInitial).map((token) => token.text);
    expect(initial).toEqual(['Hope', 'Dr', 'Mark']);
  });

  it('tells capitalised words from all-capital ones', () => {
    const [sarah, nhs, shout, a] = tokenise('Sarah NHS SARAH a');
    expect([sarah.capitalised, sarah.allCaps]).toEqual([true, false]);
    expect([nhs.capitalised, nhs.allCaps]).toEqual([false, true]);
    expect(shout.allCaps).toBe(true);
    expect(a.capitalised).toBe(false);
  });
});

describe('isBrandOrLetterWord', () => {
  it.each(['WhatsApp', 'SystmOne', 'YouTube', 'X-rays', 'eObs'])(
    'treats %s as a product or letter word',
    (word) => {
      expect(isBrandOrLetterWord(word)).toBe(true);
    },
  );

  it.each(['McAllister', 'MacDonald', "O'Neill", 'DeSouza', 'Anne-Marie', 'Sarah'])(
    'keeps %s as a possible name',
    (word) => {
      expect(isBrandOrLetterWord(word)).toBe(false);
    },
  );
});
