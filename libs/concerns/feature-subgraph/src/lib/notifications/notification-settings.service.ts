import { requireRole, requireSignedIn, type Identity } from '@nets/shared/auth';
import type { UnitOfWork } from '@nets/shared/data-access-typeorm';
import { BadUserInputError, ForbiddenError } from '@nets/shared/util-errors';
import type { ReplicaRepository } from '@nets/replicas/data-access';
import type { NotificationRepository } from '@nets/concerns/data-access';
import {
  CONCERN_TEXT,
  NOTIFICATION_KINDS,
  checkEmailAddress,
  checkNotificationKinds,
  checkedText,
  kindsForAudience,
  requireUuid,
  subscriberAudience,
  type NotificationContactRecord,
  type NotificationKind,
  type NotificationSubscriberRecord,
} from '@nets/concerns/domain';

export interface ContactInput {
  organisationId?: string | null;
  region?: string | null;
  email: string;
  name: string;
}

export interface PreferencesView {
  email: string;
  optedOut: NotificationKind[];
  receives: NotificationKind[];
}

/** Who gets emails: administrators keep the team mailboxes; each signed-in user keeps their own address. */
export class NotificationSettingsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly notifications: NotificationRepository,
    private readonly replicas: ReplicaRepository,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  contacts(
    identity: Identity,
    filter: { organisationId?: string | null; region?: string | null },
  ): Promise<NotificationContactRecord[]> {
    requireRole(identity, 'ADMIN');
    if (filter.organisationId) requireUuid(filter.organisationId, 'organisationId');
    const scoped = Boolean(filter.organisationId || filter.region);
    return this.notifications.contacts(
      this.unitOfWork.reads,
      scoped
        ? {
            organisationIds: filter.organisationId ? [filter.organisationId] : [],
            regions: filter.region ? [filter.region] : [],
          }
        : {},
    );
  }

  addContact(identity: Identity, input: ContactInput): Promise<NotificationContactRecord> {
    requireRole(identity, 'ADMIN');
    const organisationId = input.organisationId ?? null;
    const region = input.region ?? null;
    if ((organisationId === null) === (region === null))
      throw new BadUserInputError('Give exactly one of an organisation and a region.', [
        { path: 'input.organisationId', message: 'exactly one of organisationId and region' },
      ]);
    if (organisationId) requireUuid(organisationId, 'input.organisationId');
    const email = checkEmailAddress(input.email, 'input.email');
    const name = checkedText(input.name, 'input.name', CONCERN_TEXT.name);
    return this.unitOfWork.run(async (transaction) => {
      if (organisationId && !(await this.replicas.organisation(transaction, organisationId)))
        throw new BadUserInputError('No such organisation in the registry.', [
          { path: 'input.organisationId', message: 'unknown' },
        ]);
      const added = await this.notifications.addContact(transaction, {
        organisationId,
        region,
        email,
        name,
        createdAt: this.clock(),
      });
      if (!added)
        throw new BadUserInputError('That address is already a contact there.', [
          { path: 'input.email', message: 'already a contact' },
        ]);
      return added;
    });
  }

  removeContact(identity: Identity, id: string): Promise<boolean> {
    requireRole(identity, 'ADMIN');
    requireUuid(id, 'id');
    return this.unitOfWork.run((transaction) => this.notifications.removeContact(transaction, id));
  }

  async myPreferences(identity: Identity): Promise<PreferencesView | null> {
    const user = requireSignedIn(identity);
    const found = await this.notifications.subscriber(this.unitOfWork.reads, user.subject);
    return found ? toPreferences(found) : null;
  }

  async setMyPreferences(
    identity: Identity,
    input: { email: string; optedOut: readonly string[] },
  ): Promise<PreferencesView> {
    const user = requireSignedIn(identity);
    if (!subscriberAudience(user.role))
      throw new ForbiddenError(
        `${user.role} receives no notifications: they are about one organisation or region.`,
      );
    const subscriber: NotificationSubscriberRecord = {
      userId: user.subject,
      email: checkEmailAddress(input.email, 'input.email'),
      role: user.role,
      organisationId: user.organisationId ?? null,
      region: user.region ?? null,
      optedOut: checkNotificationKinds(input.optedOut, 'input.optedOut'),
      updatedAt: this.clock(),
    };
    await this.unitOfWork.run((transaction) => this.notifications.saveSubscriber(transaction, subscriber));
    return toPreferences(subscriber);
  }

  async clearMyPreferences(identity: Identity): Promise<boolean> {
    const user = requireSignedIn(identity);
    return this.unitOfWork.run((transaction) =>
      this.notifications.removeSubscriber(transaction, user.subject),
    );
  }
}

function toPreferences(subscriber: NotificationSubscriberRecord): PreferencesView {
  const audience = subscriberAudience(subscriber.role);
  const inScope = audience ? kindsForAudience(audience) : [];
  return {
    email: subscriber.email,
    optedOut: NOTIFICATION_KINDS.filter((kind) => subscriber.optedOut.includes(kind)),
    receives: inScope.filter((kind) => !subscriber.optedOut.includes(kind)),
  };
}
