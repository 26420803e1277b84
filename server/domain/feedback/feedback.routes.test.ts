import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remindOverdueFeedback, submitFeedback } from './feedback.service.ts';
import { computeDeadline } from '../calendar/calendar.service.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { createEffectiveItem, demoOrgIds } from '../../test/routes.ts';
import { buildTestApp, TEST_DIALECT, type Session, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let admin: Session;
let reviewer: Session;
let clerk: Session;
let leader: Session;
let filing: Session;
let glt: Session;
let auditor: Session;
let orgIds: Record<string, string>;
let code: string;
let publicationNumber: string;

const CONTACT = { name: '匿名群众巴雅尔', phone: '13904776543', email: 'bayar@example.cn' };
// Every public response of this file: none may carry the contact given above.
const publicBodies: string[] = [];

async function post(body: unknown, remoteAddress = '127.0.0.1') {
  const res = await t.app.inject({ method: 'POST', url: '/api/public/feedback', remoteAddress, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) });
  publicBodies.push(res.body);
  return res;
}

async function publicGet(url: string) {
  const res = await t.call(undefined, 'GET', url);
  publicBodies.push(res.body);
  return res;
}

function jobContext(now: Date): ServiceContext {
  return { db: t.app.db, dialect: t.app.dialect, config: t.config, actor: null, requestId: 'test', ip: '203.0.113.9', now };
}

const valid = () => ({ target: { kind: 'item', implementationCode: code }, category: 'illegal_requirement', text: '窗口要求提供无犯罪记录证明，办事指南里没有这项材料。', contact: CONTACT, website: '' });

beforeAll(async () => {
  t = await buildTestApp();
  [admin, reviewer, clerk, leader, filing, glt, auditor] = await t.loginAll('admin', 'reviewer', 'scjg', 'scjg-leader', 'scjg-filing', 'glt', 'auditor');
  orgIds = await demoOrgIds(t, admin);
  ({ code } = await createEffectiveItem(t, admin, { orgId: orgIds.scjg, uniform: { name: '食品经营许可' } }));
  expect((await t.call(admin, 'POST', '/api/seals', { orgId: orgIds.bureau })).statusCode).toBe(201);
  publicationNumber = (await t.call(reviewer, 'POST', '/api/publications', {})).json().number;
});
afterAll(async () => {
  await t.close();
});

describe(`public supervision feedback (${TEST_DIALECT})`, () => {
  let feedbackId: string;

  it('401: staff lists and answers need a session (sending feedback does not)', async () => {
    expect((await t.call(undefined, 'GET', '/api/feedback')).statusCode).toBe(401);
    expect((await t.call(undefined, 'GET', '/api/feedback/overdue')).statusCode).toBe(401);
    expect((await t.call(undefined, 'POST', '/api/feedback/x/answer', { answer: '已核实' })).statusCode).toBe(401);
  });

  it('400 per rule: text too short or too long, unknown category, bad target, unknown field, bad contact, no query', async () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['text short', { ...valid(), text: '太短了' }],
      ['text blank', { ...valid(), text: '              ' }],
      ['text long', { ...valid(), text: '长'.repeat(2001) }],
      ['category', { ...valid(), category: 'complaint' }],
      ['target kind', { ...valid(), target: { kind: 'org', id: 'x' } }],
      ['target code', { ...valid(), target: { kind: 'item', implementationCode: 'abc' } }],
      ['unknown field', { ...valid(), extra: 1 }],
      ['phone', { ...valid(), contact: { phone: 'call me maybe' } }],
      ['missing text', { target: valid().target, category: 'suggestion' }],
    ];
    for (const [label, body] of cases) {
      const r = await post(body);
      expect(r.statusCode, label).toBe(400);
    }
    expect((await post({ ...valid(), text: '长'.repeat(9000) })).statusCode).toBe(413);
    expect((await publicGet('/api/public/feedback')).statusCode).toBe(400);
    expect((await publicGet(`/api/public/feedback?item=${code}&publication=x`)).statusCode).toBe(400);
    expect((await t.call(clerk, 'POST', '/api/feedback/x/answer', { answer: '' })).statusCode).toBe(400);
  });

  it('404: feedback on an item that is not on the list, or an unknown publication', async () => {
    const r = await post({ ...valid(), target: { kind: 'item', implementationCode: '1'.repeat(31) } });
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe('ITEM.NOT_FOUND');
    expect((await post({ ...valid(), target: { kind: 'publication', number: '不存在' } })).json().error.code).toBe('PUBLICATION.NOT_FOUND');
  });

  it('takes feedback on an item for its org, due in working days; the contact is stored encrypted and audited never', async () => {
    const r = await post(valid());
    expect(r.statusCode, r.body).toBe(201);
    feedbackId = r.json().id;
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(r.json()).toEqual({ id: feedbackId, submittedOn: today, dueOn: await computeDeadline(jobContext(new Date()), today, { workingDays: 10 }) });
    const row = await t.app.db.selectFrom('feedback').selectAll().where('id', '=', feedbackId).executeTakeFirstOrThrow();
    expect(row.org_id).toBe(orgIds.scjg);
    expect(row.contact_sealed).not.toContain(CONTACT.phone);
    expect(row.contact_sealed).not.toContain(CONTACT.email);
    const audit = await t.auditRows('feedback.submit');
    expect(audit[0]).toMatchObject({ target_id: feedbackId, actor_id: null });
    expect(audit[0].summary).not.toContain(CONTACT.phone);
    expect(audit[0].summary).not.toContain(CONTACT.name);
    const notes = (await t.call(clerk, 'GET', '/api/notifications')).json().items;
    expect(notes).toContainEqual(expect.objectContaining({ kind: 'feedback.received' }));
  });

  it('staff of the responsible org (and the bureau) see it with the contact; another org does not', async () => {
    const mine = (await t.call(clerk, 'GET', '/api/feedback')).json().items;
    expect(mine).toContainEqual(expect.objectContaining({ id: feedbackId, contact: CONTACT, overdue: false, orgId: orgIds.scjg, target: { kind: 'item', ref: code, name: '食品经营许可' } }));
    expect((await t.call(reviewer, 'GET', '/api/feedback?status=open')).json().items.map((f: { id: string }) => f.id)).toContain(feedbackId);
    expect((await t.call(glt, 'GET', '/api/feedback')).json().items).toEqual([]);
  });

  it('404 answering another org’s feedback; 403 for roles that may see but not answer', async () => {
    const other = await t.call(glt, 'POST', `/api/feedback/${feedbackId}/answer`, { answer: '不是我们的事项' });
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('FEEDBACK.NOT_FOUND');
    expect((await t.call(clerk, 'POST', '/api/feedback/0190-none/answer', { answer: '已核实' })).statusCode).toBe(404);
    expect((await t.call(auditor, 'POST', `/api/feedback/${feedbackId}/answer`, { answer: '已核实' })).statusCode).toBe(403);
    expect((await t.call(filing, 'POST', `/api/feedback/${feedbackId}/answer`, { answer: '已核实' })).statusCode).toBe(403);
  });

  it('the responsible org answers; the answer is public at once; a second answer is 409; audited', async () => {
    const a = await t.call(leader, 'POST', `/api/feedback/${feedbackId}/answer`, { answer: '经核实，该材料已取消，已责成窗口整改。' });
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json()).toMatchObject({ id: feedbackId, answer: '经核实，该材料已取消，已责成窗口整改。', answeredBy: '市场监管局负责人 李娜' });
    const again = await t.call(clerk, 'POST', `/api/feedback/${feedbackId}/answer`, { answer: '再答一次' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('FEEDBACK.ALREADY_ANSWERED');
    expect((await t.auditRows('feedback.answer'))[0]).toMatchObject({ target_id: feedbackId });
    const pub = await publicGet(`/api/public/feedback?item=${code}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json().items).toEqual([
      {
        id: feedbackId, category: 'illegal_requirement', categoryLabel: '要求无法律依据', text: valid().text, submittedOn: expect.any(String), dueOn: expect.any(String),
        answer: '经核实，该材料已取消，已责成窗口整改。', answeredAt: expect.any(String),
      },
    ]);
  });

  it('feedback on a publication goes to the bureau', async () => {
    const r = await post({ target: { kind: 'publication', number: publicationNumber }, category: 'missing_item', text: '清单中没有找到殡葬服务相关事项，请核实。', contact: { phone: CONTACT.phone } });
    expect(r.statusCode, r.body).toBe(201);
    const row = await t.app.db.selectFrom('feedback').select(['org_id', 'target_ref']).where('id', '=', r.json().id).executeTakeFirstOrThrow();
    expect(row).toEqual({ org_id: orgIds.bureau, target_ref: publicationNumber });
    const list = await publicGet(`/api/public/feedback?publication=${encodeURIComponent(publicationNumber)}`);
    expect(list.json().items).toHaveLength(1);
    expect((await t.call(clerk, 'GET', '/api/feedback')).json().items.map((f: { id: string }) => f.id)).not.toContain(r.json().id);
  });

  it('a filled honeypot answers 201 and stores and audits nothing', async () => {
    const before = await t.app.db.selectFrom('feedback').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const audits = (await t.auditRows('feedback.submit')).length;
    const r = await post({ ...valid(), website: 'http://spam.example' });
    expect(r.statusCode).toBe(201);
    expect(r.json().id).toEqual(expect.any(String));
    const after = await t.app.db.selectFrom('feedback').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect((await t.auditRows('feedback.submit')).length).toBe(audits);
  });

  it('rate limit per address: past the hourly allowance, 429; other addresses unaffected', async () => {
    const limit = t.config.feedback.perIpPerHour;
    for (let i = 0; i < limit; i++) expect((await post(valid(), '198.51.100.7')).statusCode).toBe(201);
    const limited = await post(valid(), '198.51.100.7');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE.LIMITED');
    expect((await post(valid(), '198.51.100.8')).statusCode).toBe(201);
  });

  it('the deadline counts working days across 国庆 (computeDeadline); overdue feedback shows on dashboards and is reminded once', async () => {
    // Submitted Tuesday 29 September 2026 (China time): the National Day holiday and its make-up day fall inside.
    const ctx = jobContext(new Date('2026-09-29T02:00:00Z'));
    const receipt = await submitFeedback(ctx, { target: { kind: 'publication', number: publicationNumber }, category: 'suggestion', text: '建议在清单中标注可以全程网办的事项。' });
    expect(receipt.submittedOn).toBe('2026-09-29');
    expect(receipt.dueOn).toBe(await computeDeadline(ctx, '2026-09-29', { workingDays: 10 }));
    // Ten weekdays would end on 13 October; the holiday pushes it past that.
    expect(receipt.dueOn > '2026-10-13').toBe(true);
    const overdue = await t.call(reviewer, 'GET', '/api/feedback/overdue');
    expect(overdue.statusCode).toBe(200);
    expect(overdue.json().count).toBe(1);
    expect(overdue.json().items[0]).toMatchObject({ id: receipt.id, overdue: true, dueOn: receipt.dueOn });
    expect((await t.call(clerk, 'GET', '/api/feedback/overdue')).json().count).toBe(0);
    expect((await t.call(reviewer, 'GET', '/api/feedback?status=overdue')).json().items.map((f: { id: string }) => f.id)).toEqual([receipt.id]);
    const now = jobContext(new Date());
    expect(await remindOverdueFeedback(now)).toBeGreaterThan(0);
    await remindOverdueFeedback(now);
    const reminders = await t.app.db.selectFrom('notification').select('user_id').where('kind', '=', 'feedback.overdue').execute();
    expect(reminders.length).toBe(new Set(reminders.map((r) => r.user_id)).size);
    expect((await t.call(reviewer, 'GET', '/api/notifications')).json().items).toContainEqual(expect.objectContaining({ kind: 'feedback.overdue' }));
  });

  it('no public response ever carried the contact details', async () => {
    expect(publicBodies.length).toBeGreaterThan(20);
    for (const body of publicBodies) {
      for (const secret of Object.values(CONTACT)) expect(body).not.toContain(secret);
    }
    const item = await publicGet(`/api/public/feedback?item=${code}`);
    for (const secret of Object.values(CONTACT)) expect(item.body).not.toContain(secret);
  });
});
