import { BadUserInputError, ConflictError } from '@nets/shared/util-errors';

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

export function checkNewCycle(cycle: NewCycle): void {
  if (!Number.isInteger(cycle.year) || cycle.year < 2019 || cycle.year > 2100) {
    throw new BadUserInputError('The cycle year must be a whole year from 2019.', [
      { path: 'year', message: 'out of range' },
    ]);
  }
  if (cycle.name.trim() === '') {
    throw new BadUserInputError('The cycle needs a name.', [{ path: 'name', message: 'empty' }]);
  }
  if (!(cycle.opensAt < cycle.closesAt)) {
    throw new BadUserInputError('A cycle must close after it opens.', [
      { path: 'closesAt', message: 'before opensAt' },
    ]);
  }
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
  checkNewCycle(cycle);
  if (cycle.year > now.getUTCFullYear() || cycle.closesAt > now) {
    throw new BadUserInputError(
      `Only past cycles can be imported: the ${cycle.year} cycle would still be running; create and open it instead.`,
      [{ path: 'closesAt', message: 'not in the past' }],
    );
  }
}
