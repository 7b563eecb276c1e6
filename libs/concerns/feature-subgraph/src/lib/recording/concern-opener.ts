import type { Transaction } from '@nets/shared/data-access-typeorm';
import type { ConcernRecordsRepository, ConcernRepository } from '@nets/concerns/data-access';
import { riskBandOf, type ConcernRecord, type NewConcernRecord } from '@nets/concerns/domain';
import { notificationKey } from '@nets/concerns/domain';
import type { Notifier } from '../notifications/notifier';
import { emitConcernEvent, eventBase } from './concern-events';

/**
 * Opens a new concern, the same for people and for automatic intake: a random readable reference, the
 * record, the RAISED timeline entry and the `raised` event, in the caller's transaction.
 */
export class ConcernOpener {
  constructor(
    private readonly concerns: ConcernRepository,
    private readonly records: ConcernRecordsRepository,
    private readonly notifier?: Notifier,
  ) {}

  async open(
    transaction: Transaction,
    concern: NewConcernRecord,
    timeline: { what: string; why: string | null },
  ): Promise<ConcernRecord> {
    const reference = await this.concerns.nextReference(transaction, concern.raisedAt.getUTCFullYear());
    const record = await this.concerns.insert(transaction, concern, reference);
    await this.records.appendTimeline(transaction, {
      concernId: record.id,
      at: record.raisedAt,
      actor: record.raisedBy,
      actorRole: record.raisedByRole,
      kind: 'RAISED',
      what: timeline.what,
      why: timeline.why,
      restrictedDetail: null,
      actionId: null,
    });
    await emitConcernEvent(transaction, 'nets.concern.raised.v1', {
      ...eventBase(record, record.raisedByRole, record.raisedAt),
      source: record.source,
      category: record.category,
      standardsAtRisk: record.standardsAtRisk,
      riskBand: riskBandOf(record),
    });
    // The new concern is the regional quality team's to triage.
    if (this.notifier?.enabled && record.region)
      await this.notifier.notify(
        transaction,
        notificationKey('CONCERN_ASSIGNED', record.id),
        { organisationId: record.organisationId, region: record.region },
        {
          kind: 'CONCERN_ASSIGNED',
          reference: record.reference,
          organisationName: await this.notifier.organisationName(transaction, record.organisationId),
          category: record.category,
          region: record.region,
        },
        record.raisedAt,
      );
    return record;
  }
}
