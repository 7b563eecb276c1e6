import type { EntityManager } from 'typeorm';
import type { QuestionnaireContent } from '@nets/survey/contract-events';
import { QuestionnaireEntity } from '../entities/questionnaire.entity';
import type { QuestionnaireRecord } from '@nets/survey/domain';

export class QuestionnaireRepository {
  async findById(manager: EntityManager, id: string, lock = false): Promise<QuestionnaireRecord | undefined> {
    const query = manager
      .getRepository(QuestionnaireEntity)
      .createQueryBuilder('q')
      .where('q.id = :id', { id });
    if (lock) query.setLock('pessimistic_write');
    const found = await query.getOne();
    return found ? toRecord(found) : undefined;
  }

  async findByIds(manager: EntityManager, ids: readonly string[]): Promise<QuestionnaireRecord[]> {
    const rows = await manager
      .getRepository(QuestionnaireEntity)
      .createQueryBuilder('q')
      .where('q.id = ANY(:ids)', { ids })
      .getMany();
    return rows.map(toRecord);
  }

  async findDraft(
    manager: EntityManager,
    year: number,
    lock = false,
  ): Promise<QuestionnaireRecord | undefined> {
    const query = manager
      .getRepository(QuestionnaireEntity)
      .createQueryBuilder('q')
      .where(`q.year = :year AND q.status = 'DRAFT'`, { year });
    if (lock) query.setLock('pessimistic_write');
    const found = await query.getOne();
    return found ? toRecord(found) : undefined;
  }

  async latestPublished(manager: EntityManager, year: number): Promise<QuestionnaireRecord | undefined> {
    const found = await manager
      .getRepository(QuestionnaireEntity)
      .createQueryBuilder('q')
      .where(`q.year = :year AND q.status = 'PUBLISHED'`, { year })
      .orderBy('q.version', 'DESC')
      .getOne();
    return found ? toRecord(found) : undefined;
  }

  async listForYear(manager: EntityManager, year: number): Promise<QuestionnaireRecord[]> {
    const rows = await manager
      .getRepository(QuestionnaireEntity)
      .createQueryBuilder('q')
      .where('q.year = :year', { year })
      .orderBy('q.version', 'ASC', 'NULLS LAST')
      .getMany();
    return rows.map(toRecord);
  }

  async nextVersion(manager: EntityManager, year: number): Promise<number> {
    const [{ next }] = await manager.query<Array<{ next: number }>>(
      `SELECT COALESCE(MAX(version), 0) + 1 AS next FROM questionnaire WHERE year = $1`,
      [year],
    );
    return Number(next);
  }

  async insertDraft(
    manager: EntityManager,
    draft: { id: string; year: number; content: QuestionnaireContent },
  ): Promise<void> {
    await manager.getRepository(QuestionnaireEntity).insert({ ...draft, status: 'DRAFT', version: null });
  }

  async updateDraftContent(manager: EntityManager, id: string, content: QuestionnaireContent): Promise<void> {
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
    manager: EntityManager,
    id: string,
    publication: { version: number; publishedAt: Date; publishedBy: string },
  ): Promise<void> {
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
