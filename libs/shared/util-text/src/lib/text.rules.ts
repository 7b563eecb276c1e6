/**
 * The one rule for free text people type into any service: a documented maximum length and no invisible
 * characters that could hide or reorder what a reader sees, or that no database or event can carry.
 */

/** C0 and C1 controls except tab, line feed and carriage return, which multi-line text may hold. */
const CONTROL_EXCEPT_LINE_BREAKS = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F';
/** Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). */
const BIDI_CONTROLS = '\\u202A-\\u202E\\u2066-\\u2069';
const MULTI_LINE_FORBIDDEN = new RegExp(`[${CONTROL_EXCEPT_LINE_BREAKS}${BIDI_CONTROLS}]`);
const SINGLE_LINE_FORBIDDEN = new RegExp(`[\\t\\n\\r${CONTROL_EXCEPT_LINE_BREAKS}${BIDI_CONTROLS}]`);
/** A high surrogate not followed by a low one, or a low one not preceded by a high one (UTF-16 code units). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text no field of the platform accepts, whatever its own rule: a NUL byte (PostgreSQL cannot store it and
 * fails the whole statement) or a lone surrogate (not a character; it cannot be encoded as UTF-8).
 */
export function isUnencodableText(value: string): boolean {
  return value.includes('\u0000') || LONE_SURROGATE.test(value);
}

/** Multi-line text with a character the text rule refuses (controls, bidirectional overrides, lone surrogates). */
export function hasUnstorableCharacters(value: string): boolean {
  return LONE_SURROGATE.test(value) || MULTI_LINE_FORBIDDEN.test(value);
}

export interface TextRule {
  /** Most characters allowed, counted after trimming. */
  max: number;
  /** Line breaks and tabs are allowed (descriptions, comments); single-line text (names) refuses them. */
  multiline?: boolean;
}

/** Documented limits: every free-text field of the three services uses one of these. */
export const TEXT_LIMITS = {
  /** Codes, names, titles, job titles, labels. */
  name: 200,
  /** One-line statements: a question, an option label, a programme, a reason. */
  line: 1000,
  /** Narrative text: descriptions, evidence, updates, replies. */
  narrative: 10000,
} as const;

/**
 * Why `value` breaks the text rule, or undefined when it is acceptable. The caller decides the field's
 * path and error; the limit applies to the trimmed text, as stored.
 */
export function textProblem(value: string, rule: TextRule): string | undefined {
  const text = value.trim();
  if (text.length > rule.max) return `at most ${rule.max} characters (got ${text.length})`;
  if (LONE_SURROGATE.test(text)) return 'contains an invalid character (a lone surrogate)';
  const forbidden = (rule.multiline ? MULTI_LINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN).exec(text);
  if (forbidden) {
    const code = forbidden[0].codePointAt(0) ?? 0;
    return `contains the control or bidirectional character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return undefined;
}
