import { randomUUID } from 'node:crypto';
import type { Identity } from '@nets/shared/auth';
import { REGULATORS, type Regulator } from '@nets/concerns/contract-events';
import type { ConcernRecordsRepository } from '@nets/concerns/data-access';
import { requiredText } from '@nets/concerns/domain';
import { BadUserInputError, ConflictError } from '@nets/shared/util-errors';
import { emitConcernEvent, eventBase } from '../recording/concern-events';
import type { ConcernChanger } from '../recording/concern-changer';

/** Who outside is told about a concern: regulators under the Emerging Concerns Protocol, the learner who raised it. */
export class ConcernCommunicationService {
  constructor(
    private readonly changer: ConcernChanger,
    private readonly records: ConcernRecordsRepository,
  ) {}

  shareWithRegulators(
    identity: Identity,
    id: string,
    expectedVersion: number,
    regulators: readonly Regulator[],
    summary: string,
  ) {
    const what = requiredText(summary, 'summary');
    const unique = [...new Set(regulators)];
    if (unique.length === 0 || unique.some((r) => !REGULATORS.includes(r)))
      throw new BadUserInputError('Name at least one regulator of the Emerging Concerns Protocol.', [
        { path: 'regulators', message: 'one or more of the protocol signatories' },
      ]);
    return this.changer.change(
      identity,
      id,
      expectedVersion,
      'SHARE_WITH_REGULATORS',
      async (transaction, concern, user, now) => {
        await this.records.insertShare(transaction, {
          id: randomUUID(),
          concernId: concern.id,
          regulators: unique,
          summary: what,
          sharedBy: user.subject,
          sharedByRole: user.role,
          sharedAt: now,
        });
        return {
          what: `Shared with ${unique.join(', ')} under the Emerging Concerns Protocol`,
          why: what,
          after: (t, updated) =>
            emitConcernEvent(t, 'nets.concern.shared-with-regulator.v1', {
              ...eventBase(updated, user.role, now),
              regulators: unique,
            }),
        };
      },
    );
  }

  replyToLearner(identity: Identity, id: string, expectedVersion: number, text: string) {
    const reply = requiredText(text, 'text');
    return this.changer.change(identity, id, expectedVersion, 'REPLY_TO_LEARNER', async (_t, concern) => {
      if (!concern.followUpCodeHash)
        throw new ConflictError('This concern was not raised by a learner with a follow-up code.');
      return { what: 'Replied to the learner', restrictedDetail: reply };
    });
  }
}
