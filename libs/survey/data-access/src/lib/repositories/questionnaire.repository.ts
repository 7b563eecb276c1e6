import { managerOf, type Transaction } from '@nets/shared/data-access-typeorm';
import type { QuestionnaireContent } from '@nets/survey/contract-events';
import { QuestionnaireEntity } from '../entities/questionnaire.entity';
import type { QuestionnaireRecord } from '@nets/survey/domain';

export class QuestionnaireRepository {
  async findById(
    transaction: Transaction,
    id: string,
    lock = false,
  ): Promise<QuestionnaireRecord | undefined> {
    const manager = managerOf(transaction);
    const query = manager
      .getRepository(QuestionnaireEntity)
      .createQueryBuilder('q')
      .where('q.id = :id', { id });
    if (lock) query.setLock('pessimistic_write');
    const found = await query.getOne();
    return found ? toRecord(found) : undefined;
  }

  async findByIds(transaction: Transaction, ids: readonly string[]): Promise<QuestionnaireRecord[]> {
    const manager = managerOf(transaction);
    const rows = await manager
      .getRepository(QuestionnaireEntity)
      .createQueryBuilder('q')
      .where('q.id = ANY(:ids)', { ids })
      .getMany();
    return rows.map(toRecord);
  }

  async findDraft(
    transaction: Transaction,
    year: number,
    lock = false,
  ): Promise<QuestionnaireRecord | undefined> {
    const manager = managerOf(transaction);
    const query = manager
      .getRepository(QuestionnaireEntity)
      .createQueryBuilder('q')
      .where(`q.year = :year AND q.status = 'DRAFT'`, { year });
    if (lock) query.setLock('pessimistic_write');
    const found = await query.getOne();
    return found ? toRecord(found) : undefined;
  }

  async latestPublished(transaction: Transaction, year: number): Promise<QuestionnaireRecord | undefined> {
    const manager = managerOf(transaction);
    const found = await manager
      .getRepository(QuestionnaireEntity)
      .createQueryBuilder('q')
      .where(`q.year = :year AND q.status = 'PUBLISHED'`, { year })
      .orderBy('q.version', 'DESC')
      .getOne();
    return found ? toRecord(found) : undefined;
  }

  async listForYear(transaction: Transaction, year: number): Promise<QuestionnaireRecord[]> {
    const manager = managerOf(transaction);
    const rows = await manager
      .getRepository(QuestionnaireEntity)
      .createQueryBuilder('q')
      .where('q.year = :year', { year })
      .orderBy('q.version', 'ASC', 'NULLS LAST')
      .getMany();
    return rows.map(toRecord);
  }

  async nextVersion(transaction: Transaction, year: number): Promise<number> {
    const manager = managerOf(transaction);
    const [{ next }] = await manager.query<Array<{ next: number }>>(
      `SELECT COALESCE(MAX(version), 0) + 1 AS next FROM questionnaire WHERE year = $1`,
      [year],
    );
    return Number(next);
  }

  async insertDraft(
    transaction: Transaction,
    draft: { id: string; year: number; content: QuestionnaireContent },
  ): Promise<void> {
    const manager = managerOf(transaction);
    await manager.getRepository(QuestionnaireEntity).insert({ ...draft, status: 'DRAFT', version: null });
  }

  async updateDraftContent(
    transaction: Transaction,
    id: string,
    content: QuestionnaireContent,
  ): Promise<void> {
    const manager = managerOf(transaction);
    await manager
      .getRepository(QuestionnaireEntity)
      .createQueryBuilder()
      .update()
      .set({ content: () => ':content::jsonb', updatedAt: () => 'now()' })
      .setParameter('content', JSON.stringify(content))
      .where(`id = :id AND status = 'DRAFT'`, { id })
      .execute();
  }

  async markPublished(
    transaction: Transaction,
    id: string,
    publication: { version: number; publishedAt: Date; publishedBy: string },
  ): Promise<void> {
    const manager = managerOf(transaction);
    await manager
      .getRepository(QuestionnaireEntity)
      .update({ id, status: 'DRAFT' }, { status: 'PUBLISHED', ...publication });
  }
}

function toRecord(entity: QuestionnaireEntity): QuestionnaireRecord {
  return {
    id: entity.id,
    year: entity.year,
    version: entity.version,
    status: entity.status,
    content: entity.content,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
    publishedAt: entity.publishedAt,
    publishedBy: entity.publishedBy,
  };
}
