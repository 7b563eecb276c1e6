import { managerOf, type Transaction } from '@nets/shared/data-access-typeorm';
import { IsfLevelConfigEntity } from '../entities/concern.entity';
import type { IsfLevelRecord } from '@nets/concerns/domain';

/** The versioned Intensive Support Framework levels: the latest version is the one in force. */
export class IsfConfigRepository {
  async current(transaction: Transaction): Promise<IsfLevelRecord[]> {
    const manager = managerOf(transaction);
    const rows = await manager.query<
      Array<{
        version: number;
        level: number;
        name: string;
        description: string;
        review_interval_days: number;
      }>
    >(
      `SELECT version, level, name, description, review_interval_days FROM isf_level_config
       WHERE version = (SELECT max(version) FROM isf_level_config) ORDER BY level`,
    );
    return rows.map((row) => ({
      version: row.version,
      level: row.level,
      name: row.name,
      description: row.description,
      reviewIntervalDays: row.review_interval_days,
    }));
  }

  async byVersion(transaction: Transaction, version: number): Promise<IsfLevelRecord[]> {
    const manager = managerOf(transaction);
    const rows = await manager
      .getRepository(IsfLevelConfigEntity)
      .find({ where: { version }, order: { level: 'ASC' } });
    return rows.map(({ level, name, description, reviewIntervalDays }) => ({
      version,
      level,
      name,
      description,
      reviewIntervalDays,
    }));
  }

  /** Adds the next version; the primary key makes two simultaneous versions collide rather than mix. */
  async addVersion(
    transaction: Transaction,
    levels: ReadonlyArray<Omit<IsfLevelRecord, 'version'>>,
    createdBy: string,
  ): Promise<number> {
    const manager = managerOf(transaction);
    const [{ next }] = await manager.query<Array<{ next: number }>>(
      `SELECT coalesce(max(version), 0) + 1 AS next FROM isf_level_config`,
    );
    await manager
      .getRepository(IsfLevelConfigEntity)
      .insert(levels.map((level) => ({ ...level, version: next, createdBy })));
    return next;
  }
}
