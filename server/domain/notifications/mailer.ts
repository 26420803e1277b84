// SMTP adapter of notification e-mails (nodemailer). One transport per job run; the password never leaves the transport.
import nodemailer from 'nodemailer';
import type { NotifyConfig } from '../../config.ts';

export interface NotificationMail {
  to: string;
  subject: string;
  text: string;
  notificationId: string;
}

export interface Mailer {
  send(mail: NotificationMail): Promise<void>;
  close(): void;
}

/** A failed send; `fatal` when the server itself is unusable (connection, TLS, login), so the rest of the batch waits. */
export class MailError extends Error {
  readonly fatal: boolean;
  constructor(message: string, fatal: boolean) {
    super(message);
    this.fatal = fatal;
  }
}

const FATAL_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'EAUTH', 'ETLS', 'ECONNREFUSED']);

export function createMailer(config: NotifyConfig): Mailer {
  const s = config.smtp;
  const transport = nodemailer.createTransport({
    host: s.host ?? undefined,
    port: s.port,
    secure: s.secure,
    auth: s.user ? { user: s.user, pass: s.password ?? '' } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      try {
        await transport.sendMail({
          from: config.from ?? undefined,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          headers: { 'X-Qingdan-Notification': mail.notificationId, 'Auto-Submitted': 'auto-generated' },
        });
      } catch (error) {
        const code = (error as { code?: string }).code ?? '';
        // Kept short: it is stored on the row. nodemailer's messages carry server replies, never the credentials.
        throw new MailError(`${code ? `${code}: ` : ''}${(error as Error).message}`.slice(0, 500), FATAL_CODES.has(code));
      }
    },
    close() {
      transport.close();
    },
  };
}
