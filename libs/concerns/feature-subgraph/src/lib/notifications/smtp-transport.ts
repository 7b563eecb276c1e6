import { createTransport } from 'nodemailer';
import type { MailTransport } from './email-sender';

/**
 * Delivery through an SMTP server with nodemailer: one connection per message (no pool to outlive the
 * process), bounded waits so a stalled server fails the attempt and the sender retries later.
 */
export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(email) {
      await transporter.sendMail({
        from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: email.messageId,
      });
    },
    close: () => transporter.close(),
  };
}
