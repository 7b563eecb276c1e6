import { CONCERN_STATUSES, type ConcernStatus } from '@nets/concerns/contract-events';
import { ROLES } from '@nets/shared/auth';
import { ConflictError, ForbiddenError } from '@nets/shared/util-errors';
import {
  CONCERN_OPERATIONS,
  checkOperation,
  nextStatuses,
  type ConcernOperation,
} from './concern-lifecycle.rules';

describe('concern lifecycle', () => {
  it('follows the happy path RAISED to CLOSED with the quality team and the provider', () => {
    const path: Array<[ConcernOperation, 'QUALITY_TEAM' | 'PROVIDER_USER', ConcernStatus]> = [
      ['TRIAGE', 'QUALITY_TEAM', 'TRIAGED'],
      ['AGREE_ACTION_PLAN', 'QUALITY_TEAM', 'ACTION_PLAN_AGREED'],
      ['START_MONITORING', 'QUALITY_TEAM', 'MONITORING'],
      ['PROPOSE_RESOLUTION', 'PROVIDER_USER', 'RESOLUTION_PROPOSED'],
      ['CONFIRM_RESOLUTION', 'QUALITY_TEAM', 'RESOLVED'],
      ['CLOSE', 'QUALITY_TEAM', 'CLOSED'],
    ];
    let status: ConcernStatus = 'RAISED';
    for (const [operation, role, expected] of path) {
      status = checkOperation(operation, status, role);
      expect(status).toBe(expected);
    }
  });

  it('lets only the quality team confirm a resolution, and only a provider propose one', () => {
    for (const role of ROLES.filter((r) => r !== 'QUALITY_TEAM')) {
      expect(() => checkOperation('CONFIRM_RESOLUTION', 'RESOLUTION_PROPOSED', role)).toThrow(ForbiddenError);
    }
    expect(() => checkOperation('PROPOSE_RESOLUTION', 'MONITORING', 'QUALITY_TEAM')).toThrow(ForbiddenError);
  });

  it('refuses every operation from every status it does not start from, and every role it does not name', () => {
    for (const [operation, rule] of Object.entries(CONCERN_OPERATIONS) as Array<
      [ConcernOperation, (typeof CONCERN_OPERATIONS)[ConcernOperation]]
    >) {
      for (const status of CONCERN_STATUSES) {
        for (const role of ROLES) {
          const allowed = rule.roles.includes(role) && rule.from.includes(status);
          if (allowed) expect(() => checkOperation(operation, status, role)).not.toThrow();
          else if (!rule.roles.includes(role))
            expect(() => checkOperation(operation, status, role)).toThrow(ForbiddenError);
          else expect(() => checkOperation(operation, status, role)).toThrow(ConflictError);
        }
      }
    }
  });

  it('ends in CLOSED and WITHDRAWN, which lead nowhere', () => {
    expect(nextStatuses('CLOSED')).toEqual([]);
    expect(nextStatuses('WITHDRAWN')).toEqual([]);
    expect(nextStatuses('RAISED').sort()).toEqual(['TRIAGED', 'WITHDRAWN']);
    expect(nextStatuses('RESOLVED')).toEqual(['CLOSED']);
  });

  it('escalates from any working status but never skips triage', () => {
    expect(() => checkOperation('ESCALATE', 'RAISED', 'QUALITY_TEAM')).toThrow(ConflictError);
    expect(checkOperation('ESCALATE', 'MONITORING', 'QUALITY_TEAM')).toBe('ESCALATED');
    expect(checkOperation('START_MONITORING', 'ESCALATED', 'QUALITY_TEAM')).toBe('MONITORING');
  });
});
