import { managerOf, type Transaction } from '@nets/shared/data-access-typeorm';
import {
  ConcernActionEntity,
  ConcernRegulatorShareEntity,
  ConcernTimelineEntryEntity,
} from '../entities/concern.entity';
import type {
  ConcernActionRecord,
  NewTimelineEntry,
  RegulatorShareRecord,
  TimelineEntryRecord,
} from '@nets/concerns/domain';

/** What hangs off a concern: its append-only timeline, its actions and its regulator shares. */
export class ConcernRecordsRepository {
  async appendTimeline(transaction: Transaction, entry: NewTimelineEntry): Promise<void> {
    const manager = managerOf(transaction);
    await manager.getRepository(ConcernTimelineEntryEntity).insert({ ...entry });
  }

  async timelines(transaction: Transaction, concernIds: readonly string[]): Promise<TimelineEntryRecord[]> {
    const manager = managerOf(transaction);
    const rows = await manager
      .getRepository(ConcernTimelineEntryEntity)
      .createQueryBuilder('t')
      .where('t.concern_id = ANY(:concernIds)', { concernIds })
      .orderBy('t.id', 'ASC')
      .getMany();
    return rows.map((row) => ({ ...row }));
  }

  async insertAction(transaction: Transaction, action: ConcernActionRecord): Promise<void> {
    const manager = managerOf(transaction);
    await manager.getRepository(ConcernActionEntity).insert({ ...action });
  }

  async completeAction(transaction: Transaction, id: string, completedAt: Date): Promise<void> {
    const manager = managerOf(transaction);
    await manager.getRepository(ConcernActionEntity).update({ id }, { status: 'COMPLETED', completedAt });
  }

  async actions(transaction: Transaction, concernIds: readonly string[]): Promise<ConcernActionRecord[]> {
    const manager = managerOf(transaction);
    const rows = await manager
      .getRepository(ConcernActionEntity)
      .createQueryBuilder('a')
      .where('a.concern_id = ANY(:concernIds)', { concernIds })
      .orderBy('a.created_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
    return rows.map((row) => ({ ...row, status: row.status as ConcernActionRecord['status'] }));
  }

  async insertShare(transaction: Transaction, share: RegulatorShareRecord): Promise<void> {
    const manager = managerOf(transaction);
    await manager.getRepository(ConcernRegulatorShareEntity).insert({ ...share });
  }

  async shares(transaction: Transaction, concernIds: readonly string[]): Promise<RegulatorShareRecord[]> {
    const manager = managerOf(transaction);
    const rows = await manager
      .getRepository(ConcernRegulatorShareEntity)
      .createQueryBuilder('s')
      .where('s.concern_id = ANY(:concernIds)', { concernIds })
      .orderBy('s.shared_at', 'ASC')
      .getMany();
    return rows.map((row) => ({ ...row, regulators: row.regulators as RegulatorShareRecord['regulators'] }));
  }
}
