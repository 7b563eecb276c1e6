import type { UnitOfWork } from '@nets/shared/data-access-typeorm';
import type { ScheduledJob } from '@nets/shared/service-runtime';
import type { Logger } from '@nets/shared/util-logger';
import type { ReplicaRepository } from '@nets/replicas/data-access';
import { NotificationRepository } from '@nets/concerns/data-access';
import { ActionReminders } from './action-reminders';
import { EmailSender } from './email-sender';
import type { NotificationSettings } from './notification-config';
import { NotificationIntake } from './notification-intake';
import { NotificationSettingsService } from './notification-settings.service';
import { Notifier } from './notifier';
import { smtpTransport } from './smtp-transport';

/**
 * The notifications part of the concerns service: the notifier its recorders call, the settings service of the
 * graph, the intake of other services' events, and, when an SMTP server is configured, the two scheduled jobs
 * (reminders on one replica at a time; the sender on every replica, SKIP LOCKED keeping them apart).
 */
export function notificationsModule(
  unitOfWork: UnitOfWork,
  replicas: ReplicaRepository,
  settings: NotificationSettings & { CONCERNS_BANK_HOLIDAYS: readonly string[] },
  logger: Logger,
) {
  const notifications = new NotificationRepository();
  const url = settings.NOTIFY_SMTP_URL;
  const notifier = new Notifier(notifications, replicas, url !== undefined);
  const scheduledJobs: ScheduledJob[] = [];
  if (url) {
    const reminders = new ActionReminders(
      unitOfWork,
      notifications,
      notifier,
      settings.CONCERNS_BANK_HOLIDAYS,
    );
    const sender = new EmailSender(
      unitOfWork,
      notifications,
      smtpTransport(url, settings.NOTIFY_FROM),
      {
        retryBaseMs: settings.NOTIFY_RETRY_BASE_MS,
        maxAttempts: settings.NOTIFY_MAX_ATTEMPTS,
        messageIdDomain: 'notifications.nets',
      },
      logger,
    );
    scheduledJobs.push(
      {
        name: 'concerns.action-reminders',
        runAtStart: true,
        run: () => reminders.run().then(() => undefined),
      },
      {
        name: 'concerns.notification-sender',
        runAtStart: true,
        everyReplica: true,
        run: () => sender.drain().then(() => undefined),
      },
    );
  }
  return {
    notifier,
    settings: new NotificationSettingsService(unitOfWork, notifications, replicas),
    intake: new NotificationIntake(notifier, notifications),
    scheduledJobs,
  };
}
