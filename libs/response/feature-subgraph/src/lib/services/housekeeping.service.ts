import type { DataSource } from 'typeorm';
import { seriousConcernsTopic } from '@nets/response/contract-events';
import type { ResponseDraftRepository, SensitiveDataRepository } from '@nets/response/data-access';
import type { RedactorCache } from './redactor-cache';

/** Scheduled work: nothing sensitive outlives its purpose, drafts expire, the redactor follows the registry. */
export class HousekeepingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sensitive: SensitiveDataRepository,
    private readonly drafts: ResponseDraftRepository,
    private readonly redactors: RedactorCache,
    private readonly followUpRetentionMinutes: number,
  ) {}

  async run(): Promise<void> {
    const manager = this.dataSource.manager;
    // Serious concerns (text, contact details) stay in the outbox only until the relay has published them.
    await this.sensitive.deletePublishedEvents(manager, seriousConcernsTopic.name);
    await this.sensitive.purgeFollowUpCodes(manager, this.followUpRetentionMinutes);
    await this.drafts.expireClosedCycles(manager);
    await this.redactors.refresh();
  }
}
