import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJobsOnce } from '../../jobs/scheduler.ts';
import { itemElements, nextBasicCode, uniformElements } from '../../test/factories.ts';
import { createEffectiveItem, demoOrgIds } from '../../test/routes.ts';
import { buildTestApp, TEST_DIALECT, type Session, type TestApp } from '../../test/test-app.ts';
import { safeDirName } from './delivery.ts';

let t: TestApp;
let admin: Session;
let reviewer: Session;
let clerk: Session;
let leader: Session;
let auditor: Session;
let orgIds: Record<string, string>;
let dataDir: string;
let pdfFontMissing = false;
const defaults = { delivery: 'dir' as const, http: { url: null as string | null, token: null as string | null, format: 'json' as 'json' | 'multipart' } };

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const effectiveItem = async (name: string): Promise<string> => (await createEffectiveItem(t, admin, { orgId: orgIds.scjg, uniform: { name } })).code;

async function approvedAdd(name: string): Promise<string> {
  const cat = await t.call(admin, 'POST', '/api/catalogue-items', { basicCode: nextBasicCode(), origin: 'local', levels: [4], uniform: uniformElements({ name }) });
  const r = await t.call(clerk, 'POST', '/api/adjustments', { kind: 'add', reasonCode: 'function_change', title: `新增${name}`, items: [{ catalogueItemId: cat.json().id, elements: itemElements({}, { name }) }] });
  expect(r.statusCode, r.body).toBe(201);
  const id = r.json().id;
  await t.call(leader, 'POST', `/api/adjustments/${id}/submit`, {});
  await t.call(reviewer, 'POST', `/api/adjustments/${id}/start-review`, {});
  const a = await t.call(reviewer, 'POST', `/api/adjustments/${id}/approve`, {});
  expect(a.json().state, a.body).toBe('applied');
  return a.json().decisionNumber as string;
}

async function publish(): Promise<{ number: string }> {
  const r = await t.call(reviewer, 'POST', '/api/publications', {});
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}

async function prepare(number: string) {
  const r = await t.call(reviewer, 'POST', '/api/reports', { publicationNumber: number });
  if (r.statusCode === 503 && r.json().error.code === 'SEAL.PDF_FONT_MISSING') pdfFontMissing = true;
  return r;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-reports-'));
  t = await buildTestApp({ dataDir });
  [admin, reviewer, clerk, leader, auditor] = await t.loginAll('admin', 'reviewer', 'scjg', 'scjg-leader', 'auditor');
  orgIds = await demoOrgIds(t, admin);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe(`reports to the city bureau (${TEST_DIALECT})`, () => {
  let first: { number: string };
  let second: { number: string };
  let decisionNumber: string;
  let reportId: string;

  it('401 without a session', async () => {
    expect((await t.call(undefined, 'POST', '/api/reports', { publicationNumber: 'x' })).statusCode).toBe(401);
    expect((await t.call(undefined, 'GET', '/api/reports')).statusCode).toBe(401);
    expect((await t.call(undefined, 'POST', '/api/reports/x/send', {})).statusCode).toBe(401);
  });

  it('400 per rule: publicationNumber missing, empty, or an unknown field; a reply is required', async () => {
    for (const body of [{}, { publicationNumber: '' }, { publicationNumber: 'x', extra: 1 }]) {
      const r = await t.call(reviewer, 'POST', '/api/reports', body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().error.code).toBe('VALIDATION.FAILED');
    }
    expect((await t.call(reviewer, 'POST', '/api/reports/x/acknowledge', {})).statusCode).toBe(400);
    expect((await t.call(reviewer, 'GET', '/api/reports/x/files/..%2Fetc')).statusCode).toBe(400);
  });

  it('403 for departments and auditors writing; 404 for an unknown publication or report', async () => {
    expect((await t.call(clerk, 'POST', '/api/reports', { publicationNumber: 'x' })).statusCode).toBe(403);
    expect((await t.call(clerk, 'GET', '/api/reports')).statusCode).toBe(403);
    expect((await t.call(auditor, 'POST', '/api/reports', { publicationNumber: 'x' })).statusCode).toBe(403);
    const unknown = await t.call(reviewer, 'POST', '/api/reports', { publicationNumber: '不存在的清单' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('PUBLICATION.NOT_FOUND');
    expect((await t.call(reviewer, 'GET', '/api/reports/0190-unknown')).json().error.code).toBe('REPORT.NOT_FOUND');
    expect((await t.call(reviewer, 'POST', '/api/reports/0190-unknown/send', {})).statusCode).toBe(404);
  });

  it('prepares a package: sealed JSON and its record, the .xlsx as of publication, a sealed one-page letter; audited', async () => {
    expect((await t.call(admin, 'POST', '/api/seals', { orgId: orgIds.bureau })).statusCode).toBe(201);
    first = await publish();
    await effectiveItem('公共场所卫生许可');
    decisionNumber = await approvedAdd('个体工商户登记');
    second = await publish();
    t.config.publicBaseUrl = 'https://qingdan.wsq.example.cn';
    const r = await prepare(second.number).finally(() => {
      t.config.publicBaseUrl = null;
    });
    if (pdfFontMissing) {
      expect(r.json().error.message).toContain('中文字体');
      return;
    }
    expect(r.statusCode, r.body).toBe(201);
    const report = r.json();
    reportId = report.id;
    expect(report).toMatchObject({ publicationNumber: second.number, state: 'prepared', allowedActions: ['send'], recipient: '鄂尔多斯市行政审批和政务服务局', attempts: 0 });
    expect(report.files.map((f: { name: string }) => f.name)).toEqual(['publication.json', 'publication.seal.json', 'list.xlsx', 'letter.pdf', 'letter.seal.json']);
    expect(report.history).toEqual([expect.objectContaining({ seq: 1, kind: 'prepare', toState: 'prepared', outcome: 'ok', actorName: '审核员 张敏' })]);
    for (const f of report.files as Array<{ name: string; sha256: string; size: number }>) {
      const dl = await t.call(auditor, 'GET', `/api/reports/${reportId}/files/${f.name}`);
      expect(dl.statusCode, f.name).toBe(200);
      expect(sha256(dl.rawPayload)).toBe(f.sha256);
      expect(dl.rawPayload.length).toBe(f.size);
    }
    // The publication JSON is byte-for-byte what was sealed at publication.
    const pub = (await t.call(undefined, 'GET', `/api/public/publications/${encodeURIComponent(second.number)}`)).json();
    const json = (await t.call(reviewer, 'GET', `/api/reports/${reportId}/files/publication.json`)).rawPayload;
    expect(sha256(json)).toBe(pub.seal.content.sha256);
    const xlsx = (await t.call(reviewer, 'GET', `/api/reports/${reportId}/files/list.xlsx`)).rawPayload;
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
    const pdf = (await t.call(reviewer, 'GET', `/api/reports/${reportId}/files/letter.pdf`)).rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/ByteRange\s*\[/);
    try {
      const file = path.join(dataDir, 'letter.pdf');
      fs.writeFileSync(file, pdf);
      expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      expect(text).toContain('鄂尔多斯市行政审批和政务服务局');
      expect(text).toContain(decisionNumber);
      // Sealed without a request (as a job would): the verify address comes from QINGDAN_PUBLIC_BASE_URL.
      expect(text).toContain('https://qingdan.wsq.example.cn/verify');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const audit = await t.auditRows('report.prepare');
    expect(audit[0]).toMatchObject({ target_id: reportId });
    expect(JSON.parse(audit[0].summary)).toMatchObject({ publicationNumber: second.number });
  });

  it('409: a second package of the same publication; acknowledging before sending', async () => {
    if (pdfFontMissing) return;
    const again = await prepare(second.number);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'REPORT.EXISTS', details: { id: reportId } });
    const early = await t.call(reviewer, 'POST', `/api/reports/${reportId}/acknowledge`, { reply: '已收到' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details).toEqual({ state: 'prepared', allowedActions: ['send'] });
  });

  it('directory drop (default) writes the files and manifest.json, whose SHA-256s match; then the city acknowledges', async () => {
    if (pdfFontMissing) return;
    const sent = await t.call(reviewer, 'POST', `/api/reports/${reportId}/send`, {});
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ state: 'sent', allowedActions: ['acknowledge', 'query'], lastError: null });
    const dir = path.join(dataDir, 'reports', safeDirName(second.number));
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ type: 'qingdan.report-package', publicationNumber: second.number, reportId });
    expect(manifest.files).toHaveLength(5);
    for (const f of manifest.files as Array<{ name: string; sha256: string; size: number }>) {
      const bytes = fs.readFileSync(path.join(dir, f.name));
      expect(sha256(bytes), f.name).toBe(f.sha256);
      expect(bytes.length).toBe(f.size);
    }
    expect((await t.auditRows('report.send'))[0]).toMatchObject({ target_id: reportId });
    const again = await t.call(reviewer, 'POST', `/api/reports/${reportId}/send`, {});
    expect(again.statusCode).toBe(409);
    const ack = await t.call(reviewer, 'POST', `/api/reports/${reportId}/acknowledge`, { reply: '已收到，准予备案。' });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ state: 'acknowledged', reply: '已收到，准予备案。', allowedActions: [] });
    expect(ack.json().history.map((e: { kind: string; toState: string }) => `${e.kind}:${e.toState}`)).toEqual(['prepare:prepared', 'send:sent', 'acknowledge:acknowledged']);
    expect((await t.auditRows('report.acknowledge'))[0]).toMatchObject({ target_id: reportId });
    const list = await t.call(auditor, 'GET', '/api/reports');
    expect(list.json().items).toContainEqual(expect.objectContaining({ id: reportId, state: 'acknowledged' }));
  });

  it('HTTP delivery: a 500 is recorded and retried with backoff by the job; the history shows both attempts', async () => {
    if (pdfFontMissing) return;
    const received: Array<{ auth: string | undefined; key: string | undefined; body: { files: Array<{ name: string; sha256: string; base64: string }> } }> = [];
    let calls = 0;
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        calls += 1;
        if (calls === 1) {
          res.writeHead(500).end('city endpoint down');
          return;
        }
        received.push({ auth: req.headers.authorization, key: req.headers['idempotency-key'] as string | undefined, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"receipt":"ERDOS-2026-001"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      t.config.reports.delivery = 'http';
      t.config.reports.http = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/reports`, token: 'city-token', format: 'json' };
      const third = await publish();
      const id = (await prepare(third.number)).json().id as string;
      const failed = await t.call(reviewer, 'POST', `/api/reports/${id}/send`, {});
      expect(failed.statusCode).toBe(502);
      expect(failed.json().error).toMatchObject({ code: 'REPORT.DELIVERY_FAILED', details: { id, attempts: 1 } });
      expect(failed.json().error.message).toContain('HTTP 500');
      const after = (await t.call(reviewer, 'GET', `/api/reports/${id}`)).json();
      expect(after).toMatchObject({ state: 'prepared', attempts: 1, allowedActions: ['send'] });
      expect(after.lastError).toContain('HTTP 500');
      const nextAt = Date.parse(after.nextAttemptAt);
      expect(nextAt - Date.parse(after.history[1].at)).toBe(t.config.reports.retry.baseSeconds * 1000);
      expect((await t.auditRows('report.send_failed'))[0]).toMatchObject({ target_id: id });
      // Not due yet: the job leaves it alone.
      const early = await runJobsOnce(t.app.db, t.app.dialect, t.config, 'test-node-1', new Date(nextAt - 5_000));
      expect(early).toContain('reports.retry');
      expect(calls).toBe(1);
      await t.app.db.deleteFrom('job_lease').execute();
      const ran = await runJobsOnce(t.app.db, t.app.dialect, t.config, 'test-node-2', new Date(nextAt + 1_000));
      expect(ran).toContain('reports.retry');
      expect(calls).toBe(2);
      const done = (await t.call(reviewer, 'GET', `/api/reports/${id}`)).json();
      expect(done).toMatchObject({ state: 'sent', attempts: 0, nextAttemptAt: null, lastError: null });
      expect(done.history.map((e: { kind: string; outcome: string; adapter: string | null }) => `${e.kind}:${e.outcome}:${e.adapter}`)).toEqual(['prepare:ok:null', 'send:failed:http', 'send:ok:http']);
      expect(done.history[1].error).toContain('HTTP 500');
      expect(done.history[2]).toMatchObject({ actorName: '系统（自动重试）', detail: { status: 200, response: '{"receipt":"ERDOS-2026-001"}' } });
      expect(received[0].auth).toBe('Bearer city-token');
      expect(received[0].key).toBe(id);
      for (const f of received[0].body.files) expect(sha256(Buffer.from(f.base64, 'base64')), f.name).toBe(f.sha256);
      expect(received[0].body.files.map((f) => f.name)).toContain('letter.pdf');
    } finally {
      Object.assign(t.config.reports, defaults);
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('gives up after the configured attempts: no retry scheduled, the bureau is notified, a manual send still works', async () => {
    if (pdfFontMissing) return;
    const maxAttempts = t.config.reports.retry.maxAttempts;
    t.config.reports.retry.maxAttempts = 1;
    t.config.reports.delivery = 'http';
    // A closed port: connection refused.
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    t.config.reports.http = { url: `http://127.0.0.1:${port}/`, token: null, format: 'multipart' };
    try {
      const fourth = await publish();
      const id = (await prepare(fourth.number)).json().id as string;
      const failed = await t.call(reviewer, 'POST', `/api/reports/${id}/send`, {});
      expect(failed.statusCode).toBe(502);
      expect(failed.json().error.details).toEqual({ id, attempts: 1, nextAttemptAt: null });
      expect(failed.json().error.message).toContain('无法连接');
      const notes = (await t.call(reviewer, 'GET', '/api/notifications')).json().items as Array<{ kind: string; body: string }>;
      expect(notes).toContainEqual(expect.objectContaining({ kind: 'report.send_failed' }));
      Object.assign(t.config.reports, defaults);
      const manual = await t.call(reviewer, 'POST', `/api/reports/${id}/send`, {});
      expect(manual.statusCode, manual.body).toBe(200);
      expect(manual.json().history.map((e: { outcome: string; adapter: string | null }) => `${e.outcome}:${e.adapter}`)).toEqual(['ok:null', 'failed:http', 'ok:dir']);
      const q = await t.call(reviewer, 'POST', `/api/reports/${id}/query`, { reply: '请补充第3项调整的依据文件。' });
      expect(q.json()).toMatchObject({ state: 'queried', allowedActions: ['send', 'acknowledge'] });
      expect((await t.auditRows('report.query'))[0]).toMatchObject({ target_id: id });
    } finally {
      t.config.reports.retry.maxAttempts = maxAttempts;
      Object.assign(t.config.reports, defaults);
    }
  });

  it('SMTP delivery reaches a local SMTP server with every file attached', async () => {
    if (pdfFontMissing) return;
    const messages: string[] = [];
    const smtp = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          messages.push(Buffer.concat(chunks).toString('utf8'));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    try {
      t.config.reports.delivery = 'smtp';
      t.config.reports.smtp = { host: '127.0.0.1', port: (smtp.server.address() as AddressInfo).port, secure: false, user: null, password: null, from: 'qingdan@wsq.example.cn', to: 'baobei@ordos.example.cn' };
      const fifth = await publish();
      const id = (await prepare(fifth.number)).json().id as string;
      const sent = await t.call(reviewer, 'POST', `/api/reports/${id}/send`, {});
      expect(sent.statusCode, sent.body).toBe(200);
      expect(sent.json().history[1]).toMatchObject({ adapter: 'smtp', outcome: 'ok' });
      expect(messages).toHaveLength(1);
      const mail = messages[0];
      expect(mail).toMatch(/^To: baobei@ordos\.example\.cn/m);
      expect(mail).toContain(`X-Qingdan-Report: ${id}`);
      for (const name of ['publication.json', 'publication.seal.json', 'list.xlsx', 'letter.pdf', 'letter.seal.json', 'manifest.json']) {
        expect(mail, name).toMatch(new RegExp(`Content-Disposition: attachment;\\s+filename=${name.replace(/\./g, '\\.')}`));
      }
    } finally {
      Object.assign(t.config.reports, defaults);
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });

  it('the first publication reports without changes; two prepares at once give one package and one 409', async () => {
    const both = await Promise.all([prepare(first.number), prepare(first.number)]);
    if (pdfFontMissing) {
      expect(both.map((r) => r.statusCode)).toEqual([503, 503]);
      return;
    }
    expect(both.map((r) => r.statusCode).sort(), both.map((r) => r.body).join('\n')).toEqual([201, 409]);
    expect(both.find((r) => r.statusCode === 409)!.json().error.code).toBe('REPORT.EXISTS');
  });
});
