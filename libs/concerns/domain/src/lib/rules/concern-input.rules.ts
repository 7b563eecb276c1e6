import { LEARNER_GROUP_CODES, QUALITY_STANDARD_CODES } from '@nets/survey/contract-events';
import { TEXT_LIMITS, textProblem, type TextRule } from '@nets/shared/util-text';
import type { ConcernCursor } from '../models/concern.models';
import { BadUserInputError } from '@nets/shared/util-errors';

/** Limits of every free-text field a person gives the concerns service (documented in the schema). */
export const CONCERN_TEXT = {
  /** Descriptions, reasons, rationales, evidence, updates, replies, summaries. */
  narrative: { max: TEXT_LIMITS.narrative, multiline: true },
  /** Risk controls, an ISF level's description. */
  line: { max: TEXT_LIMITS.line, multiline: true },
  /** A programme, an ISF level's name. */
  name: { max: TEXT_LIMITS.name },
  /** A follow-up code as a learner types it. */
  followUpCode: { max: 64 },
} as const satisfies Record<string, TextRule>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** An id argument of a mutation's input: anything but a UUID is the caller's mistake. */
export function requireUuid(value: string, path: string): string {
  if (!isUuid(value))
    throw new BadUserInputError(`${path} is not a valid id.`, [{ path, message: 'a UUID' }]);
  return value;
}

/** Trimmed text within its rule; empty text is refused unless optional (then null). */
export function checkedText(value: string | null | undefined, path: string, rule: TextRule): string;
export function checkedText(
  value: string | null | undefined,
  path: string,
  rule: TextRule,
  optional: true,
): string | null;
export function checkedText(
  value: string | null | undefined,
  path: string,
  rule: TextRule,
  optional = false,
): string | null {
  const text = value?.trim() ?? '';
  if (text === '') {
    if (optional) return null;
    throw new BadUserInputError(`${path} is required.`, [{ path, message: 'required' }]);
  }
  const problem = textProblem(text, rule);
  if (problem) throw new BadUserInputError(`${path}: ${problem}.`, [{ path, message: problem }]);
  return text;
}

/** Quality Framework standards at risk: known codes, each once, at most every standard there is. */
export function checkedStandards(codes: readonly string[], path: string): string[] {
  return checkedCodes(codes, path, QUALITY_STANDARD_CODES, 'Quality Framework standard');
}

/** Text a change of a concern must give (a reason, evidence, an update), within the narrative limit. */
export function requiredText(value: string | null | undefined, path: string): string {
  return checkedText(value, path, CONCERN_TEXT.narrative);
}

/** Learner groups a concern is about: known NETS learner groups, each once. */
export function checkedLearnerGroups(codes: readonly string[], path: string): string[] {
  return checkedCodes(codes, path, LEARNER_GROUP_CODES, 'learner group');
}

function checkedCodes(
  codes: readonly string[],
  path: string,
  known: readonly string[],
  what: string,
): string[] {
  if (codes.length > known.length)
    throw new BadUserInputError(`At most ${known.length} ${what}s.`, [
      { path, message: `at most ${known.length} entries` },
    ]);
  const trimmed = codes.map((code) => code.trim());
  const unknown = trimmed.filter((code) => !known.includes(code));
  if (unknown.length > 0)
    throw new BadUserInputError(
      `Unknown ${what}${unknown.length > 1 ? 's' : ''}: ${unknown
        .slice(0, 5)
        .map((code) => JSON.stringify(code.slice(0, 20)))
        .join(', ')}.`,
      unknown.slice(0, 5).map(() => ({ path, message: `one of ${known.join(', ')}` })),
    );
  return [...new Set(trimmed)];
}

/** Actions fall due within this many days; a later date is a typing mistake, not a plan. */
export const MAX_ACTION_HORIZON_DAYS = 3 * 366;

/** The opaque `after` of a concerns page: the UTC day and id of the last concern of the previous page. */
export function encodeConcernCursor(cursor: ConcernCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeConcernCursor(after: string): ConcernCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    Array.isArray(parsed) &&
    parsed.length === 2 &&
    typeof parsed[0] === 'string' &&
    isCalendarDay(parsed[0]) &&
    typeof parsed[1] === 'string' &&
    isUuid(parsed[1])
  )
    return [parsed[0], parsed[1]];
  throw new BadUserInputError('after is not a cursor this service gave out.', [
    { path: 'after', message: 'an endCursor from a previous page' },
  ]);
}

function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}
