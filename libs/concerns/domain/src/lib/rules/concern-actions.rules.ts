import { BadUserInputError } from '@nets/shared/util-errors';
import { MAX_ACTION_HORIZON_DAYS } from './concern-input.rules';
import { IMMEDIATE_MANDATORY_REQUIREMENT_WORKING_DAYS, addWorkingDays } from './working-days.rules';

export const CONCERN_ACTION_KINDS = [
  'URGENT_RISK_REVIEW',
  'PROGRAMME_REVIEW',
  'LEARNER_OR_EDUCATOR_REVIEW',
  'SENIOR_LEADER_ENGAGEMENT_VISIT',
  'REMOVAL_OF_LEARNERS',
  'IMMEDIATE_MANDATORY_REQUIREMENT',
] as const;
export type ConcernActionKind = (typeof CONCERN_ACTION_KINDS)[number];

interface ActionTiming {
  kind: ConcernActionKind;
  dueAt?: Date | null;
  workingDays?: number | null;
}

/** A known kind, 1 to 100 working days, and a due date that is a date within the action horizon. */
export function checkActionInput(input: ActionTiming, now: Date): void {
  if (!CONCERN_ACTION_KINDS.includes(input.kind))
    throw new BadUserInputError('Unknown action kind.', [{ path: 'input.kind', message: 'unknown' }]);
  if (
    input.workingDays !== undefined &&
    input.workingDays !== null &&
    (input.workingDays < 1 || input.workingDays > 100)
  )
    throw new BadUserInputError('Working days must be from 1 to 100.', [
      { path: 'input.workingDays', message: '1–100' },
    ]);
  if (input.dueAt && Number.isNaN(input.dueAt.getTime()))
    throw new BadUserInputError('input.dueAt is not a date.', [{ path: 'input.dueAt', message: 'invalid' }]);
  if (input.dueAt && input.dueAt.getTime() > now.getTime() + MAX_ACTION_HORIZON_DAYS * 86400000)
    throw new BadUserInputError(`An action falls due within ${MAX_ACTION_HORIZON_DAYS} days.`, [
      { path: 'input.dueAt', message: 'too far ahead' },
    ]);
}

/**
 * When an action falls due: the date given, else working days from now (an immediate mandatory requirement
 * has five), else no date. A date that is not in the future is refused.
 */
export function actionDueAt(input: ActionTiming, now: Date, bankHolidays: readonly string[]): Date | null {
  const dueAt =
    input.dueAt ??
    (input.kind === 'IMMEDIATE_MANDATORY_REQUIREMENT' || input.workingDays
      ? addWorkingDays(now, input.workingDays ?? IMMEDIATE_MANDATORY_REQUIREMENT_WORKING_DAYS, bankHolidays)
      : null);
  if (dueAt && dueAt.getTime() <= now.getTime())
    throw new BadUserInputError('An action is due in the future.', [
      { path: 'input.dueAt', message: 'in the past' },
    ]);
  return dueAt;
}
