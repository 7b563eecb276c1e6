import { BadUserInputError, ConflictError, type ErrorDetail } from '@nets/shared/util-errors';
import { TEXT_LIMITS, textProblem } from '@nets/shared/util-text';

export const CYCLE_STATUSES = ['DRAFT', 'OPEN', 'CLOSED'] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

export interface CycleState {
  year: number;
  status: CycleStatus;
  opensAt: Date;
  closesAt: Date;
}

export interface NewCycle {
  year: number;
  name: string;
  opensAt: Date;
  closesAt: Date;
}

/** The first NETS cycle the platform holds, and how far ahead a cycle may be planned. */
export const FIRST_CYCLE_YEAR = 2019;
export const MAX_YEARS_AHEAD = 5;
/** A cycle's dates lie within this many years of its year, and it runs at most this many days. */
export const MAX_YEARS_FROM_CYCLE_YEAR = 2;
export const MAX_CYCLE_DAYS = 366;
export const CYCLE_NAME_RULE = { max: TEXT_LIMITS.name };
export const OVERRIDE_REASON_RULE = { max: TEXT_LIMITS.line, multiline: true };

/** Every problem of a new cycle (a year, name and dates that make sense together); throws BAD_USER_INPUT. */
export function checkNewCycle(cycle: NewCycle, now: Date): void {
  const problems: ErrorDetail[] = [];
  const lastYear = now.getUTCFullYear() + MAX_YEARS_AHEAD;
  if (!Number.isInteger(cycle.year) || cycle.year < FIRST_CYCLE_YEAR || cycle.year > lastYear) {
    problems.push({ path: 'year', message: `a year from ${FIRST_CYCLE_YEAR} to ${lastYear}` });
  }
  if (cycle.name.trim() === '') problems.push({ path: 'name', message: 'empty' });
  else {
    const problem = textProblem(cycle.name, CYCLE_NAME_RULE);
    if (problem) problems.push({ path: 'name', message: problem });
  }
  for (const key of ['opensAt', 'closesAt'] as const) {
    const at = cycle[key];
    if (Number.isNaN(at.getTime())) problems.push({ path: key, message: 'not a date' });
    else if (Math.abs(at.getUTCFullYear() - cycle.year) > MAX_YEARS_FROM_CYCLE_YEAR) {
      problems.push({
        path: key,
        message: `within ${MAX_YEARS_FROM_CYCLE_YEAR} years of the cycle year ${cycle.year}`,
      });
    }
  }
  if (!(cycle.opensAt < cycle.closesAt)) problems.push({ path: 'closesAt', message: 'before opensAt' });
  else if (cycle.closesAt.getTime() - cycle.opensAt.getTime() > MAX_CYCLE_DAYS * 86_400_000) {
    problems.push({ path: 'closesAt', message: `at most ${MAX_CYCLE_DAYS} days after opensAt` });
  }
  if (problems.length > 0) {
    const first = problems[0];
    throw new BadUserInputError(
      first.path === 'closesAt' && first.message === 'before opensAt'
        ? 'A cycle must close after it opens.'
        : `The cycle is not valid: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}.`,
      problems,
    );
  }
}

/** An administrator's reason for an override: required, and held to the text rule. */
export function checkOverrideReason(reason: string | undefined): string | undefined {
  const text = reason?.trim();
  if (!text) return undefined;
  const problem = textProblem(text, OVERRIDE_REASON_RULE);
  if (problem)
    throw new BadUserInputError(`The reason ${problem}.`, [{ path: 'override.reason', message: problem }]);
  return text;
}

export interface OpenRequest {
  now: Date;
  hasPublishedQuestionnaire: boolean;
  /** The year of another cycle that is open now, if any. */
  otherOpenCycle?: number;
  /** An ADMIN's recorded reason to reopen a closed cycle. */
  overrideReason?: string;
}

/** Whether a cycle may open now; throws the error the caller gets otherwise. Returns true for a reopening. */
export function checkCanOpen(cycle: CycleState, request: OpenRequest): { reopening: boolean } {
  if (cycle.status === 'OPEN') throw new ConflictError(`The ${cycle.year} cycle is already open.`);
  const reopening = cycle.status === 'CLOSED';
  if (reopening && !request.overrideReason?.trim()) {
    throw new ConflictError(
      `The ${cycle.year} cycle is closed; it can only be reopened by an administrator override with a reason.`,
    );
  }
  if (!request.hasPublishedQuestionnaire) {
    throw new ConflictError(`The ${cycle.year} cycle has no published questionnaire to open with.`);
  }
  if (request.otherOpenCycle !== undefined) {
    throw new ConflictError(
      `The ${request.otherOpenCycle} cycle is open; only one cycle may be open at a time.`,
    );
  }
  if (cycle.closesAt <= request.now) {
    throw new ConflictError(`The ${cycle.year} cycle's closing time has passed; move it before opening.`);
  }
  return { reopening };
}

export function checkCanClose(cycle: CycleState): void {
  if (cycle.status !== 'OPEN') {
    throw new ConflictError(`The ${cycle.year} cycle is ${cycle.status.toLowerCase()}, not open.`);
  }
}

/** An open cycle past its closing time closes itself. */
export function isDueToClose(cycle: CycleState, now: Date): boolean {
  return cycle.status === 'OPEN' && cycle.closesAt <= now;
}

/** A back-filled cycle is a past one: valid as a new cycle, and already closed by now. */
export function checkImportedCycle(cycle: NewCycle, now: Date): void {
  checkNewCycle(cycle, now);
  if (cycle.year > now.getUTCFullYear() || cycle.closesAt > now) {
    throw new BadUserInputError(
      `Only past cycles can be imported: the ${cycle.year} cycle would still be running; create and open it instead.`,
      [{ path: 'closesAt', message: 'not in the past' }],
    );
  }
}
