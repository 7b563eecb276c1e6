import { REGION_NAMES } from '@nets/shared/auth';
import type { Transaction } from '@nets/shared/data-access-typeorm';
import type { ReplicaRepository } from '@nets/replicas/data-access';
import type { NotificationRepository } from '@nets/concerns/data-access';
import {
  notificationRecipients,
  renderNotification,
  type NotificationFacts,
  type NotificationSubject,
} from '@nets/concerns/domain';

/**
 * Records that something is worth telling and queues its emails, in the caller's transaction: the fact once by
 * its key, one outbox row per recipient (the team mailboxes of its organisation and region and the users in
 * that scope who have not opted out), rendered now so a later change of template or name does not change what
 * a row says. Does nothing when notifications are off.
 */
export class Notifier {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly replicas: ReplicaRepository,
    readonly enabled: boolean,
  ) {}

  async notify(
    transaction: Transaction,
    key: string,
    subject: NotificationSubject,
    facts: NotificationFacts,
    at: Date,
  ): Promise<number> {
    if (!this.enabled) return 0;
    const scope = {
      organisationIds: subject.organisationId ? [subject.organisationId] : [],
      regions: subject.region ? [subject.region] : [],
    };
    const contacts = await this.notifications.contacts(transaction, scope);
    const subscribers = await this.notifications.subscribers(transaction, scope);
    const recipients = notificationRecipients(facts.kind, subject, contacts, subscribers);
    const email = renderNotification(facts);
    return this.notifications.recordTrigger(
      transaction,
      { key, kind: facts.kind, at },
      recipients.map((recipient) => ({ recipient, email })),
    );
  }

  /** The registry's name of an organisation for an email, or a neutral phrase before the replica has it. */
  async organisationName(transaction: Transaction, organisationId: string): Promise<string> {
    return (await this.replicas.organisation(transaction, organisationId))?.name ?? 'your organisation';
  }
}

/** A region's name in a sentence ("North West"). */
export function regionWords(region: string): string {
  return (REGION_NAMES as Record<string, string>)[region] ?? region;
}
