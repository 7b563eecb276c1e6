import { afterCommit, type UnitOfWork } from '@nets/shared/data-access-typeorm';
import {
  metricsRecording,
  notificationEmailsFailed,
  notificationEmailsSent,
} from '@nets/shared/observability';
import type { Logger } from '@nets/shared/util-logger';
import type { NotificationRepository } from '@nets/concerns/data-access';
import { deliveryBackoffMs } from '@nets/concerns/domain';

/** One email as the transport takes it. */
export interface OutgoingEmail {
  /** The same on every attempt of one outbox row, so a receiver can drop a resend it already has. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface MailTransport {
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

const BATCH = 20;

/**
 * The sender loop over the email outbox: takes due rows with SKIP LOCKED (every replica sends, none takes
 * another's row), delivers each while holding its lock, and marks it SENT, or counts the failure and sets the
 * next attempt (doubling delay), FAILED after the last attempt. A crash between delivery and commit resends
 * that one row with the same Message-ID: at least once to the server, once per row everywhere else.
 */
export class EmailSender {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly notifications: NotificationRepository,
    private readonly transport: MailTransport,
    private readonly options: { retryBaseMs: number; maxAttempts: number; messageIdDomain: string },
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Sends every due email, a batch per transaction; returns how many were delivered. */
  async drain(): Promise<number> {
    let delivered = 0;
    for (;;) {
      const { taken, sent } = await this.unitOfWork.run(async (transaction) => {
        const due = await this.notifications.lockDue(transaction, this.clock(), BATCH);
        let ok = 0;
        for (const email of due) {
          try {
            await this.transport.send({
              messageId: `<${email.id}@${this.options.messageIdDomain}>`,
              to: email.recipient,
              subject: email.subject,
              text: email.text,
              html: email.html,
            });
            await this.notifications.markSent(transaction, email.id, this.clock());
            ok += 1;
          } catch (error) {
            const attempts = email.attempts + 1;
            const retryAt =
              attempts >= this.options.maxAttempts
                ? null
                : new Date(this.clock().getTime() + deliveryBackoffMs(attempts, this.options.retryBaseMs));
            const message = error instanceof Error ? error.message : String(error);
            // The address stays out of the log: the row id finds it.
            this.logger.warn(
              { emailId: email.id, attempts, finalFailure: retryAt === null, err: message },
              'notification email not delivered',
            );
            await this.notifications.markFailed(transaction, email.id, message, retryAt);
            if (metricsRecording())
              afterCommit(transaction, () =>
                notificationEmailsFailed.inc({ outcome: retryAt === null ? 'gave_up' : 'will_retry' }),
              );
          }
        }
        return { taken: due.length, sent: ok };
      });
      if (sent > 0 && metricsRecording()) notificationEmailsSent.inc(sent);
      delivered += sent;
      if (taken < BATCH) return delivered;
    }
  }
}
