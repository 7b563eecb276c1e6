import type { UnitOfWork } from '@nets/shared/data-access-typeorm';
import type { NotificationRepository } from '@nets/concerns/data-access';
import { actionReminderHorizon, actionReminderKind, notificationKey } from '@nets/concerns/domain';
import type { Notifier } from './notifier';

const BATCH = 100;

/**
 * The scheduled reminder of actions (immediate mandatory requirements among them): once when one falls due
 * within two working days, once when it is overdue. Runs on one replica at a time; the trigger keys make a
 * second run, a restart or another replica tell nothing twice.
 */
export class ActionReminders {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly notifications: NotificationRepository,
    private readonly notifier: Notifier,
    private readonly bankHolidays: readonly string[],
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Records every reminder now due, a batch per transaction; returns how many facts it recorded. */
  async run(): Promise<number> {
    if (!this.notifier.enabled) return 0;
    let total = 0;
    for (;;) {
      const now = this.clock();
      const recorded = await this.unitOfWork.run(async (transaction) => {
        const due = await this.notifications.actionsToRemind(
          transaction,
          {
            now,
            horizon: actionReminderHorizon(now, this.bankHolidays),
            overdueKeyPrefix: notificationKey('ACTION_OVERDUE', ''),
            dueSoonKeyPrefix: notificationKey('ACTION_DUE_SOON', ''),
          },
          BATCH,
        );
        for (const action of due) {
          const kind = actionReminderKind(action.dueAt, now, this.bankHolidays) ?? 'ACTION_DUE_SOON';
          await this.notifier.notify(
            transaction,
            notificationKey(kind, action.actionId),
            { organisationId: action.organisationId, region: action.region },
            {
              kind,
              reference: action.reference,
              organisationName: await this.notifier.organisationName(transaction, action.organisationId),
              actionKind: action.actionKind,
              dueAt: action.dueAt,
            },
            now,
          );
        }
        return due.length;
      });
      total += recorded;
      if (recorded < BATCH) return total;
    }
  }
}
