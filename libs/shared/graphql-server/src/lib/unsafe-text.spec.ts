import { parse } from 'graphql';
import { documentHasUnsafeText, isUnsafeText, unsafeTextInVariables } from './unsafe-text';

describe('unsafe text (issue 13, item 12)', () => {
  it('finds NUL bytes and unpaired surrogates, and accepts every well-formed text', () => {
    for (const bad of ['a\u0000b', '\uD800', 'x\uDC00', '\uDBFFz', '\uDC00\uD800'])
      expect(isUnsafeText(bad)).toBe(true);
    for (const good of ['', 'plain', 'Zoë – naïve 😀', '\uD83D\uDE00', 'tab\tnew\nline', '\u202E']) {
      expect(isUnsafeText(good)).toBe(false);
    }
  });

  it('names the variable that holds unsafe text, however deep', () => {
    expect(unsafeTextInVariables({ a: 'ok', input: { list: ['fine', { text: 'bad\u0000' }] } })).toBe(
      '$input.list[1].text',
    );
    expect(unsafeTextInVariables({ input: { ['\uD800']: 1 } })).toBe('$input');
    expect(unsafeTextInVariables({ a: 'ok', n: 3, b: null })).toBeUndefined();
    expect(unsafeTextInVariables(undefined)).toBeUndefined();
  });

  it('finds unsafe text in inline string arguments, escapes included', () => {
    expect(documentHasUnsafeText(parse('{ f(a: "x\\u0000y") }'))).toBe(true);
    expect(documentHasUnsafeText(parse('{ f(a: { b: ["ok", "\\u0000"] }) }'))).toBe(true);
    expect(documentHasUnsafeText(parse('{ f(a: "fine \\uD83D\\uDE00") }'))).toBe(false);
  });
});
