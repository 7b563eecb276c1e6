import { TEXT_LIMITS, hasUnstorableCharacters, isUnencodableText, textProblem } from './text.rules';

describe('textProblem', () => {
  it('accepts ordinary text, accents, emoji and, in multi-line text, line breaks and tabs', () => {
    expect(textProblem('Royal Wychbourne Hospital – Ward 7B', { max: TEXT_LIMITS.name })).toBeUndefined();
    expect(textProblem('Zoë’s update 👍', { max: TEXT_LIMITS.line })).toBeUndefined();
    expect(textProblem('First line\r\n\tsecond line', { max: 100, multiline: true })).toBeUndefined();
  });

  it('measures the trimmed text against the maximum', () => {
    expect(textProblem(`  ${'a'.repeat(200)}  `, { max: 200 })).toBeUndefined();
    expect(textProblem('a'.repeat(201), { max: 200 })).toBe('at most 200 characters (got 201)');
    expect(textProblem('x'.repeat(60000), { max: TEXT_LIMITS.narrative, multiline: true })).toMatch(
      /^at most 10000 characters/,
    );
  });

  it.each([
    ['NUL', '\u0000'],
    ['bell', '\u0007'],
    ['escape', '\u001B'],
    ['delete', '\u007F'],
    ['C1 next line', '\u0085'],
    ['C1 CSI', '\u009B'],
    ['left-to-right embedding', '\u202A'],
    ['right-to-left override', '\u202E'],
    ['left-to-right isolate', '\u2066'],
    ['pop directional isolate', '\u2069'],
  ])('refuses %s anywhere, in single- and multi-line text', (_name, character) => {
    expect(textProblem(`Trust${character}name`, { max: 200 })).toMatch(/control or bidirectional/);
    expect(textProblem(`Trust${character}name`, { max: 200, multiline: true })).toMatch(
      /control or bidirectional/,
    );
  });

  it('refuses line breaks and tabs in single-line text, naming the character', () => {
    expect(textProblem('Two\nlines', { max: 200 })).toBe(
      'contains the control or bidirectional character U+000A',
    );
    expect(textProblem('Tab\there', { max: 200 })).toMatch(/U\+0009/);
  });

  it('refuses lone surrogates but not surrogate pairs', () => {
    expect(textProblem('bad \uD800 text', { max: 200 })).toMatch(/lone surrogate/);
    expect(textProblem('bad \uDC00', { max: 200 })).toMatch(/lone surrogate/);
    expect(textProblem('good \uD83D\uDC4D', { max: 200 })).toBeUndefined();
  });
});

describe('hasUnstorableCharacters', () => {
  it('allows line breaks, tabs and emoji, and refuses controls, bidirectional overrides and lone surrogates', () => {
    expect(hasUnstorableCharacters('Line one\r\n\tline two 👍')).toBe(false);
    for (const bad of [
      'a\u0000b',
      'a\u0007b',
      'a\u007fb',
      'a\u0085b',
      'a\u202eb',
      'a\u2066b',
      'a\ud800b',
      'a\udc00',
    ]) {
      expect(hasUnstorableCharacters(bad)).toBe(true);
    }
  });
});

describe('isUnencodableText', () => {
  it('refuses only what no field can hold: NUL and lone surrogates', () => {
    expect(isUnencodableText('tab\tand bell\u0007 are a field rule, not an encoding one')).toBe(false);
    expect(isUnencodableText('a\u0000b')).toBe(true);
    expect(isUnencodableText('\ud83d')).toBe(true);
    expect(isUnencodableText('\ud83d\udc4d')).toBe(false);
  });
});
