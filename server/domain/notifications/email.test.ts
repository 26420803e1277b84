import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../config.ts';
import { runJobsOnce } from '../../jobs/scheduler.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { itemElements, nextBasicCode, uniformElements } from '../../test/factories.ts';
import { buildTestApp, TEST_DIALECT, type Session, type TestApp } from '../../test/test-app.ts';
import { EMAIL_MAX_AGE_HOURS, sendNotificationEmails } from './email.service.ts';
import { notifyOrg } from './notifications.service.ts';

// The e-mail outbox: notifyOrg writes rows, the `notifications.email` job mails them to a real (local) SMTP server.

interface Received {
  to: string[];
  raw: string;
  subject: string;
  text: string;
}

// Just enough MIME for nodemailer's output: RFC 2047 words in the subject, a quoted-printable or base64 text body.
function decodeWords(value: string): string {
  const latin1 = value
    .replace(/\r?\n[ \t]/g, ' ')
    .replace(/(\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('latin1')
        : text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
    );
  return Buffer.from(latin1, 'latin1').toString('utf8');
}

function parseMail(raw: string, to: string[]): Received {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}: (.*(?:\\r\\n[ \\t].*)*)`, 'mi').exec(head)?.[1] ?? '';
  const cte = header('Content-Transfer-Encoding').trim().toLowerCase();
  const text =
    cte === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : cte === 'quoted-printable'
        ? Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8')
        : body;
  return { to, raw, subject: decodeWords(header('Subject')), text };
}

let t: TestApp;
let admin: Session;
let reviewer: Session;
let clerk: Session;
let leader: Session;
let smtp: SMTPServer;
let smtpPort: number;
let deadPort: number;
const inbox: Received[] = [];

function smtpConfig(port: number): Config {
  return { ...t.config, notify: { smtp: { host: '127.0.0.1', port, secure: false, user: null, password: null }, from: 'qingdan@wsq.example.cn', baseUrl: 'https://qingdan.wsq.example.cn' } };
}

function jobCtx(config: Config, now = new Date()): ServiceContext {
  return { db: t.database.db, dialect: t.database.dialect, config, actor: null, requestId: 'test:notifications.email', ip: null, now };
}

async function rowsOf(userId: string) {
  const rows = await t.database.db.selectFrom('notification').selectAll().where('user_id', '=', userId).orderBy('id').execute();
  return rows.map((r) => ({ ...r, email_attempts: Number(r.email_attempts) }));
}

async function bureauId(): Promise<string> {
  return (await t.database.db.selectFrom('org').select('id').where('kind', '=', 'bureau').executeTakeFirstOrThrow()).id;
}

/** One notification to the bureau's reviewers, written the way every domain writes them. */
async function notifyReviewers(title: string, now = new Date()): Promise<void> {
  const orgId = await bureauId();
  await t.database.db.transaction().execute(async (trx) => {
    await notifyOrg(trx, { ...jobCtx(t.config, now), db: trx }, orgId, ['bureau_reviewer'], { kind: 'test.notice', title, body: '正文', link: '/admin/test' });
  });
}

async function setEmail(userId: string, email: string | null): Promise<void> {
  const r = await t.call(admin, 'POST', `/api/users/${userId}/email`, { email });
  expect(r.statusCode, r.body).toBe(200);
}

/** Marks every unsent row as sent so a test starts from an empty outbox. */
async function drainOutbox(): Promise<void> {
  await t.database.db.updateTable('notification').set({ emailed_at: '2000-01-01T00:00:00.000Z' }).where('emailed_at', 'is', null).execute();
}

beforeAll(async () => {
  t = await buildTestApp();
  [admin, reviewer, clerk, leader] = await t.loginAll('admin', 'reviewer', 'scjg', 'scjg-leader');
  smtp = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push(parseMail(Buffer.concat(chunks).toString('latin1'), session.envelope.rcptTo.map((r) => r.address)));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
  // A port nobody listens on: connection refused.
  const probe = new SMTPServer({ logger: false });
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  deadPort = (probe.server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
}, 60_000);

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await t.close();
});

afterEach(async () => {
  inbox.length = 0;
  await drainOutbox();
});

describe(`notification e-mail (${TEST_DIALECT})`, () => {
  it('SMTP off (the default): the job sends nothing and leaves the rows untouched', async () => {
    expect(t.config.notify.smtp.host).toBeNull();
    await setEmail(reviewer.userId, 'zhangmin@wsq.example.cn');
    await notifyReviewers('停用时的通知');
    const before = await rowsOf(reviewer.userId);
    expect(await sendNotificationEmails(jobCtx(t.config))).toEqual({ sent: 0, failed: 0 });
    expect(await rowsOf(reviewer.userId)).toEqual(before);
    expect(before.at(-1)).toMatchObject({ emailed_at: null, email_error: null, email_attempts: 0, email_retry_at: null });
    expect(inbox).toHaveLength(0);
  });

  it('a submitted adjustment request reaches the reviewer by e-mail, Chinese subject and link, through runJobsOnce; the admin without an address is skipped', async () => {
    await setEmail(reviewer.userId, 'zhangmin@wsq.example.cn');
    await setEmail(admin.userId, null);
    const cat = await t.call(admin, 'POST', '/api/catalogue-items', { basicCode: nextBasicCode(), origin: 'local', levels: [4], uniform: uniformElements({ name: '邮件通知事项' }) });
    const created = await t.call(clerk, 'POST', '/api/adjustments', { kind: 'add', reasonCode: 'function_change', title: '新增邮件通知事项', items: [{ catalogueItemId: cat.json().id, elements: itemElements({}, { name: '邮件通知事项' }) }] });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect((await t.call(leader, 'POST', `/api/adjustments/${id}/submit`, {})).statusCode).toBe(200);
    // The business transaction sent nothing: the row waits in the outbox.
    expect(inbox).toHaveLength(0);
    const pending = (await rowsOf(reviewer.userId)).filter((r) => r.kind === 'adjustment.submitted');
    expect(pending).toHaveLength(1);
    expect(pending[0].emailed_at).toBeNull();

    const now = new Date();
    const ran = await runJobsOnce(t.database.db, t.database.dialect, smtpConfig(smtpPort), 'test-node', now);
    expect(ran).toContain('notifications.email');
    expect(inbox).toHaveLength(1);
    const mail = inbox[0];
    expect(mail.to).toEqual(['zhangmin@wsq.example.cn']);
    expect(mail.subject).toBe('【清单】调整申请已提交，等待审核');
    expect(mail.raw).toMatch(/^From: qingdan@wsq\.example\.cn/m);
    expect(mail.raw).toContain(`X-Qingdan-Notification: ${pending[0].id}`);
    expect(mail.text).toContain('新增邮件通知事项');
    expect(mail.text).toContain(`https://qingdan.wsq.example.cn/admin/adjustments/${id}`);
    expect(mail.text).toContain('审核员 张敏');

    const [sent] = (await rowsOf(reviewer.userId)).filter((r) => r.id === pending[0].id);
    expect(sent).toMatchObject({ emailed_at: now.toISOString(), email_error: null, email_attempts: 0 });
    // The admin was notified in-app too, but has no address: nothing sent, row untouched.
    const adminRow = (await rowsOf(admin.userId)).find((r) => r.kind === 'adjustment.submitted' && r.link === `/admin/adjustments/${id}`);
    expect(adminRow).toMatchObject({ emailed_at: null, email_error: null, email_attempts: 0 });

    // Sent once: the next run finds nothing.
    expect(await sendNotificationEmails(jobCtx(smtpConfig(smtpPort), new Date(now.getTime() + 120_000)))).toEqual({ sent: 0, failed: 0 });
    expect(inbox).toHaveLength(1);
  });

  it('connection refused: email_error recorded with backoff, retried on a later run, sent once the server answers', async () => {
    await setEmail(reviewer.userId, 'zhangmin@wsq.example.cn');
    const now = new Date();
    await notifyReviewers('服务器故障时的通知', now);
    const first = await sendNotificationEmails(jobCtx(smtpConfig(deadPort), now));
    expect(first).toEqual({ sent: 0, failed: 1 });
    let [row] = (await rowsOf(reviewer.userId)).filter((r) => r.title === '服务器故障时的通知');
    expect(row.emailed_at).toBeNull();
    expect(row.email_error).toMatch(/ECONNECTION|ECONNREFUSED/);
    expect(row.email_attempts).toBe(1);
    expect(row.email_retry_at).toBe(new Date(now.getTime() + 60_000).toISOString());

    // Within the backoff: not tried.
    expect(await sendNotificationEmails(jobCtx(smtpConfig(smtpPort), new Date(now.getTime() + 30_000)))).toEqual({ sent: 0, failed: 0 });
    // Still down after the backoff: attempt 2, the wait doubles.
    const later = new Date(now.getTime() + 61_000);
    expect(await sendNotificationEmails(jobCtx(smtpConfig(deadPort), later))).toEqual({ sent: 0, failed: 1 });
    [row] = (await rowsOf(reviewer.userId)).filter((r) => r.title === '服务器故障时的通知');
    expect(row).toMatchObject({ emailed_at: null, email_attempts: 2, email_retry_at: new Date(later.getTime() + 120_000).toISOString() });

    // The server is back: sent, and the last error stays for the record.
    const back = new Date(later.getTime() + 121_000);
    expect(await sendNotificationEmails(jobCtx(smtpConfig(smtpPort), back))).toEqual({ sent: 1, failed: 0 });
    [row] = (await rowsOf(reviewer.userId)).filter((r) => r.title === '服务器故障时的通知');
    expect(row.emailed_at).toBe(back.toISOString());
    expect(row.email_error).toMatch(/ECONNECTION|ECONNREFUSED/);
    expect(inbox.map((m) => m.subject)).toEqual(['【清单】服务器故障时的通知']);
  });

  it('skips users without an address, notifications already read in-app and ones older than the e-mail window; sends oldest first', async () => {
    await setEmail(reviewer.userId, null);
    await notifyReviewers('无邮箱时的通知');
    expect(await sendNotificationEmails(jobCtx(smtpConfig(smtpPort)))).toEqual({ sent: 0, failed: 0 });
    expect((await rowsOf(reviewer.userId)).find((r) => r.title === '无邮箱时的通知')).toMatchObject({ emailed_at: null, email_attempts: 0 });
    await drainOutbox();

    await setEmail(reviewer.userId, 'zhangmin@wsq.example.cn');
    const now = Date.now();
    await notifyReviewers('过期的通知', new Date(now - (EMAIL_MAX_AGE_HOURS + 1) * 3_600_000));
    await notifyReviewers('较早的通知', new Date(now - 60_000));
    await notifyReviewers('已读的通知', new Date(now - 30_000));
    await notifyReviewers('较晚的通知', new Date(now - 10_000));
    const readId = (await rowsOf(reviewer.userId)).find((r) => r.title === '已读的通知')!.id;
    expect((await t.call(reviewer, 'POST', '/api/notifications/read', { ids: [readId] })).statusCode).toBe(204);

    expect(await sendNotificationEmails(jobCtx(smtpConfig(smtpPort), new Date(now)))).toEqual({ sent: 2, failed: 0 });
    expect(inbox.map((m) => m.subject)).toEqual(['【清单】较早的通知', '【清单】较晚的通知']);
  });

  it('the in-app list still works with outbox columns present', async () => {
    await notifyReviewers('站内列表');
    const list = await t.call(reviewer, 'GET', '/api/notifications');
    expect(list.statusCode).toBe(200);
    expect(Object.keys(list.json().items[0]).sort()).toEqual(['body', 'createdAt', 'id', 'kind', 'link', 'read', 'title']);
  });
});
