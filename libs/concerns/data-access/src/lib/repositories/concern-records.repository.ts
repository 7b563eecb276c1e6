import type { EntityManager } from 'typeorm';
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
} from '../models';

/** What hangs off a concern: its append-only timeline, its actions and its regulator shares. */
export class ConcernRecordsRepository {
  async appendTimeline(manager: EntityManager, entry: NewTimelineEntry): Promise<void> {
    await manager.getRepository(ConcernTimelineEntryEntity).insert({ ...entry });
  }

  async timelines(manager: EntityManager, concernIds: readonly string[]): Promise<TimelineEntryRecord[]> {
    const rows = await manager
      .getRepository(ConcernTimelineEntryEntity)
      .createQueryBuilder('t')
      .where('t.concern_id = ANY(:concernIds)', { concernIds })
      .orderBy('t.id', 'ASC')
      .getMany();
    return rows.map((row) => ({ ...row }));
  }

  async insertAction(manager: EntityManager, action: ConcernActionRecord): Promise<void> {
    await manager.getRepository(ConcernActionEntity).insert({ ...action });
  }

  async completeAction(manager: EntityManager, id: string, completedAt: Date): Promise<void> {
    await manager.getRepository(ConcernActionEntity).update({ id }, { status: 'COMPLETED', completedAt });
  }

  async actions(manager: EntityManager, concernIds: readonly string[]): Promise<ConcernActionRecord[]> {
    const rows = await manager
      .getRepository(ConcernActionEntity)
      .createQueryBuilder('a')
      .where('a.concern_id = ANY(:concernIds)', { concernIds })
      .orderBy('a.created_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
    return rows.map((row) => ({ ...row, status: row.status as ConcernActionRecord['status'] }));
  }

  async insertShare(manager: EntityManager, share: RegulatorShareRecord): Promise<void> {
    await manager.getRepository(ConcernRegulatorShareEntity).insert({ ...share });
  }

  async shares(manager: EntityManager, concernIds: readonly string[]): Promise<RegulatorShareRecord[]> {
    const rows = await manager
      .getRepository(ConcernRegulatorShareEntity)
      .createQueryBuilder('s')
      .where('s.concern_id = ANY(:concernIds)', { concernIds })
      .orderBy('s.shared_at', 'ASC')
      .getMany();
    return rows.map((row) => ({ ...row, regulators: row.regulators as RegulatorShareRecord['regulators'] }));
  }
}
