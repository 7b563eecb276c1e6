import type { EntityManager } from 'typeorm';
import type {
  ConcernRecord,
  ConcernRecordsRepository,
  ConcernRepository,
  NewConcernRecord,
} from '@nets/concerns/data-access';
import { emitConcernEvent } from '../concerns-events';
import { disclosedTime } from '../domain/concern-access';
import { riskBand } from '../domain/risk-matrix';

/** Raising a concern is the same for people and for automatic intake: reference, record, timeline, event. */
export class ConcernWriter {
  constructor(
    readonly concerns: ConcernRepository,
    readonly records: ConcernRecordsRepository,
  ) {}

  async raise(
    manager: EntityManager,
    concern: NewConcernRecord,
    timeline: { what: string; why: string | null },
  ): Promise<ConcernRecord> {
    const reference = await this.concerns.nextReference(manager, concern.raisedAt.getUTCFullYear());
    const record = await this.concerns.insert(manager, concern, reference);
    await this.records.appendTimeline(manager, {
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
    await emitConcernEvent(manager, 'nets.concern.raised.v1', {
      ...eventBase(record, record.raisedByRole, record.raisedAt),
      source: record.source,
      category: record.category,
      standardsAtRisk: record.standardsAtRisk,
      riskBand: bandOf(record),
    });
    return record;
  }
}

/** What every public event of a concern carries; a learner's action shows as its day (DESIGN.md §7). */
export function eventBase(concern: ConcernRecord, actorRole: string, at: Date) {
  return {
    concernId: concern.id,
    reference: concern.reference,
    organisationId: concern.organisationId,
    status: concern.status,
    occurredAt: disclosedTime(concern, actorRole, at).toISOString(),
    actorRole,
  };
}

export function bandOf(concern: Pick<ConcernRecord, 'likelihood' | 'consequence'>) {
  return concern.likelihood !== null && concern.consequence !== null
    ? riskBand({ likelihood: concern.likelihood, consequence: concern.consequence })
    : null;
}
