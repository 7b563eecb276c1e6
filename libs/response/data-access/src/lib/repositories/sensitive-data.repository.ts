import { managerOf, type Transaction } from '@nets/shared/data-access-typeorm';

/**
 * Removes learner-level events that must not outlive their sending (answers; serious-concern text and contact
 * details) should a published row remain, e.g. one sent before rows carried `retain_sent = false`.
 */
export class SensitiveDataRepository {
  async deletePublishedEvents(transaction: Transaction, topics: readonly string[]): Promise<number> {
    const manager = managerOf(transaction);
    const [, affected] = await manager.query<[unknown, number]>(
      `DELETE FROM outbox_message WHERE topic = ANY($1::text[]) AND published_at IS NOT NULL`,
      [topics],
    );
    return affected;
  }
}
