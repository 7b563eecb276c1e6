import type { Transaction } from '@nets/shared/data-access-typeorm';
import type { PayloadOf } from '@nets/shared/contract-events';
import type { resultsTopic } from '@nets/analytics/contract-events';
import type { assessmentsTopic } from '@nets/provider-assessment/contract-events';
import type { NotificationRepository } from '@nets/concerns/data-access';
import { notificationKey } from '@nets/concerns/domain';
import { regionWords, type Notifier } from './notifier';

type ResultsPublished = PayloadOf<typeof resultsTopic, 'nets.analytics.results-published.v1'>;
type AssessmentReturned = PayloadOf<typeof assessmentsTopic, 'nets.assessment.returned.v1'>;

/** Notifications from other services' events, in the consumer's transaction (redeliveries tell nothing twice). */
export class NotificationIntake {
  constructor(
    private readonly notifier: Notifier,
    private readonly notifications: NotificationRepository,
  ) {}

  async selfAssessmentReturned(transaction: Transaction, event: AssessmentReturned): Promise<void> {
    if (!this.notifier.enabled) return;
    await this.notifier.notify(
      transaction,
      notificationKey('SELF_ASSESSMENT_RETURNED', event.assessmentId, event.reviewedAt),
      { organisationId: event.organisationId, region: null },
      {
        kind: 'SELF_ASSESSMENT_RETURNED',
        year: event.year,
        organisationName: await this.notifier.organisationName(transaction, event.organisationId),
      },
      new Date(event.reviewedAt),
    );
  }

  /**
   * A released cycle's results: each organisation of the ORGANISATION table and each region of the REGION
   * table hears once per year, whichever measure's message comes first. The comments of the release do not
   * travel: only that the year's results are there to read.
   */
  async resultsReleased(transaction: Transaction, event: ResultsPublished, at: Date): Promise<void> {
    if (!this.notifier.enabled || event.cycleStatus !== 'CLOSED') return;
    const subjects =
      event.table === 'ORGANISATION'
        ? [...new Set(event.cells.map((cell) => cell.organisationId).filter((id) => id !== undefined))].map(
            (organisationId) => ({ organisationId, region: null }),
          )
        : event.table === 'REGION'
          ? [...new Set(event.cells.map((cell) => cell.region).filter((region) => region !== undefined))].map(
              (region) => ({ organisationId: null, region }),
            )
          : [];
    const keyed = subjects.map((subject) => ({
      subject,
      key: notificationKey(
        'RESULTS_RELEASED',
        event.year,
        subject.organisationId ? `ORGANISATION:${subject.organisationId}` : `REGION:${subject.region}`,
      ),
    }));
    const told = await this.notifications.recordedTriggers(
      transaction,
      keyed.map(({ key }) => key),
    );
    for (const { subject, key } of keyed) {
      if (told.has(key)) continue;
      const scopeName = subject.organisationId
        ? await this.notifier.organisationName(transaction, subject.organisationId)
        : `the ${regionWords(subject.region ?? '')} region`;
      await this.notifier.notify(
        transaction,
        key,
        subject,
        { kind: 'RESULTS_RELEASED', year: event.year, scopeName },
        at,
      );
    }
  }
}
