// Delivery adapters of a report package: directory drop (default), SMTP e-mail, HTTP POST. Each either delivers
// the whole package or throws; the service records the outcome and schedules retries.
import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { ReportDelivery, ReportsConfig } from '../../config.ts';

export interface PackageFile {
  name: string;
  contentType: string;
  sha256: string;
  size: number;
  bytes: Buffer;
}

export interface DeliveryPackage {
  reportId: string;
  publicationNumber: string;
  recipient: string;
  subject: string;
  /** Plain-text body of the e-mail (the letter's text). */
  text: string;
  files: PackageFile[];
  /** manifest.json: what the package holds, by name, SHA-256 and size. */
  manifest: Record<string, unknown>;
}

export interface DeliveryReceipt {
  adapter: ReportDelivery;
  /** Where it went: the directory, the SMTP message id, the HTTP status. */
  detail: Record<string, unknown>;
}

/** A delivery that failed; the message is safe to show staff and store (no credentials). */
export class DeliveryError extends Error {}

// Publication numbers hold spaces and Chinese, which directories take; path separators and control characters they must not.
export function safeDirName(name: string): string {
  const cleaned = name.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').replace(/^\.+/, '_').trim();
  return cleaned || 'report';
}

async function dropToDirectory(config: ReportsConfig, pkg: DeliveryPackage): Promise<DeliveryReceipt> {
  const dir = path.join(config.dir, safeDirName(pkg.publicationNumber));
  try {
    await fs.promises.mkdir(dir, { recursive: true });
    for (const f of pkg.files) await fs.promises.writeFile(path.join(dir, f.name), f.bytes);
    // The manifest last: its presence tells a pick-up script the package is complete.
    await fs.promises.writeFile(path.join(dir, 'manifest.json'), `${JSON.stringify(pkg.manifest, null, 2)}\n`);
  } catch (error) {
    throw new DeliveryError(`写入报备目录失败：${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return { adapter: 'dir', detail: { directory: dir } };
}

async function sendMail(config: ReportsConfig, pkg: DeliveryPackage): Promise<DeliveryReceipt> {
  const s = config.smtp;
  const transport = nodemailer.createTransport({
    host: s.host ?? undefined,
    port: s.port,
    secure: s.secure,
    auth: s.user ? { user: s.user, pass: s.password ?? '' } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  try {
    const info = await transport.sendMail({
      from: s.from ?? undefined,
      to: s.to ?? undefined,
      subject: pkg.subject,
      text: pkg.text,
      headers: { 'X-Qingdan-Report': pkg.reportId },
      attachments: [
        ...pkg.files.map((f) => ({ filename: f.name, content: f.bytes, contentType: f.contentType })),
        { filename: 'manifest.json', content: JSON.stringify(pkg.manifest, null, 2), contentType: 'application/json' },
      ],
    });
    return { adapter: 'smtp', detail: { messageId: info.messageId, accepted: info.accepted.map(String) } };
  } catch (error) {
    throw new DeliveryError(`邮件发送失败：${(error as Error).message}`);
  } finally {
    transport.close();
  }
}

async function postHttp(config: ReportsConfig, pkg: DeliveryPackage): Promise<DeliveryReceipt> {
  const h = config.http;
  const headers: Record<string, string> = { 'idempotency-key': pkg.reportId, 'x-qingdan-report': pkg.reportId };
  if (h.token) headers.authorization = `Bearer ${h.token}`;
  let body: string | FormData;
  if (h.format === 'multipart') {
    const form = new FormData();
    form.append('manifest', new Blob([JSON.stringify(pkg.manifest)], { type: 'application/json' }), 'manifest.json');
    for (const f of pkg.files) form.append('files', new Blob([new Uint8Array(f.bytes)], { type: f.contentType }), f.name);
    body = form;
  } else {
    headers['content-type'] = 'application/json';
    body = JSON.stringify({ ...pkg.manifest, files: pkg.files.map((f) => ({ name: f.name, contentType: f.contentType, sha256: f.sha256, size: f.size, base64: f.bytes.toString('base64') })) });
  }
  let res: Response;
  try {
    res = await fetch(h.url!, { method: 'POST', headers, body, signal: AbortSignal.timeout(60_000), redirect: 'error' });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new DeliveryError(`无法连接报备接口：${cause ?? (error as Error).name}`);
  }
  // The endpoint's answer is kept short: it lands in the history and in staff's view.
  const answer = (await res.text().catch(() => '')).slice(0, 500);
  if (!res.ok) throw new DeliveryError(`报备接口返回 HTTP ${res.status}${answer ? `：${answer}` : ''}`);
  return { adapter: 'http', detail: { status: res.status, response: answer } };
}

const ADAPTERS: Record<ReportDelivery, (config: ReportsConfig, pkg: DeliveryPackage) => Promise<DeliveryReceipt>> = {
  dir: dropToDirectory,
  smtp: sendMail,
  http: postHttp,
};

/** Delivers the package through the configured adapter. @throws DeliveryError */
export function deliver(config: ReportsConfig, pkg: DeliveryPackage): Promise<DeliveryReceipt> {
  return ADAPTERS[config.delivery](config, pkg);
}
