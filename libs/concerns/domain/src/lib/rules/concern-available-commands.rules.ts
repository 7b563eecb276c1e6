import type { Identity } from '@nets/shared/auth';
import type { ConcernRecord } from '../models/concern.models';
import { canReadConcern, mayWithdraw } from './concern-access.rules';
import { CONCERN_OPERATIONS, type ConcernOperation } from './concern-lifecycle.rules';

/** The escalation pathway's last step (3: NHS England's regional quality team). */
export const LAST_ESCALATION_STEP = 3;

type AvailabilityFacts = Pick<
  ConcernRecord,
  | 'region'
  | 'organisationId'
  | 'educationProviderId'
  | 'source'
  | 'status'
  | 'escalationStep'
  | 'followUpCodeHash'
>;

/**
 * The operations a caller may use on a concern now: its role, its scope and the concern's state, as the
 * mutations check them (lifecycle, withdrawing only what one raised, a step left to escalate to, a follow-up
 * code to reply through). Clients offer these and nothing else; the mutations still decide.
 */
export function availableOperations(identity: Identity, concern: AvailabilityFacts): ConcernOperation[] {
  if (identity.kind !== 'user' || !canReadConcern(identity, concern)) return [];
  return (Object.keys(CONCERN_OPERATIONS) as ConcernOperation[]).filter((operation) => {
    const rule = CONCERN_OPERATIONS[operation];
    if (!rule.roles.includes(identity.role) || !rule.from.includes(concern.status)) return false;
    switch (operation) {
      case 'WITHDRAW':
        return mayWithdraw(identity, concern);
      case 'ESCALATE':
        return concern.escalationStep < LAST_ESCALATION_STEP;
      case 'REPLY_TO_LEARNER':
        return concern.followUpCodeHash !== null;
      case 'TRIAGE':
      case 'AGREE_ACTION_PLAN':
      case 'START_MONITORING':
      case 'PROPOSE_RESOLUTION':
      case 'CONFIRM_RESOLUTION':
      case 'REJECT_RESOLUTION':
      case 'CLOSE':
      case 'SET_ISF_LEVEL':
      case 'ADD_ACTION':
      case 'POST_UPDATE':
      case 'SHARE_WITH_REGULATORS':
        return true;
    }
  });
}
