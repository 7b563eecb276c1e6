import { type UnitOfWork } from '@nets/shared/data-access-typeorm';
import { responsesTopic, seriousConcernsTopic } from '@nets/response/contract-events';
import type { ResponseDraftRepository, SensitiveDataRepository } from '@nets/response/data-access';
import type { RedactorCache } from '../redaction/redactor-cache';

/** Scheduled work: nothing sensitive outlives its purpose, drafts expire, the redactor follows the registry. */
export class HousekeepingService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly sensitive: SensitiveDataRepository,
    private readonly drafts: ResponseDraftRepository,
    private readonly redactors: RedactorCache,
  ) {}

  async run(): Promise<void> {
    const transaction = this.unitOfWork.reads;
    // Learner-level events are written `retainSent: false` (the relay deletes them as it sends them); this
    // catches any row an older relay marked published instead.
    await this.sensitive.deletePublishedEvents(transaction, [responsesTopic.name, seriousConcernsTopic.name]);
    await this.drafts.expireClosedCycles(transaction);
    await this.redactors.refresh();
  }
}
