import { z } from 'zod';

/**
 * Email notifications (issue 22). Off unless `NOTIFY_SMTP_URL` is set: then nothing is recorded or sent, so
 * turning them on later does not flood mailboxes with a backlog (an action overdue then is told once, then).
 */
export const notificationConfigSchema = z.object({
  /** `smtp://user:pass@host:587` (STARTTLS when the server offers it) or `smtps://host:465`; empty: off. */
  NOTIFY_SMTP_URL: z
    .string()
    .optional()
    .transform((value) => (value && value.trim() !== '' ? value.trim() : undefined))
    .pipe(
      z.url({ protocol: /^smtps?$/, error: 'NOTIFY_SMTP_URL must be an smtp:// or smtps:// URL' }).optional(),
    ),
  /** The sender of every email. */
  NOTIFY_FROM: z.string().min(3).default('NETS <no-reply@nets.localhost>'),
  /** First resend delay after a failed delivery; it doubles per attempt, to at most an hour. */
  NOTIFY_RETRY_BASE_MS: z.coerce.number().int().min(1).default(30_000),
  /** Attempts before an email is marked FAILED for good. */
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
});

export type NotificationSettings = z.output<typeof notificationConfigSchema>;
