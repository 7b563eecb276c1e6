import { managerOf, type Transaction } from '@nets/shared/data-access-typeorm';
import { SurveyCycleEntity, SurveyCycleOverrideEntity } from '../entities/survey-cycle.entity';
import type { SurveyCycleRecord } from '@nets/survey/domain';

/** Survey cycles. Methods take the caller's EntityManager so they join its transaction. */
export class SurveyCycleRepository {
  async findByYear(
    transaction: Transaction,
    year: number,
    lock = false,
  ): Promise<SurveyCycleRecord | undefined> {
    const manager = managerOf(transaction);
    const query = manager
      .getRepository(SurveyCycleEntity)
      .createQueryBuilder('c')
      .where('c.year = :year', { year });
    if (lock) query.setLock('pessimistic_write');
    const found = await query.getOne();
    return found ? toRecord(found) : undefined;
  }

  async findByYears(transaction: Transaction, years: readonly number[]): Promise<SurveyCycleRecord[]> {
    const manager = managerOf(transaction);
    const rows = await manager
      .getRepository(SurveyCycleEntity)
      .createQueryBuilder('c')
      .where('c.year = ANY(:years)', { years })
      .getMany();
    return rows.map(toRecord);
  }

  async list(transaction: Transaction): Promise<SurveyCycleRecord[]> {
    const manager = managerOf(transaction);
    const rows = await manager.getRepository(SurveyCycleEntity).find({ order: { year: 'DESC' } });
    return rows.map(toRecord);
  }

  async findOpen(transaction: Transaction): Promise<SurveyCycleRecord | undefined> {
    const manager = managerOf(transaction);
    const found = await manager.getRepository(SurveyCycleEntity).findOneBy({ status: 'OPEN' });
    return found ? toRecord(found) : undefined;
  }

  async findDueToClose(transaction: Transaction, now: Date): Promise<SurveyCycleRecord[]> {
    const manager = managerOf(transaction);
    const rows = await manager
      .getRepository(SurveyCycleEntity)
      .createQueryBuilder('c')
      .where(`c.status = 'OPEN' AND c.closes_at <= :now`, { now })
      .getMany();
    return rows.map(toRecord);
  }

  async insert(transaction: Transaction, cycle: SurveyCycleRecord): Promise<void> {
    const manager = managerOf(transaction);
    await manager.getRepository(SurveyCycleEntity).insert({ ...cycle });
  }

  async update(
    transaction: Transaction,
    year: number,
    changes: Partial<Omit<SurveyCycleRecord, 'year'>>,
  ): Promise<void> {
    const manager = managerOf(transaction);
    await manager.getRepository(SurveyCycleEntity).update({ year }, changes);
  }

  async recordOverride(
    transaction: Transaction,
    override: { year: number; action: string; reason: string; actor: string },
  ): Promise<void> {
    const manager = managerOf(transaction);
    await manager.getRepository(SurveyCycleOverrideEntity).insert(override);
  }

  async overrides(
    transaction: Transaction,
    year: number,
  ): Promise<Array<{ action: string; reason: string; actor: string; recordedAt: Date }>> {
    const manager = managerOf(transaction);
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
