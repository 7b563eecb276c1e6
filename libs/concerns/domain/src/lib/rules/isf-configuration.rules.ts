import { BadUserInputError } from '@nets/shared/util-errors';
import { textProblem } from '@nets/shared/util-text';
import type { IsfLevelInput } from '../models/concern-commands';
import { CONCERN_TEXT } from './concern-input.rules';

/** The framework has four levels; room to grow, not to store thousands. */
const MAX_LEVELS = 10;

/** A new version of the ISF levels: numbered 1, 2, 3, … without gaps, texts within limits, trimmed. */
export function checkedIsfLevels(levels: readonly IsfLevelInput[]): IsfLevelInput[] {
  const details = levels.flatMap((level, index) => [
    ...(Number.isInteger(level.level) && level.level >= 1
      ? []
      : [{ path: `levels[${index}].level`, message: 'a positive whole number' }]),
    ...(level.name.trim() ? [] : [{ path: `levels[${index}].name`, message: 'required' }]),
    ...textDetails(level.name, `levels[${index}].name`, CONCERN_TEXT.name),
    ...textDetails(level.description, `levels[${index}].description`, CONCERN_TEXT.line),
    ...(Number.isInteger(level.reviewIntervalDays) &&
    level.reviewIntervalDays >= 1 &&
    level.reviewIntervalDays <= 366
      ? []
      : [{ path: `levels[${index}].reviewIntervalDays`, message: 'from 1 to 366 days' }]),
  ]);
  const numbers = levels.map((level) => level.level).sort((a, b) => a - b);
  if (levels.length === 0 || levels.length > MAX_LEVELS || numbers.some((n, i) => n !== i + 1))
    details.push({ path: 'levels', message: 'levels must be numbered 1, 2, 3, … without gaps' });
  if (details.length > 0) throw new BadUserInputError('The ISF levels are not valid.', details);
  return levels.map((level) => ({
    ...level,
    name: level.name.trim(),
    description: level.description.trim(),
  }));
}

function textDetails(value: string, path: string, rule: { max: number; multiline?: boolean }) {
  const problem = textProblem(value, rule);
  return problem ? [{ path, message: problem }] : [];
}
