// E-mail copies of notifications through an outbox: notifyOrg writes rows inside business transactions; this job
// reads them afterwards and mails them, so no send happens inside a transaction and none is lost to a crash.
import { type ServiceContext } from '../../platform/context.ts';
import { createMailer, MailError, type Mailer, type NotificationMail } from './mailer.ts';
import * as repo from './notifications.repo.ts';

/** Rows per run (the job runs every 60 s). */
export const EMAIL_BATCH = 50;
/** Attempts per notification before the job gives up on it (the in-app row stays). */
export const EMAIL_MAX_ATTEMPTS = 8;
/** Backoff after failure n: 60 s · 2^(n−1), at most 6 hours. */
export const EMAIL_RETRY_BASE_SECONDS = 60;
const EMAIL_RETRY_MAX_SECONDS = 6 * 3600;
/** Older notifications are not mailed (e.g. a user's backlog when their address is first set). */
export const EMAIL_MAX_AGE_HOURS = 72;
/** A run stops starting new sends after this long, well inside the 60 s lease. */
const RUN_BUDGET_MS = 40_000;

export function retryDelaySeconds(attempt: number): number {
  return Math.min(EMAIL_RETRY_BASE_SECONDS * 2 ** (attempt - 1), EMAIL_RETRY_MAX_SECONDS);
}

function composeMail(ctx: ServiceContext, row: repo.OutboxRow): NotificationMail {
  const base = ctx.config.notify.baseUrl;
  const lines = [`${row.display_name}，您好：`, '', row.title, row.body, ''];
  if (row.link) lines.push(base ? `查看详情：${base}${row.link}` : `登录清单管理系统后查看：${row.link}`, '');
  lines.push('此邮件由清单管理系统自动发送，请勿回复。站内消息中可查看全部通知。');
  return { to: row.email, subject: `【清单】${row.title}`, text: lines.join('\n'), notificationId: row.id };
}

export interface EmailRunResult {
  sent: number;
  failed: number;
}

/**
 * Job `notifications.email`: mails due notifications when SMTP is configured, otherwise does nothing.
 * Success sets emailed_at; failure records email_error and schedules a retry with backoff.
 */
export async function sendNotificationEmails(ctx: ServiceContext, mailerFactory: (c: ServiceContext['config']['notify']) => Mailer = createMailer): Promise<EmailRunResult> {
  const cfg = ctx.config.notify;
  const result: EmailRunResult = { sent: 0, failed: 0 };
  if (!cfg.smtp.host) return result;
  const rows = await repo.emailOutbox(ctx.db, {
    now: ctx.now.toISOString(),
    since: new Date(ctx.now.getTime() - EMAIL_MAX_AGE_HOURS * 3_600_000).toISOString(),
    maxAttempts: EMAIL_MAX_ATTEMPTS,
    limit: EMAIL_BATCH,
  });
  if (!rows.length) return result;
  const mailer = mailerFactory(cfg);
  const started = Date.now();
  try {
    for (const row of rows) {
      if (Date.now() - started > RUN_BUDGET_MS) break;
      try {
        await mailer.send(composeMail(ctx, row));
        await repo.markEmailed(ctx.db, row.id, ctx.now.toISOString());
        result.sent += 1;
      } catch (error) {
        const attempts = row.email_attempts + 1;
        const retryAt = attempts < EMAIL_MAX_ATTEMPTS ? new Date(ctx.now.getTime() + retryDelaySeconds(attempts) * 1000).toISOString() : null;
        await repo.markEmailFailed(ctx.db, row.id, error instanceof Error ? error.message.slice(0, 500) : String(error), attempts, retryAt);
        result.failed += 1;
        // The server is down or refuses us: the other rows wait for the next run instead of each timing out now.
        if (error instanceof MailError && error.fatal) break;
      }
    }
  } finally {
    mailer.close();
  }
  return result;
}
