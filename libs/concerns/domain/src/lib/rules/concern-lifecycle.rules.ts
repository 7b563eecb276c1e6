import type { Role } from '@nets/shared/auth';
import type { ConcernStatus } from '@nets/concerns/contract-events';
import { ConflictError, ForbiddenError } from '@nets/shared/util-errors';

export type ConcernOperation =
  | 'TRIAGE'
  | 'AGREE_ACTION_PLAN'
  | 'START_MONITORING'
  | 'PROPOSE_RESOLUTION'
  | 'CONFIRM_RESOLUTION'
  | 'REJECT_RESOLUTION'
  | 'CLOSE'
  | 'ESCALATE'
  | 'WITHDRAW'
  | 'SET_ISF_LEVEL'
  | 'ADD_ACTION'
  | 'POST_UPDATE'
  | 'SHARE_WITH_REGULATORS'
  | 'REPLY_TO_LEARNER';

export interface OperationRule {
  from: readonly ConcernStatus[];
  /** The status after the operation; undefined when the operation keeps the status. */
  to?: ConcernStatus;
  roles: readonly Role[];
}

const WORKING: readonly ConcernStatus[] = ['TRIAGED', 'ACTION_PLAN_AGREED', 'MONITORING', 'ESCALATED'];
const OPEN: readonly ConcernStatus[] = ['RAISED', ...WORKING, 'RESOLUTION_PROPOSED'];
const QT: readonly Role[] = ['QUALITY_TEAM'];
const PROVIDERS: readonly Role[] = ['PROVIDER_USER', 'EDUCATION_PROVIDER_USER'];

/**
 * The whole life of a concern: which operation is allowed from which status, by which role, and where it
 * leads. The provider stays responsible for fixing the concern and proposes its resolution; only the
 * regional quality team grades, escalates and confirms. Scope (which region, which organisation) is
 * checked separately by the access rules.
 */
export const CONCERN_OPERATIONS: Readonly<Record<ConcernOperation, OperationRule>> = {
  TRIAGE: { from: ['RAISED'], to: 'TRIAGED', roles: QT },
  AGREE_ACTION_PLAN: { from: ['TRIAGED', 'ESCALATED'], to: 'ACTION_PLAN_AGREED', roles: QT },
  START_MONITORING: { from: ['ACTION_PLAN_AGREED', 'ESCALATED'], to: 'MONITORING', roles: QT },
  PROPOSE_RESOLUTION: {
    from: ['ACTION_PLAN_AGREED', 'MONITORING', 'ESCALATED'],
    to: 'RESOLUTION_PROPOSED',
    roles: PROVIDERS,
  },
  CONFIRM_RESOLUTION: { from: ['RESOLUTION_PROPOSED'], to: 'RESOLVED', roles: QT },
  REJECT_RESOLUTION: { from: ['RESOLUTION_PROPOSED'], to: 'MONITORING', roles: QT },
  CLOSE: { from: ['RESOLVED'], to: 'CLOSED', roles: QT },
  ESCALATE: {
    from: ['TRIAGED', 'ACTION_PLAN_AGREED', 'MONITORING', 'RESOLUTION_PROPOSED', 'ESCALATED'],
    to: 'ESCALATED',
    roles: QT,
  },
  /** A provider or education provider may withdraw only a concern it raised (checked by the service). */
  WITHDRAW: { from: ['RAISED', 'TRIAGED'], to: 'WITHDRAWN', roles: [...QT, ...PROVIDERS] },
  SET_ISF_LEVEL: { from: [...WORKING, 'RESOLUTION_PROPOSED'], roles: QT },
  ADD_ACTION: { from: WORKING, roles: QT },
  POST_UPDATE: { from: [...WORKING, 'RESOLUTION_PROPOSED'], roles: PROVIDERS },
  SHARE_WITH_REGULATORS: { from: [...OPEN, 'RESOLVED'], roles: QT },
  REPLY_TO_LEARNER: { from: [...OPEN, 'RESOLVED', 'CLOSED', 'WITHDRAWN'], roles: QT },
};

export function isAllowedRole(operation: ConcernOperation, role: Role): boolean {
  return CONCERN_OPERATIONS[operation].roles.includes(role);
}

/**
 * Checks the role and the current status; returns the status after the operation.
 * A role that may never do this is FORBIDDEN; a status the operation cannot start from is a CONFLICT.
 */
export function checkOperation(
  operation: ConcernOperation,
  status: ConcernStatus,
  role: Role,
): ConcernStatus {
  const rule = CONCERN_OPERATIONS[operation];
  if (!rule.roles.includes(role)) {
    throw new ForbiddenError(`${role} may not ${describe(operation)} a concern.`);
  }
  if (!rule.from.includes(status)) {
    throw new ConflictError(`A concern that is ${status} cannot be ${pastTense(operation)}.`);
  }
  return rule.to ?? status;
}

/** Every status a concern may reach from `status` by any operation. */
export function nextStatuses(status: ConcernStatus): ConcernStatus[] {
  const next = new Set<ConcernStatus>();
  for (const rule of Object.values(CONCERN_OPERATIONS)) {
    if (rule.to && rule.from.includes(status)) next.add(rule.to);
  }
  return [...next];
}

function describe(operation: ConcernOperation): string {
  return operation.toLowerCase().replaceAll('_', ' ');
}

function pastTense(operation: ConcernOperation): string {
  return `acted on with ${describe(operation)}`;
}
