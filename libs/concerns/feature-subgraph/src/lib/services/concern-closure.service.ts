import type { Identity } from '@nets/shared/auth';
import { CONCERN_TEXT, checkedText, requiredText, type ConcernOperation } from '@nets/concerns/domain';
import { emitConcernEvent, eventBase } from '../recording/concern-events';
import type { ConcernChanger } from '../recording/concern-changer';

type Maybe<T> = T | null | undefined;

/** How a concern ends: a resolution proposed and confirmed (or not), closing, withdrawing. */
export class ConcernClosureService {
  constructor(private readonly changer: ConcernChanger) {}

  proposeResolution(identity: Identity, id: string, expectedVersion: number, evidence: string) {
    const why = requiredText(evidence, 'evidence');
    return this.changer.change(
      identity,
      id,
      expectedVersion,
      'PROPOSE_RESOLUTION',
      async (_t, _c, user, now) => ({
        what: 'Resolution proposed by the provider',
        why,
        after: (transaction, updated) =>
          emitConcernEvent(
            transaction,
            'nets.concern.resolution-proposed.v1',
            eventBase(updated, user.role, now),
          ),
      }),
    );
  }

  confirmResolution(
    identity: Identity,
    id: string,
    expectedVersion: number,
    accepted: boolean,
    reason: string,
  ) {
    const why = requiredText(reason, 'reason');
    const operation: ConcernOperation = accepted ? 'CONFIRM_RESOLUTION' : 'REJECT_RESOLUTION';
    return this.changer.change(identity, id, expectedVersion, operation, async (_t, _c, user, now) => ({
      changes: accepted ? { resolvedAt: now, nextUpdateDue: null } : {},
      what: accepted
        ? 'Resolution confirmed by the quality team'
        : 'Resolution not accepted; monitoring continues',
      why,
      after: accepted
        ? (transaction, updated) =>
            emitConcernEvent(transaction, 'nets.concern.resolved.v1', eventBase(updated, user.role, now))
        : undefined,
    }));
  }

  close(identity: Identity, id: string, expectedVersion: number, reason?: Maybe<string>) {
    const why = checkedText(reason, 'reason', CONCERN_TEXT.narrative, true);
    return this.changer.change(identity, id, expectedVersion, 'CLOSE', async (_t, _c, user, now) => ({
      changes: { closedAt: now },
      what: 'Closed',
      why,
      after: (transaction, updated) =>
        emitConcernEvent(transaction, 'nets.concern.closed.v1', eventBase(updated, user.role, now)),
    }));
  }

  withdraw(identity: Identity, id: string, expectedVersion: number, reason: string) {
    const why = requiredText(reason, 'reason');
    return this.changer.change(identity, id, expectedVersion, 'WITHDRAW', async (_t, _c, user, now) => ({
      changes: { closedAt: now, nextUpdateDue: null },
      what: 'Withdrawn',
      why,
      after: (transaction, updated) =>
        emitConcernEvent(transaction, 'nets.concern.withdrawn.v1', eventBase(updated, user.role, now)),
    }));
  }
}
