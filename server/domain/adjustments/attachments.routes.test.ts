import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEffectiveItem, demoOrgIds } from '../../test/routes.ts';
import { buildTestApp, type Session, type TestApp } from '../../test/test-app.ts';
import { contentDisposition } from './attachments.routes.ts';
import { cleanFileName, detectType } from './attachments.service.ts';

let t: TestApp;
let dataDir: string;
let admin: Session;
let reviewer: Session;
let clerk: Session;
let leader: Session;
let filingOfficer: Session;
let town: Session;
let auditor: Session;
let orgIds: Record<string, string>;

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('乌审旗人民政府文件 '.repeat(200)), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const CHINESE_NAME = '乌审旗人民政府关于调整政务服务事项的决定（2026）第1号.pdf';
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function multipart(file: Buffer | null, fileName = CHINESE_NAME, fields: Record<string, string> = {}, contentType = 'application/octet-stream') {
  const boundary = `----qingdan${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file) parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${fileName}"\r\ncontent-type: ${contentType}\r\n\r\n`), file, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(session: Session | undefined, url: string, file: Buffer | null, fileName?: string, fields?: Record<string, string>) {
  const body = multipart(file, fileName, fields);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { ...body.headers, ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}) },
    payload: body.payload,
  });
}

async function download(session: Session | undefined, id: string) {
  return t.app.inject({ method: 'GET', url: `/api/attachments/${id}`, headers: session ? { cookie: session.cookie } : {} });
}

/** An effective item of 市场监管局 and a draft "change" request of it filed by the clerk. */
async function draftRequest(): Promise<string> {
  const { code } = await createEffectiveItem(t, admin, { orgId: orgIds.scjg, uniform: { name: '食品经营许可' }, effectiveFrom: '2026-01-01' });
  const r = await t.call(clerk, 'POST', '/api/adjustments', { kind: 'change', reasonCode: 'process_optimisation', title: '附件测试', items: [{ itemCode: code }] });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}

async function trigger(as: Session, responsibleOrgIds: string[]): Promise<string> {
  const r = await t.call(as, 'POST', '/api/triggers', { kind: 'law_amended', title: '《食品安全法》修订', occurredOn: '2026-02-01', responsibleOrgIds });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qd-att-'));
  t = await buildTestApp({ dataDir });
  [admin, reviewer, clerk, leader, filingOfficer, town, auditor] = await t.loginAll('admin', 'reviewer', 'scjg', 'scjg-leader', 'scjg-filing', 'glt', 'auditor');
  orgIds = await demoOrgIds(t, admin);
});

afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('file checks (pure)', () => {
  it('accepts the allowed types by extension and leading bytes, and nothing else', () => {
    expect(detectType('决定.pdf', PDF)).toBe('application/pdf');
    expect(detectType('IMG.PNG', PNG)).toBe('image/png');
    expect(detectType('照片.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe('image/jpeg');
    expect(detectType('文本.docx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0]))).toMatch(/wordprocessingml/);
    expect(detectType('旧表.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('application/vnd.ms-excel');
    expect(detectType('公文.ofd', Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBe('application/ofd');
    expect(detectType('假的.pdf', PNG)).toBeUndefined();
    expect(detectType('run.exe', Buffer.from('MZ'))).toBeUndefined();
    expect(detectType('无扩展名', PDF)).toBeUndefined();
  });

  it('keeps only the last path segment of a name, without control characters', () => {
    expect(cleanFileName('C:\\文件\\决定.pdf')).toBe('决定.pdf');
    expect(cleanFileName('../../etc/决定\u0000.pdf')).toBe('决定.pdf');
    expect(cleanFileName(`${'长'.repeat(300)}.pdf`)).toHaveLength(200);
    expect(cleanFileName(`${'长'.repeat(300)}.pdf`).endsWith('.pdf')).toBe(true);
  });

  it('writes an RFC 5987 filename* with an ASCII fallback', () => {
    const h = contentDisposition("决定(1)'s.pdf");
    expect(h).toBe(`attachment; filename="__(1)'s.pdf"; filename*=UTF-8''%E5%86%B3%E5%AE%9A%281%29%27s.pdf`);
  });
});

describe('attachment routes', () => {
  let requestId: string;
  let triggerId: string;

  beforeAll(async () => {
    requestId = await draftRequest();
    triggerId = await trigger(admin, [orgIds.scjg]);
  });

  it('401 without a session', async () => {
    expect((await upload(undefined, `/api/adjustments/${requestId}/attachments`, PDF)).statusCode).toBe(401);
    expect((await upload(undefined, `/api/triggers/${triggerId}/attachments`, PDF)).statusCode).toBe(401);
    expect((await t.call(undefined, 'GET', `/api/adjustments/${requestId}/attachments`)).statusCode).toBe(401);
    expect((await download(undefined, 'x')).statusCode).toBe(401);
    expect((await t.call(undefined, 'POST', '/api/attachments/x/remove')).statusCode).toBe(401);
  });

  it('400 without a file, for a disallowed type, or for content that is not what the name says', async () => {
    const json = await t.call(clerk, 'POST', `/api/adjustments/${requestId}/attachments`, {});
    expect(json.statusCode).toBe(400);
    expect(json.json().error.code).toBe('ATTACHMENT.NO_FILE');
    const noFile = await upload(clerk, `/api/adjustments/${requestId}/attachments`, null, undefined, { note: '只有说明' });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.code).toBe('ATTACHMENT.NO_FILE');
    const empty = await upload(clerk, `/api/adjustments/${requestId}/attachments`, Buffer.alloc(0));
    expect(empty.json().error.code).toBe('ATTACHMENT.NO_FILE');
    const exe = await upload(clerk, `/api/adjustments/${requestId}/attachments`, Buffer.from('MZ\x90\x00'), 'setup.exe');
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.code).toBe('ATTACHMENT.TYPE_NOT_ALLOWED');
    const disguised = await upload(clerk, `/api/triggers/${triggerId}/attachments`, Buffer.from('<html><script>alert(1)</script>'), '通知.pdf');
    expect(disguised.statusCode).toBe(400);
    expect(disguised.json().error.code).toBe('ATTACHMENT.TYPE_NOT_ALLOWED');
    const big = await upload(clerk, `/api/adjustments/${requestId}/attachments`, Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('ATTACHMENT.TOO_LARGE');
    expect((await t.call(clerk, 'GET', `/api/adjustments/${requestId}/attachments`)).json().items).toEqual([]);
  });

  it('404 for another org\'s request or trigger; 403 for roles that see but may not add', async () => {
    // 嘎鲁图镇 can neither see 市场监管局's request nor its trigger.
    expect((await upload(town, `/api/adjustments/${requestId}/attachments`, PDF)).statusCode).toBe(404);
    expect((await t.call(town, 'GET', `/api/adjustments/${requestId}/attachments`)).statusCode).toBe(404);
    expect((await upload(town, `/api/triggers/${triggerId}/attachments`, PDF)).statusCode).toBe(404);
    expect((await t.call(town, 'GET', `/api/triggers/${triggerId}/attachments`)).statusCode).toBe(404);
    expect((await t.call(clerk, 'GET', '/api/adjustments/nonexistent/attachments')).statusCode).toBe(404);
    // The bureau and auditors see the request but only the filing org's editor or leader adds to it.
    for (const s of [reviewer, auditor, filingOfficer]) {
      const r = await upload(s, `/api/adjustments/${requestId}/attachments`, PDF);
      expect(r.statusCode, r.body).toBe(403);
    }
    expect((await t.call(reviewer, 'GET', `/api/adjustments/${requestId}/attachments`)).statusCode).toBe(200);
    // A trigger shared with another org is the bureau's to document.
    const shared = await trigger(admin, [orgIds.scjg, orgIds.glt]);
    expect((await upload(clerk, `/api/triggers/${shared}/attachments`, PDF)).statusCode).toBe(403);
    expect((await upload(auditor, `/api/triggers/${shared}/attachments`, PDF)).statusCode).toBe(403);
    // Attachments of what one cannot see do not exist either.
    const a = await upload(clerk, `/api/adjustments/${requestId}/attachments`, PNG, '现场.png');
    expect(a.statusCode, a.body).toBe(201);
    expect((await download(town, a.json().id)).statusCode).toBe(404);
    expect((await t.call(town, 'POST', `/api/attachments/${a.json().id}/remove`)).statusCode).toBe(404);
    expect((await t.call(reviewer, 'POST', `/api/attachments/${a.json().id}/remove`)).statusCode).toBe(403);
    expect((await t.call(clerk, 'POST', `/api/attachments/${a.json().id}/remove`)).statusCode).toBe(200);
  });

  it('409 with the state and allowed actions once the request is closed', async () => {
    const closed = await draftRequest();
    const kept = await upload(clerk, `/api/adjustments/${closed}/attachments`, PDF, '依据.pdf');
    expect(kept.statusCode).toBe(201);
    expect((await t.call(leader, 'POST', `/api/adjustments/${closed}/withdraw`, {})).statusCode).toBe(200);
    const late = await upload(clerk, `/api/adjustments/${closed}/attachments`, PDF);
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'ATTACHMENT.OWNER_CLOSED', details: { state: 'withdrawn', allowedActions: [] } });
    const remove = await t.call(clerk, 'POST', `/api/attachments/${kept.json().id}/remove`);
    expect(remove.statusCode).toBe(409);
    expect((await t.call(clerk, 'GET', `/api/adjustments/${closed}/attachments`)).json().items).toHaveLength(1);
  });

  it('uploads, lists, downloads the same bytes under the Chinese name, audits, and removes without losing the file', async () => {
    const up = await upload(clerk, `/api/adjustments/${requestId}/attachments`, PDF, CHINESE_NAME, { note: '上级决定原文' });
    expect(up.statusCode, up.body).toBe(201);
    const att = up.json();
    expect(att).toMatchObject({ ownerType: 'adjustment', ownerId: requestId, fileName: CHINESE_NAME, contentType: 'application/pdf', size: PDF.length, sha256: sha(PDF), note: '上级决定原文', uploadedBy: clerk.userId });

    const list = (await t.call(reviewer, 'GET', `/api/adjustments/${requestId}/attachments`)).json().items;
    expect(list.map((a: { id: string }) => a.id)).toEqual([att.id]);
    const detail = (await t.call(leader, 'GET', `/api/adjustments/${requestId}`)).json();
    expect(detail.attachments.map((a: { fileName: string }) => a.fileName)).toEqual([CHINESE_NAME]);
    expect(detail.state).toBe('draft');

    const got = await download(reviewer, att.id);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.rawPayload.equals(PDF)).toBe(true);
    expect(sha(got.rawPayload)).toBe(att.sha256);
    const disposition = String(got.headers['content-disposition']);
    const star = /filename\*=UTF-8''([^;]+)/.exec(disposition);
    expect(decodeURIComponent(star![1])).toBe(CHINESE_NAME);
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+";/);

    const [audit] = await t.auditRows('attachment.add');
    expect(audit.target_id).toBe(requestId);
    expect(audit.actor_id).toBe(clerk.userId);
    expect(JSON.parse(audit.summary)).toMatchObject({ attachmentId: att.id, fileName: CHINESE_NAME, sha256: sha(PDF), size: PDF.length });

    // The leader may remove it while the request is open; the row and the bytes stay.
    const removed = await t.call(leader, 'POST', `/api/attachments/${att.id}/remove`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await t.call(clerk, 'GET', `/api/adjustments/${requestId}/attachments`)).json().items).toEqual([]);
    expect((await t.call(clerk, 'GET', `/api/adjustments/${requestId}`)).json().attachments).toEqual([]);
    expect((await download(clerk, att.id)).statusCode).toBe(404);
    expect((await t.call(leader, 'POST', `/api/attachments/${att.id}/remove`)).statusCode).toBe(404);
    const row = await t.database.db.selectFrom('attachment').selectAll().where('id', '=', att.id).executeTakeFirstOrThrow();
    expect(row.removed_by).toBe(leader.userId);
    expect(row.removed_at).not.toBeNull();
    const blob = path.join(dataDir, 'blobs', att.sha256.slice(0, 2), att.sha256.slice(2, 4), att.sha256);
    expect(fs.readFileSync(blob).equals(PDF)).toBe(true);
    const [removal] = await t.auditRows('attachment.remove');
    expect(removal.target_id).toBe(requestId);
    expect(JSON.parse(removal.summary)).toMatchObject({ attachmentId: att.id, fileName: CHINESE_NAME });
  });

  it('attaches a source document to a trigger: the bureau, or the department for its own', async () => {
    const byBureau = await upload(reviewer, `/api/triggers/${triggerId}/attachments`, PDF, '《食品安全法》修订决定.pdf');
    expect(byBureau.statusCode, byBureau.body).toBe(201);
    const own = await trigger(clerk, [orgIds.scjg]);
    const byDept = await upload(leader, `/api/triggers/${own}/attachments`, PNG, '公告截图.png');
    expect(byDept.statusCode, byDept.body).toBe(201);
    const detail = (await t.call(clerk, 'GET', `/api/triggers/${triggerId}`)).json();
    expect(detail.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['《食品安全法》修订决定.pdf']);
    expect(detail.title).toBe('《食品安全法》修订');
    const got = await download(clerk, byDept.json().id);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.rawPayload.equals(PNG)).toBe(true);
    const [audit] = await t.auditRows('attachment.add');
    expect(audit.target_id).toBe(own);
  });
});
