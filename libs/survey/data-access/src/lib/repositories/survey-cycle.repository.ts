import type { EntityManager } from 'typeorm';
import { SurveyCycleEntity, SurveyCycleOverrideEntity } from '../entities/survey-cycle.entity';
import type { SurveyCycleRecord } from '@nets/survey/domain';

/** Survey cycles. Methods take the caller's EntityManager so they join its transaction. */
export class SurveyCycleRepository {
  async findByYear(
    manager: EntityManager,
    year: number,
    lock = false,
  ): Promise<SurveyCycleRecord | undefined> {
    const query = manager
      .getRepository(SurveyCycleEntity)
      .createQueryBuilder('c')
      .where('c.year = :year', { year });
    if (lock) query.setLock('pessimistic_write');
    const found = await query.getOne();
    return found ? toRecord(found) : undefined;
  }

  async findByYears(manager: EntityManager, years: readonly number[]): Promise<SurveyCycleRecord[]> {
    const rows = await manager
      .getRepository(SurveyCycleEntity)
      .createQueryBuilder('c')
      .where('c.year = ANY(:years)', { years })
      .getMany();
    return rows.map(toRecord);
  }

  async list(manager: EntityManager): Promise<SurveyCycleRecord[]> {
    const rows = await manager.getRepository(SurveyCycleEntity).find({ order: { year: 'DESC' } });
    return rows.map(toRecord);
  }

  async findOpen(manager: EntityManager): Promise<SurveyCycleRecord | undefined> {
    const found = await manager.getRepository(SurveyCycleEntity).findOneBy({ status: 'OPEN' });
    return found ? toRecord(found) : undefined;
  }

  async findDueToClose(manager: EntityManager, now: Date): Promise<SurveyCycleRecord[]> {
    const rows = await manager
      .getRepository(SurveyCycleEntity)
      .createQueryBuilder('c')
      .where(`c.status = 'OPEN' AND c.closes_at <= :now`, { now })
      .getMany();
    return rows.map(toRecord);
  }

  async insert(manager: EntityManager, cycle: SurveyCycleRecord): Promise<void> {
    await manager.getRepository(SurveyCycleEntity).insert({ ...cycle });
  }

  async update(
    manager: EntityManager,
    year: number,
    changes: Partial<Omit<SurveyCycleRecord, 'year'>>,
  ): Promise<void> {
    await manager.getRepository(SurveyCycleEntity).update({ year }, changes);
  }

  async recordOverride(
    manager: EntityManager,
    override: { year: number; action: string; reason: string; actor: string },
  ): Promise<void> {
    await manager.getRepository(SurveyCycleOverrideEntity).insert(override);
  }

  async overrides(
    manager: EntityManager,
    year: number,
  ): Promise<Array<{ action: string; reason: string; actor: string; recordedAt: Date }>> {
    const rows = await manager
      .getRepository(SurveyCycleOverrideEntity)
      .find({ where: { year }, order: { id: 'ASC' } });
    return rows.map(({ action, reason, actor, recordedAt }) => ({ action, reason, actor, recordedAt }));
  }
}

function toRecord(entity: SurveyCycleEntity): SurveyCycleRecord {
  return {
    year: entity.year,
    name: entity.name,
    opensAt: entity.opensAt,
    closesAt: entity.closesAt,
    status: entity.status,
    questionnaireId: entity.questionnaireId,
    openedAt: entity.openedAt,
    closedAt: entity.closedAt,
    imported: entity.imported,
  };
}
