import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADJUSTMENT_ACTIONS, ADJUSTMENT_STATES, allowedActions, mayTake, transitionRule, type ActorInScope, type AdjustmentAction, type AdjustmentState,
} from '../../../common/adjustment-states.ts';
import { ROLES } from '../../../common/roles.ts';
import { itemElements, nextBasicCode, uniformElements } from '../../test/factories.ts';
import { createEffectiveItem, demoOrgIds } from '../../test/routes.ts';
import { buildTestApp, TEST_DIALECT, type Session, type TestApp } from '../../test/test-app.ts';
import { runJobsOnce } from '../../jobs/scheduler.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { applyDueAdjustments, remindTriggerDeadlines } from './scheduled.service.ts';

let t: TestApp;
let admin: Session;
let reviewer: Session;
let clerk: Session;
let leader: Session;
let town: Session;
let orgIds: Record<string, string>;

/** Creates an effective item of 市场监管局 (a fresh catalogue item each time) and returns its code. */
const effectiveItem = (name = '食品经营许可', levels = [4, 5]): Promise<{ code: string; catalogueItemId: string }> =>
  createEffectiveItem(t, admin, { orgId: orgIds.scjg, uniform: { name }, levels, effectiveFrom: '2026-01-01' });

async function file(kind: string, body: Record<string, unknown>, as = clerk) {
  return t.call(as, 'POST', '/api/adjustments', { kind, reasonCode: kind === 'change' ? 'process_optimisation' : kind === 'add' ? 'function_change' : 'function_change', title: `测试${kind}`, ...body });
}

async function act(session: Session, id: string, action: string, opinion?: string) {
  return t.call(session, 'POST', `/api/adjustments/${id}/${action}`, opinion === undefined ? {} : { opinion });
}

/** Files and drives a request to under_review. */
async function underReview(kind: string, body: Record<string, unknown>): Promise<string> {
  const r = await file(kind, body);
  expect(r.statusCode, r.body).toBe(201);
  const id = r.json().id as string;
  expect((await act(leader, id, 'submit')).statusCode).toBe(200);
  expect((await act(reviewer, id, 'start-review')).statusCode).toBe(200);
  return id;
}

beforeAll(async () => {
  t = await buildTestApp();
  [admin, reviewer, clerk, leader, town] = await t.loginAll('admin', 'reviewer', 'scjg', 'scjg-leader', 'glt');
  orgIds = await demoOrgIds(t, admin);
});

afterAll(async () => {
  await t.close();
});

describe('the state table (pure)', () => {
  it('lets exactly the listed roles act, filer actions only from the filing org', () => {
    for (const state of ADJUSTMENT_STATES) {
      for (const action of ADJUSTMENT_ACTIONS) {
        for (const role of ROLES) {
          for (const isFiler of [true, false]) {
            const allowed = mayTake(state, action, { roles: [role], isFiler });
            const expected =
              (['draft', 'returned'].includes(state) && action === 'edit' && role === 'dept_editor' && isFiler) ||
              (['draft', 'returned'].includes(state) && action === 'submit' && role === 'dept_leader' && isFiler) ||
              (['draft', 'submitted', 'under_review', 'returned'].includes(state) && action === 'withdraw' && ['dept_editor', 'dept_leader'].includes(role) && isFiler) ||
              (state === 'submitted' && action === 'start_review' && ['bureau_reviewer', 'bureau_admin'].includes(role)) ||
              (state === 'under_review' && ['return', 'approve', 'reject'].includes(action) && ['bureau_reviewer', 'bureau_admin'].includes(role));
            expect(allowed, `${state} ${action} ${role} filer=${isFiler}`).toBe(expected);
          }
        }
      }
    }
    expect(allowedActions('approved', { roles: ['bureau_admin'], isFiler: true })).toEqual([]);
  });
});

describe(`adjustment routes (${TEST_DIALECT})`, () => {
  it('401 without a session', async () => {
    expect((await t.call(undefined, 'POST', '/api/adjustments', {})).statusCode).toBe(401);
    expect((await t.call(undefined, 'GET', '/api/triggers')).statusCode).toBe(401);
  });

  it('400: "other" without a written reason, unknown reason code, delegate without receiving org', async () => {
    const { code } = await effectiveItem();
    const other = await t.call(clerk, 'POST', '/api/adjustments', { kind: 'change', reasonCode: 'other', title: '其他', items: [{ itemCode: code }] });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.details).toContainEqual({ path: 'body.reasonText', message: '选择“其他”时须写明理由' });
    const bad = await t.call(clerk, 'POST', '/api/adjustments', { kind: 'cancel', reasonCode: 'process_optimisation', title: 'x', items: [{ itemCode: code }] });
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toContain('body.reasonCode');
    const noOrg = await file('delegate', { items: [{ itemCode: code }] });
    expect(noOrg.json().error.details.map((d: { path: string }) => d.path)).toContain('body.receivingOrgId');
  });

  it("404: a department never sees another department's request, nor files against another org's item", async () => {
    const { code } = await effectiveItem();
    const r = await file('change', { items: [{ itemCode: code }] });
    const id = r.json().id as string;
    // A clerk and a leader of another department (卫生健康委), and the town's clerk.
    for (const [username, roles] of [['wjw-clerk', ['dept_editor']], ['wjw-leader', ['dept_leader']]] as const) {
      const created = await t.call(admin, 'POST', '/api/users', { username, displayName: `卫健委 ${username}`, orgId: orgIds.wjw, roles, password: 'Desert-Camel-2026!' });
      expect(created.statusCode, created.body).toBe(201);
    }
    for (const other of [await t.login('wjw-clerk', 'Desert-Camel-2026!'), await t.login('wjw-leader', 'Desert-Camel-2026!'), town]) {
      const read = await t.call(other, 'GET', `/api/adjustments/${id}`);
      expect(read.statusCode).toBe(404);
      expect(read.json().error.code).toBe('ADJUSTMENT.NOT_FOUND');
      // Acting on it, too, answers as if it did not exist (a 409 would tell its state).
      expect((await act(other, id, 'withdraw')).statusCode).toBe(404);
      expect((await act(other, id, 'submit')).statusCode).toBe(404);
      expect((await t.call(other, 'GET', '/api/adjustments')).json().items.map((x: { id: string }) => x.id)).not.toContain(id);
    }
    expect((await t.call(admin, 'GET', `/api/adjustments/${id}`)).json().state).toBe('draft');
    const foreign = await t.call(town, 'POST', '/api/adjustments', { kind: 'cancel', reasonCode: 'function_change', title: 'x', items: [{ itemCode: code }] });
    expect(foreign.statusCode).toBe(404);
  });

  it('409 names the state and the allowed actions; returning needs an opinion; every transition is an action row and an audit row', async () => {
    const { code } = await effectiveItem();
    const r = await file('change', { items: [{ itemCode: code, elements: itemElements({ promisedTimeLimit: { amount: 2, unit: 'workday' } }) }] });
    const id = r.json().id;
    const early = await act(reviewer, id, 'approve');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details).toEqual({ state: 'draft', allowedActions: [] });
    const clerkSubmit = await act(clerk, id, 'submit');
    expect(clerkSubmit.json().error.details).toEqual({ state: 'draft', allowedActions: ['edit', 'withdraw'] });
    await act(leader, id, 'submit');
    await act(reviewer, id, 'start-review');
    const noOpinion = await act(reviewer, id, 'return');
    expect(noOpinion.statusCode).toBe(400);
    expect(noOpinion.json().error.code).toBe('ADJUSTMENT.OPINION_REQUIRED');
    for (const blank of [undefined, '  ']) {
      const rejectBlank = await act(reviewer, id, 'reject', blank);
      expect(rejectBlank.statusCode).toBe(400);
      expect(rejectBlank.json().error.code).toBe('ADJUSTMENT.OPINION_REQUIRED');
    }
    const returned = await act(reviewer, id, 'return', '请补充依据');
    expect(returned.json().state).toBe('returned');
    const detail = (await t.call(clerk, 'GET', `/api/adjustments/${id}`)).json();
    expect(detail.allowedActions).toEqual(['edit', 'withdraw']);
    expect(detail.actions.map((a: { action: string }) => a.action)).toEqual(['create', 'submit', 'start_review', 'return']);
    expect(detail.actions[3]).toMatchObject({ opinion: '请补充依据', role: 'bureau_reviewer', fromState: 'under_review', toState: 'returned' });
    const audit = await t.auditRows('adjustment.return');
    expect(audit.find((a) => a.target_id === id)?.summary).toContain('请补充依据');
  });

  it('the audit log shows every transition of a request with its opinion, in order', async () => {
    const auditor = await t.login('auditor');
    const auditOf = async (id: string) =>
      ((await t.call(auditor, 'GET', `/api/audit?targetType=adjustment&targetId=${id}`)).json().items as Array<{ action: string; actorName: string; summary: Record<string, unknown> }>).reverse();
    const { code } = await effectiveItem();
    const r = await file('change', { items: [{ itemCode: code }] });
    const id = r.json().id as string;
    const steps: Array<[Session, string, string | undefined]> = [
      [leader, 'submit', '经局务会研究，同意上报'], [reviewer, 'start-review', undefined], [reviewer, 'return', '请补充依据'],
    ];
    for (const [who, action, opinion] of steps) expect((await act(who, id, action, opinion)).statusCode).toBe(200);
    expect((await t.call(clerk, 'PUT', `/api/adjustments/${id}`, { kind: 'change', reasonCode: 'process_optimisation', title: '测试change（已补充依据）', items: [{ itemCode: code }] })).statusCode).toBe(200);
    for (const [who, action, opinion] of [[leader, 'submit', undefined], [reviewer, 'start-review', undefined], [reviewer, 'approve', '同意调整']] as const) {
      expect((await act(who, id, action, opinion)).statusCode).toBe(200);
    }
    const detail = (await t.call(admin, 'GET', `/api/adjustments/${id}`)).json();
    const audit = await auditOf(id);
    expect(audit.map((a) => a.action)).toEqual([
      'adjustment.create', 'adjustment.submit', 'adjustment.start_review', 'adjustment.return', 'adjustment.edit',
      'adjustment.submit', 'adjustment.start_review', 'adjustment.approve',
    ]);
    // Each state-changing action row has its audit row, with the same states and opinion (the immediate apply is part of the approval).
    const transitions = (detail.actions as Array<{ action: string; fromState: string; toState: string; opinion: string | null }>).filter((a) => a.action !== 'create' && a.action !== 'apply');
    const audited = audit.filter((a) => a.action !== 'adjustment.create' && a.action !== 'adjustment.edit');
    expect(audited.map((a) => ({ action: a.action, from: a.summary.from, opinion: a.summary.opinion }))).toEqual(
      transitions.map((a) => ({ action: `adjustment.${a.action}`, from: a.fromState, opinion: a.opinion })),
    );
    expect(audited.map((a) => a.summary.opinion)).toEqual(['经局务会研究，同意上报', null, '请补充依据', null, null, '同意调整']);
    expect(audited.at(-1)!.summary).toMatchObject({ to: 'applied', decisionNumber: detail.decisionNumber });

    // Rejecting and withdrawing show theirs too.
    const rejected = await underReview('change', { items: [{ itemCode: (await effectiveItem()).code }] });
    await act(reviewer, rejected, 'reject', '缺少法定依据');
    expect((await auditOf(rejected)).at(-1)).toMatchObject({ action: 'adjustment.reject', summary: { from: 'under_review', to: 'rejected', opinion: '缺少法定依据' } });
    const withdrawn = (await file('change', { items: [{ itemCode: (await effectiveItem()).code }] })).json().id as string;
    await act(clerk, withdrawn, 'withdraw', '暂不调整');
    expect((await auditOf(withdrawn)).at(-1)).toMatchObject({ action: 'adjustment.withdraw', summary: { from: 'draft', to: 'withdrawn', opinion: '暂不调整' } });
  });

  it('change: approval numbers the decision and makes the new version effective in the same transaction', async () => {
    const { code } = await effectiveItem();
    const id = await underReview('change', { items: [{ itemCode: code, elements: itemElements({ promisedTimeLimit: { amount: 1, unit: 'workday' } }) }] });
    const approved = await act(reviewer, id, 'approve', '同意');
    expect(approved.statusCode, approved.body).toBe(200);
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    expect(approved.json()).toMatchObject({ state: 'applied', decisionNumber: expect.stringMatching(new RegExp(`^乌政务调〔${year}〕\\d+号$`)) });
    const item = (await t.call(clerk, 'GET', `/api/items/${code}`)).json();
    expect(item.current.elements.promisedTimeLimit).toEqual({ amount: 1, unit: 'workday' });
    // The request still shows what it changed, against the version it started from.
    expect(approved.json().items[0].changes).toContainEqual(expect.objectContaining({ path: 'promisedTimeLimit.amount', before: 3, after: 1 }));
    expect(item.current.source).toBe('adjustment');
    expect((await t.call(clerk, 'GET', '/api/handovers')).json().items.filter((h: { requestId: string }) => h.requestId === id)).toEqual([]);
  });

  it('delegate: the item moves to the receiving town with a new code and powerSource 2, a handover opens, the town confirms', async () => {
    const { code } = await effectiveItem('种畜禽生产经营许可');
    const id = await underReview('delegate', { receivingOrgId: orgIds.glt, items: [{ itemCode: code }] });
    const approved = (await act(reviewer, id, 'approve', '同意下放')).json();
    expect(approved.state).toBe('applied');
    const newCode = approved.items[0].resultCode as string;
    expect(newCode).not.toBe(code);
    expect(newCode.slice(18, 19)).toBe('5');
    const moved = (await t.call(town, 'GET', `/api/items/${newCode}`)).json();
    expect(moved).toMatchObject({ orgId: orgIds.glt });
    expect(moved.current.elements.powerSource).toBe(2);
    expect((await t.call(undefined, 'GET', `/api/public/items/${code}`)).statusCode).toBe(404);
    const handovers = (await t.call(town, 'GET', '/api/handovers')).json().items.filter((h: { requestId: string }) => h.requestId === id);
    expect(handovers).toHaveLength(1);
    const h = handovers[0];
    const pending = await t.call(town, 'POST', `/api/handovers/${h.id}/confirm`, {});
    expect(pending.statusCode).toBe(409);
    const training = await t.call(clerk, 'POST', `/api/handovers/${h.id}/tasks`, { kind: 'training', title: '许可审查培训', detail: { date: '2026-03-02', trainer: '王磊', attendees: ['巴特尔'] }, done: true });
    expect(training.statusCode, training.body).toBe(200);
    const auditor = await t.login('auditor');
    const pendingTask = training.json().tasks.find((x: { status: string }) => x.status !== 'done');
    expect((await t.call(auditor, 'POST', `/api/handovers/${h.id}/tasks/${pendingTask.id}/complete`, {})).statusCode).toBe(403);
    for (const task of training.json().tasks.filter((x: { status: string }) => x.status !== 'done')) {
      expect((await t.call(town, 'POST', `/api/handovers/${h.id}/tasks/${task.id}/complete`, {})).statusCode).toBe(200);
    }
    const confirmed = await t.call(town, 'POST', `/api/handovers/${h.id}/confirm`, { note: '已具备承接条件' });
    expect(confirmed.json().status).toBe('closed');
  });

  it('entrust and cancel open handovers; add does not', async () => {
    const a = await effectiveItem();
    const entrust = await underReview('entrust', { receivingOrgId: orgIds.glt, items: [{ itemCode: a.code }] });
    const e = (await act(reviewer, entrust, 'approve')).json();
    const entrusted = (await t.call(admin, 'GET', `/api/items/${e.items[0].resultCode}`)).json();
    expect(entrusted.current.elements).toMatchObject({ powerSource: 5, entrustingOrgId: orgIds.scjg });
    const b = await effectiveItem();
    const cancel = await underReview('cancel', { items: [{ itemCode: b.code }] });
    expect((await act(reviewer, cancel, 'approve')).json().state).toBe('applied');
    expect((await t.call(undefined, 'GET', `/api/public/items/${b.code}`)).statusCode).toBe(404);
    const cat = await t.call(admin, 'POST', '/api/catalogue-items', { basicCode: nextBasicCode(), origin: 'local', levels: [4], uniform: uniformElements({ name: '养犬登记' }) });
    const add = await underReview('add', { items: [{ catalogueItemId: cat.json().id, elements: itemElements({}, { name: '养犬登记' }) }] });
    const added = (await act(reviewer, add, 'approve')).json();
    expect(added.items[0].resultCode).toMatch(/^[0-9A-Z]{31}$/);
    const all = (await t.call(admin, 'GET', '/api/handovers')).json().items as Array<{ requestId: string; kind: string }>;
    expect(all.filter((h) => h.requestId === entrust)).toHaveLength(1);
    expect(all.filter((h) => h.requestId === cancel)).toHaveLength(1);
    expect(all.filter((h) => h.requestId === add)).toHaveLength(0);
  });

  it('two reviewers acting at once: exactly one wins, the other gets 409', async () => {
    const { code } = await effectiveItem();
    const id = await underReview('change', { items: [{ itemCode: code }] });
    const other = await t.login('admin');
    const results = await Promise.all([act(reviewer, id, 'approve', '同意'), act(other, id, 'reject', '不同意')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const detail = (await t.call(admin, 'GET', `/api/adjustments/${id}`)).json();
    expect(detail.actions.filter((a: { action: string }) => a.action === 'approve' || a.action === 'reject')).toHaveLength(1);
  });

  it('decision numbers stay unique under 20 concurrent approvals', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const { code } = await effectiveItem();
      ids.push(await underReview('change', { items: [{ itemCode: code }] }));
    }
    const results = await Promise.all(ids.map((id) => act(reviewer, id, 'approve')));
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    const numbers = results.map((r) => r.json().decisionNumber as string);
    expect(new Set(numbers).size).toBe(20);
  });

  it('apply is atomic: one failing item leaves nothing of the batch applied and the request under review', async () => {
    const good = await effectiveItem();
    const bad = await effectiveItem();
    const id = await underReview('change', { items: [{ itemCode: good.code, elements: itemElements({ promisedTimeLimit: { amount: 1, unit: 'workday' } }) }, { itemCode: bad.code }] });
    // The second item is cancelled behind the request's back: applying it must fail and roll the first back too.
    const cancel = await underReview('cancel', { items: [{ itemCode: bad.code }] });
    await act(reviewer, cancel, 'approve');
    const failed = await act(reviewer, id, 'approve');
    expect(failed.statusCode).toBeGreaterThanOrEqual(400);
    const after = (await t.call(admin, 'GET', `/api/adjustments/${id}`)).json();
    expect(after.state).toBe('under_review');
    expect(after.decisionNumber).toBeNull();
    const goodItem = (await t.call(admin, 'GET', `/api/items/${good.code}`)).json();
    expect(goodItem.current.elements.promisedTimeLimit).toEqual({ amount: 3, unit: 'workday' });
  });

  it('a future effective date is applied by the job at that date, once, even with two runners', async () => {
    const { code } = await effectiveItem();
    const effectiveFrom = new Date(Date.now() + 60_000).toISOString();
    const id = await underReview('change', { effectiveFrom, items: [{ itemCode: code, elements: itemElements({ promisedTimeLimit: { amount: 2, unit: 'workday' } }) }] });
    const approved = (await act(reviewer, id, 'approve')).json();
    expect(approved.state).toBe('approved');
    const later = new Date(Date.now() + 120_000);
    await t.database.db.deleteFrom('job_lease').execute();
    // Two nodes' runners at the same moment (distinct holders); the lease and the claim let exactly one apply.
    await Promise.all([
      runJobsOnce(t.database.db, t.database.dialect, t.config, 'node-a', later),
      runJobsOnce(t.database.db, t.database.dialect, t.config, 'node-b', later),
    ]);
    const detail = (await t.call(admin, 'GET', `/api/adjustments/${id}`)).json();
    expect(detail.state).toBe('applied');
    expect(detail.actions.filter((a: { action: string }) => a.action === 'apply')).toHaveLength(1);
    const versions = (await t.call(admin, 'GET', `/api/items/${code}`)).json().versions.filter((v: { source: string }) => v.source === 'adjustment');
    expect(versions).toHaveLength(1);
    expect((await t.auditRows('adjustment.apply')).filter((a) => a.target_id === id)).toHaveLength(1);
  });

  it('a run that outlasts its lease lets a second runner in: the claim alone still applies the request once', async () => {
    const { code } = await effectiveItem();
    const id = await underReview('change', { effectiveFrom: new Date(Date.now() + 60_000).toISOString(), items: [{ itemCode: code, elements: itemElements({ promisedTimeLimit: { amount: 2, unit: 'workday' } }) }] });
    expect((await act(reviewer, id, 'approve')).json().state).toBe('approved');
    const later = new Date(Date.now() + 120_000);
    const runner = (holder: string): ServiceContext => ({ db: t.database.db, dialect: t.database.dialect, config: t.config, actor: null, requestId: `job:${holder}`, ip: null, now: later });
    const [a, b] = await Promise.all([applyDueAdjustments(runner('node-a')), applyDueAdjustments(runner('node-b'))]);
    expect([...a, ...b].filter((x) => x === id)).toHaveLength(1);
    const detail = (await t.call(admin, 'GET', `/api/adjustments/${id}`)).json();
    expect(detail.state).toBe('applied');
    expect(detail.actions.filter((x: { action: string }) => x.action === 'apply')).toHaveLength(1);
    const versions = (await t.call(admin, 'GET', `/api/items/${code}`)).json().versions.filter((v: { source: string }) => v.source === 'adjustment');
    expect(versions).toHaveLength(1);
    expect((await t.auditRows('adjustment.apply')).filter((x) => x.target_id === id)).toHaveLength(1);
  });

  it('triggers: due one civil month later rolled past rest days; overdue listed; closed by the applied adjustment', async () => {
    for (const [occurredOn, due] of [['2025-09-01', '2025-10-09'], ['2026-01-31', '2026-02-28'], ['2026-04-30', '2026-06-01']]) {
      const r = await t.call(admin, 'POST', '/api/triggers', { kind: 'law_amended', title: `《条例》修订 ${occurredOn}`, occurredOn, responsibleOrgIds: [orgIds.scjg] });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json().dueOn).toBe(due);
      expect(r.json().overdue).toBe(true);
    }
    // One that happened today is open but not yet due: listed, yet not overdue. (In December its due date falls in a
    // year whose notice may not be loaded yet: load that year without holidays rather than fail with 422.)
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const nextYear = Number(today.slice(0, 4)) + 1;
    if (!(await t.call(undefined, 'GET', `/api/calendar/${nextYear}`)).json().loaded) {
      const loaded = await t.call(admin, 'POST', `/api/calendar/${nextYear}`, { days: [] });
      expect(loaded.statusCode, loaded.body).toBe(200);
    }
    const fresh = await t.call(admin, 'POST', '/api/triggers', { kind: 'law_enacted', title: '《条例》今日公布', occurredOn: today, responsibleOrgIds: [orgIds.scjg] });
    expect(fresh.statusCode, fresh.body).toBe(201);
    expect(fresh.json()).toMatchObject({ overdue: false, status: 'open' });
    const overdue = (await t.call(clerk, 'GET', '/api/triggers?overdue=true')).json().items as Array<{ id: string; title: string; overdue: boolean }>;
    expect(overdue.map((x) => x.title).sort()).toEqual(['《条例》修订 2025-09-01', '《条例》修订 2026-01-31', '《条例》修订 2026-04-30']);
    expect(overdue.every((x) => x.overdue)).toBe(true);
    const all = (await t.call(clerk, 'GET', '/api/triggers')).json().items as Array<{ id: string }>;
    expect(all.map((x) => x.id)).toContain(fresh.json().id);
    const notMine = (await t.call(town, 'GET', '/api/triggers?overdue=true')).json().items as unknown[];
    expect(notMine).toEqual([]);
    const trig = (await t.call(admin, 'POST', '/api/triggers', { kind: 'law_amended', title: '《食品安全法》修订', occurredOn: '2026-02-01', responsibleOrgIds: [orgIds.scjg] })).json();
    const { code } = await effectiveItem();
    const id = await underReview('change', { triggerIds: [trig.id], items: [{ itemCode: code }] });
    await act(reviewer, id, 'approve');
    const closed = (await t.call(admin, 'GET', `/api/triggers/${trig.id}`)).json();
    expect(closed).toMatchObject({ status: 'closed', overdue: false });
    expect(closed.responsible[0]).toMatchObject({ resolution: 'adjusted', adjustmentId: id });
    // Closed past its due date: no longer overdue, nor listed as such.
    expect(closed.dueOn < today).toBe(true);
    const stillOverdue = (await t.call(admin, 'GET', '/api/triggers?overdue=true')).json().items as Array<{ id: string }>;
    expect(stillOverdue.map((x) => x.id)).not.toContain(trig.id);
    expect(stillOverdue).toHaveLength(3);
  });

  it('notifies reviewers on submit and the filing org on return and decision; the dashboard lists the queue', async () => {
    const { code } = await effectiveItem();
    const before = (await t.call(reviewer, 'GET', '/api/notifications?unread=true')).json().unread as number;
    const id = await underReview('change', { items: [{ itemCode: code }] });
    expect((await t.call(reviewer, 'GET', '/api/notifications?unread=true')).json().unread).toBe(before + 1);
    const dash = (await t.call(reviewer, 'GET', '/api/dashboard/adjustments')).json();
    expect(dash.reviewQueue.map((r: { id: string }) => r.id)).toContain(id);
    await act(reviewer, id, 'return', '请补充办理地点');
    const returned = (await t.call(clerk, 'GET', '/api/notifications')).json().items as Array<{ title: string; body: string; link: string }>;
    expect(returned.some((n) => n.title === '调整申请被退回修改' && n.body.includes('请补充办理地点') && n.link === `/admin/adjustments/${id}`)).toBe(true);
    await act(leader, id, 'submit');
    await act(reviewer, id, 'start-review');
    await act(reviewer, id, 'reject', '依据不足');
    const mine = (await t.call(clerk, 'GET', '/api/notifications')).json().items as Array<{ title: string; body: string }>;
    expect(mine.some((n) => n.title === '调整申请未予批准' && n.body.includes('依据不足'))).toBe(true);
  });

  it('reminds the responsible org once when a deadline is 5 working days away and once when it has passed', async () => {
    const trig = (await t.call(admin, 'POST', '/api/triggers', { kind: 'function_change', title: '《机构职能调整方案》', occurredOn: '2026-04-30', responsibleOrgIds: [orgIds.scjg] })).json();
    expect(trig.dueOn).toBe('2026-06-01');
    const remindAt = async (beijingNoon: string) =>
      remindTriggerDeadlines({ db: t.database.db, dialect: t.database.dialect, config: t.config, actor: null, requestId: 'job:triggers.remind', ip: null, now: new Date(`${beijingNoon}T12:00:00+08:00`) });
    const titles = async (who: Session) =>
      ((await t.call(who, 'GET', '/api/notifications')).json().items as Array<{ title: string; link: string }>).filter((n) => n.link === `/admin/triggers/${trig.id}`).map((n) => n.title);
    // Fri 22 May: six working days left (25–29 May, 1 June).
    await remindAt('2026-05-22');
    expect(await titles(clerk)).toEqual([]);
    await remindAt('2026-05-25');
    await remindAt('2026-05-26');
    expect(await titles(clerk)).toEqual(['调整事由即将到期']);
    await remindAt('2026-06-01');
    expect(await titles(clerk)).toEqual(['调整事由即将到期']);
    await remindAt('2026-06-02');
    await remindAt('2026-06-03');
    expect(await titles(clerk)).toEqual(['调整事由已超期', '调整事由即将到期']);
    expect(await titles(leader)).toEqual(['调整事由已超期', '调整事由即将到期']);
    expect(await titles(town)).toEqual([]);
  });

  it('the bureau records "no change needed" with a reason; the trigger closes when every responsible org is done', async () => {
    const trig = (await t.call(admin, 'POST', '/api/triggers', { kind: 'law_repealed', title: '《某办法》废止', occurredOn: '2026-03-02', responsibleOrgIds: [orgIds.scjg, orgIds.glt] })).json();
    const noChange = (orgId: string, reason: string, as = reviewer) => t.call(as, 'POST', `/api/triggers/${trig.id}/no-change`, { orgId, reason });
    expect((await noChange(orgIds.glt, '本镇无相关事项', clerk)).statusCode).toBe(403);
    expect((await noChange(orgIds.glt, '')).statusCode).toBe(400);
    expect((await noChange(orgIds.wjw, '不是责任单位')).statusCode).toBe(404);
    const half = await noChange(orgIds.glt, '本镇无相关事项');
    expect(half.statusCode, half.body).toBe(200);
    expect(half.json()).toMatchObject({ status: 'open', overdue: true });
    expect(half.json().responsible.find((r: { orgId: string }) => r.orgId === orgIds.glt)).toMatchObject({ resolution: 'no_change', note: '本镇无相关事项' });
    expect((await noChange(orgIds.glt, '再次记录')).statusCode).toBe(409);
    const { code } = await effectiveItem();
    const id = await underReview('change', { triggerIds: [trig.id], items: [{ itemCode: code }] });
    expect((await t.call(clerk, 'GET', `/api/adjustments/${id}`)).json().dueOn).toBe(trig.dueOn);
    await act(reviewer, id, 'approve');
    expect((await t.call(admin, 'GET', `/api/triggers/${trig.id}`)).json()).toMatchObject({ status: 'closed', overdue: false });
    expect((await t.auditRows('trigger.no_change')).filter((a) => a.target_id === trig.id)).toHaveLength(1);
  });

  it('open handovers older than the configured working days alert on both orgs\' dashboards', async () => {
    const { code } = await effectiveItem();
    const id = await underReview('delegate', { receivingOrgId: orgIds.glt, items: [{ itemCode: code }] });
    await act(reviewer, id, 'approve');
    const [handover] = (await t.call(clerk, 'GET', '/api/handovers')).json().items.filter((h: { requestId: string }) => h.requestId === id);
    const row = async (who: Session) => (await t.call(who, 'GET', '/api/dashboard/adjustments')).json().handovers.find((h: { id: string }) => h.id === handover.id);
    expect(await row(clerk)).toMatchObject({ ageWorkingDays: 0, alert: false });
    // Opened six weeks ago: past the default 20 working days.
    await t.database.db.updateTable('handover').set({ created_at: new Date(Date.now() - 42 * 86_400_000).toISOString() }).where('id', '=', handover.id).execute();
    expect(t.config.handoverAlertWorkingDays).toBe(20);
    const old = await row(clerk);
    expect(old.alert).toBe(true);
    expect(old.ageWorkingDays).toBeGreaterThan(20);
    expect((await row(town)).alert).toBe(true);
    expect((await row(reviewer)).alert).toBe(true);
    expect((await t.call(reviewer, 'GET', '/api/dashboard/adjustments')).json().counts.alertingHandovers).toBeGreaterThanOrEqual(1);
  });
});

// Every state × action × demo account through the routes: the state table says which answer 200 (and move the request
// where it says), the rest answer 409 with the state and that account's allowed actions. Delegate requests to 嘎鲁图镇, so
// the town's clerk sees them (receiving org) without being the filer.
describe(`every transition per role, from the state table (${TEST_DIALECT})`, () => {
  const ACCOUNTS = ['admin', 'reviewer', 'scjg', 'scjg-leader', 'scjg-filing', 'glt', 'auditor'] as const;
  const PATHS: Record<Exclude<AdjustmentAction, 'edit'>, string> = {
    submit: 'submit', start_review: 'start-review', return: 'return', approve: 'approve', reject: 'reject', withdraw: 'withdraw',
  };
  // How each state is reached from a draft: [account, action, opinion].
  const ROUTE_TO: Record<AdjustmentState, Array<[string, Exclude<AdjustmentAction, 'edit'>, string?]>> = {
    draft: [],
    submitted: [['scjg-leader', 'submit']],
    under_review: [['scjg-leader', 'submit'], ['reviewer', 'start_review']],
    returned: [['scjg-leader', 'submit'], ['reviewer', 'start_review'], ['reviewer', 'return', '请补充承接条件']],
    approved: [['scjg-leader', 'submit'], ['reviewer', 'start_review'], ['reviewer', 'approve']],
    applied: [['scjg-leader', 'submit'], ['reviewer', 'start_review'], ['reviewer', 'approve']],
    rejected: [['scjg-leader', 'submit'], ['reviewer', 'start_review'], ['reviewer', 'reject', '依据不足']],
    withdrawn: [['scjg', 'withdraw']],
  };
  const sessions = new Map<string, Session>();
  const scopes = new Map<string, ActorInScope>();

  beforeAll(async () => {
    const signedIn: Record<string, Session> = { admin, reviewer, scjg: clerk, 'scjg-leader': leader, glt: town };
    for (const name of ACCOUNTS) {
      const s = signedIn[name] ?? (await t.login(name));
      const me = (await t.call(s, 'GET', '/api/me')).json() as { roles: ActorInScope['roles']; orgId: string };
      sessions.set(name, s);
      scopes.set(name, { roles: me.roles, isFiler: me.orgId === orgIds.scjg });
    }
  });

  const body = (code: string, state: AdjustmentState, title = `下放 ${state}`) => ({
    kind: 'delegate', reasonCode: 'function_change', title, receivingOrgId: orgIds.glt, items: [{ itemCode: code }],
    // Approved but not applied needs an effective date still to come.
    effectiveFrom: state === 'approved' ? new Date(Date.now() + 86_400_000).toISOString() : null,
  });

  async function requestIn(state: AdjustmentState): Promise<{ id: string; code: string }> {
    const { code } = await effectiveItem('食品小作坊登记');
    const filed = await t.call(clerk, 'POST', '/api/adjustments', body(code, state));
    expect(filed.statusCode, filed.body).toBe(201);
    const id = filed.json().id as string;
    for (const [name, action, opinion] of ROUTE_TO[state]) {
      const r = await act(sessions.get(name)!, id, PATHS[action], opinion);
      expect(r.statusCode, `${name} ${action}: ${r.body}`).toBe(200);
    }
    expect((await t.call(admin, 'GET', `/api/adjustments/${id}`)).json().state).toBe(state);
    return { id, code };
  }

  async function take(name: string, id: string, code: string, state: AdjustmentState, action: AdjustmentAction) {
    const s = sessions.get(name)!;
    if (action === 'edit') return t.call(s, 'PUT', `/api/adjustments/${id}`, body(code, state, `下放 ${state}（已修改）`));
    // Always with an opinion, so that only the table can refuse.
    return act(s, id, PATHS[action], '意见');
  }

  it.each(ADJUSTMENT_STATES)('%s: the listed roles act, everyone else gets 409 with their allowed actions', async (state) => {
    const { id, code } = await requestIn(state);
    const before = (await t.call(admin, 'GET', `/api/adjustments/${id}`)).json();
    let allowedCases = 0;
    for (const action of ADJUSTMENT_ACTIONS) {
      for (const name of ACCOUNTS) {
        const scope = scopes.get(name)!;
        const label = `${state} ${action} by ${name}`;
        if (!mayTake(state, action, scope)) {
          const refused = await take(name, id, code, state, action);
          expect(refused.statusCode, `${label}: ${refused.body}`).toBe(409);
          expect(refused.json().error.details, label).toEqual({ state, allowedActions: allowedActions(state, scope) });
          continue;
        }
        // An allowed action moves a request of its own.
        allowedCases += 1;
        const fresh = await requestIn(state);
        const done = await take(name, fresh.id, fresh.code, state, action);
        expect(done.statusCode, `${label}: ${done.body}`).toBe(200);
        const rule = transitionRule(state, action)!;
        const to = action === 'approve' ? 'applied' : (rule.to ?? state);
        const after = (await t.call(admin, 'GET', `/api/adjustments/${fresh.id}`)).json();
        expect(after.state, label).toBe(to);
        if (action === 'edit') {
          expect(after.title).toBe(`下放 ${state}（已修改）`);
        } else {
          expect(after.actions.find((a: { seq: number }) => a.seq === before.actions.length + 1), label).toMatchObject({
            action, fromState: state, toState: rule.to, role: rule.roles.find((r) => scope.roles.includes(r)), opinion: '意见',
          });
        }
        expect((await t.auditRows(`adjustment.${action}`)).some((a) => a.target_id === fresh.id), label).toBe(true);
      }
    }
    // The refusals changed nothing.
    const unchanged = (await t.call(admin, 'GET', `/api/adjustments/${id}`)).json();
    expect({ state: unchanged.state, title: unchanged.title, actions: unchanged.actions.length }).toEqual({ state, title: before.title, actions: before.actions.length });
    const expectedAllowed = ADJUSTMENT_ACTIONS.flatMap((a) => ACCOUNTS.filter((n) => mayTake(state, a, scopes.get(n)!))).length;
    expect(allowedCases).toBe(expectedAllowed);
  });

  it('the accounts cover every role of the table, on both sides', () => {
    const roles = new Set([...scopes.values()].flatMap((s) => s.roles));
    for (const state of ADJUSTMENT_STATES) {
      for (const action of ADJUSTMENT_ACTIONS) for (const r of transitionRule(state, action)?.roles ?? []) expect(roles, `${state} ${action}`).toContain(r);
    }
    expect([...scopes.values()].some((s) => !s.isFiler && s.roles.includes('dept_editor'))).toBe(true);
  });
});
