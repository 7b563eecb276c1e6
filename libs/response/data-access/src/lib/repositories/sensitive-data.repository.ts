import type { EntityManager } from 'typeorm';

/**
 * Removes what must not outlive its purpose: serious-concern events (unredacted text, contact details) once
 * the relay has published them, and follow-up codes once the retry window has passed.
 */
export class SensitiveDataRepository {
  async deletePublishedEvents(manager: EntityManager, topic: string): Promise<number> {
    const [, affected] = await manager.query<[unknown, number]>(
      `DELETE FROM outbox_message WHERE topic = $1 AND published_at IS NOT NULL`,
      [topic],
    );
    return affected;
  }

  async purgeFollowUpCodes(manager: EntityManager, olderThanMinutes: number): Promise<number> {
    const [, affected] = await manager.query<[unknown, number]>(
      `UPDATE response_submission SET follow_up_code = NULL
       WHERE follow_up_code IS NOT NULL AND created_at < now() - make_interval(mins => $1)`,
      [olderThanMinutes],
    );
    return affected;
  }
}
