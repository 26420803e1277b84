import {
  ADJUSTMENT_KINDS, ADJUSTMENT_STATE_LABELS, allowedActions, isOpen, mayTake, REASONS, transitionRule,
  type AdjustmentAction, type AdjustmentKind, type AdjustmentState,
} from '../../../common/adjustment-states.ts';
import type { AdjustmentRequest, RequestInput, RequestSummary } from '../../../common/adjustment-views.ts';
import { diffElements } from '../../../common/item-diff.ts';
import type { ItemElements } from '../../../common/item-elements.ts';
import type { Role } from '../../../common/roles.ts';
import { newId } from '../../db/ids.ts';
import { actorOf, type Actor, type ServiceContext } from '../../platform/context.ts';
import { conflict, DomainError, forbidden, invalid, notFound, type ErrorDetail } from '../../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { effectiveSnapshot, elementsFromCatalogue, proposalProblems } from '../catalogue/apply.service.ts';
import { notifyOrg } from '../notifications/notifications.service.ts';
import { findOrg, listOrgs, orgsByIds } from '../orgs/orgs.service.ts';
import { canFileRequest, canSeeRequest, isBureau } from './adjustments.policy.ts';
import { applyRequest } from './apply.ts';
import { attachmentViewsOf } from './attachments.service.ts';
import * as repo from './adjustments.repo.ts';
import { chinaDate } from '../../../common/calendar.ts';

const requestNotFound = () => notFound('ADJUSTMENT.NOT_FOUND', '调整申请不存在');

function scopeOf(actor: Actor, row: repo.RequestRow) {
  return { roles: actor.roles, isFiler: actor.orgId === row.org_id };
}

/** The role an actor acted in for an action: the first of theirs the state table accepts. */
function actingRole(actor: Actor, state: AdjustmentState, action: AdjustmentAction): Role | null {
  return transitionRule(state, action)?.roles.find((r) => actor.roles.includes(r)) ?? actor.roles[0] ?? null;
}

function notAllowed(state: AdjustmentState, actor: Actor, row: repo.RequestRow): DomainError {
  return conflict('ADJUSTMENT.ACTION_NOT_ALLOWED', `当前状态（${ADJUSTMENT_STATE_LABELS[state]}）下不能执行该操作`, {
    state,
    allowedActions: allowedActions(state, scopeOf(actor, row)),
  });
}

/** Checks the request input against the kind's rules; returns normalised proposals with current elements filled in. */
interface Proposal {
  itemCode: string | null;
  catalogueItemId: string | null;
  elements: ItemElements | null;
  base: ItemElements | null;
}

async function checkInput(ctx: ServiceContext, input: RequestInput, filerOrgId: string): Promise<Proposal[]> {
  const problems: ErrorDetail[] = [];
  if (!ADJUSTMENT_KINDS.includes(input.kind)) problems.push({ path: 'body.kind', message: '调整类型不正确' });
  const reasons = REASONS[input.kind] ?? {};
  if (!(input.reasonCode in reasons)) problems.push({ path: 'body.reasonCode', message: '调整理由不在规定的范围内' });
  if (input.reasonCode === 'other' && !input.reasonText?.trim()) problems.push({ path: 'body.reasonText', message: '选择“其他”时须写明理由' });
  if (!input.title.trim()) problems.push({ path: 'body.title', message: '申请标题不能为空' });
  if (input.items.length === 0) problems.push({ path: 'body.items', message: '至少包含一个事项' });
  const moving = input.kind === 'delegate' || input.kind === 'entrust';
  if (moving) {
    const receiving = input.receivingOrgId ? await findOrg(ctx, input.receivingOrgId) : undefined;
    if (!receiving) problems.push({ path: 'body.receivingOrgId', message: '下放或委托须指定承接单位' });
    else if (!receiving.active || receiving.kind === 'external' || receiving.id === filerOrgId) problems.push({ path: 'body.receivingOrgId', message: '承接单位须为本旗其他在用单位' });
  } else if (input.receivingOrgId && input.kind !== 'cancel') {
    problems.push({ path: 'body.receivingOrgId', message: '只有下放、委托或取消可指定承接单位' });
  }
  if (input.effectiveFrom && Number.isNaN(Date.parse(input.effectiveFrom))) problems.push({ path: 'body.effectiveFrom', message: '生效时间格式不正确' });
  if (problems.length) throw invalid('ADJUSTMENT.INVALID', '调整申请信息不正确', problems);

  const now = ctx.now.toISOString();
  const out: Proposal[] = [];
  for (const [i, p] of input.items.entries()) {
    if (input.kind === 'add') {
      if (!p.catalogueItemId) {
        problems.push({ path: `body.items.${i}.catalogueItemId`, message: '增加事项须选择基本目录事项' });
        continue;
      }
      const elements = p.elements ?? (await elementsFromCatalogue(ctx, p.catalogueItemId));
      out.push({ itemCode: null, catalogueItemId: p.catalogueItemId, elements, base: null });
      continue;
    }
    if (!p.itemCode) {
      problems.push({ path: `body.items.${i}.itemCode`, message: '须选择本单位清单内的事项' });
      continue;
    }
    const snap = await effectiveSnapshot(ctx.db, p.itemCode, now).catch(() => undefined);
    // Another org's item does not exist for this request.
    if (!snap || snap.orgId !== filerOrgId) throw notFound('ITEM.NOT_FOUND', `事项 ${p.itemCode} 不在本单位现行清单中`);
    if (input.kind === 'cancel') out.push({ itemCode: p.itemCode, catalogueItemId: snap.catalogueItemId, elements: null, base: snap.elements });
    else out.push({ itemCode: p.itemCode, catalogueItemId: snap.catalogueItemId, elements: p.elements ?? snap.elements, base: snap.elements });
  }
  if (problems.length) throw invalid('ADJUSTMENT.INVALID', '调整申请信息不正确', problems);
  const codes = out.map((o) => o.itemCode).filter(Boolean);
  if (new Set(codes).size !== codes.length) throw invalid('ADJUSTMENT.INVALID', '同一事项不能重复列入', [{ path: 'body.items', message: '同一事项不能重复列入' }]);
  return out;
}

function actionRow(ctx: ServiceContext, requestId: string, seq: number, action: string, from: string | null, to: string, role: string | null, opinion: string | null): repo.ActionRow {
  const a = ctx.actor;
  return { id: newId(ctx.now.getTime()), request_id: requestId, seq, action, from_state: from, to_state: to, actor_id: a?.userId ?? null, actor_name: a?.displayName ?? '系统', role, org_id: a?.orgId ?? null, opinion, at: ctx.now.toISOString() };
}

/**
 * Files an adjustment request as a draft of the caller's org; a retried request with the same clientTxId returns the first.
 * @throws ADJUSTMENT.INVALID (400), ITEM.NOT_FOUND (404: an item of another org), ACCESS.FORBIDDEN
 */
export async function fileRequest(ctx: ServiceContext, input: RequestInput): Promise<AdjustmentRequest> {
  const actor = actorOf(ctx);
  if (!canFileRequest(actor)) throw forbidden();
  if (input.clientTxId) {
    const existing = await repo.findRequestByClientTx(ctx.db, input.clientTxId);
    if (existing && existing.created_by === actor.userId) return getRequest(ctx, existing.id);
  }
  const items = await checkInput(ctx, input, actor.orgId);
  await checkTriggers(ctx, input.triggerIds ?? [], actor);
  const id = newId(ctx.now.getTime());
  const now = ctx.now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertRequest(trx, {
      id, org_id: actor.orgId, kind: input.kind, reason_code: input.reasonCode, reason_text: input.reasonText?.trim() || null, title: input.title.trim(),
      receiving_org_id: input.receivingOrgId ?? null, effective_from: input.effectiveFrom ? new Date(input.effectiveFrom).toISOString() : null,
      state: 'draft', action_count: 1, decision_number: null, decision_year: null, decision_seq: null, submitted_at: null, approved_at: null, applied_at: null,
      client_tx_id: input.clientTxId ?? null, created_by: actor.userId, created_at: now, updated_at: now,
    });
    await repo.linkTriggers(trx, id, input.triggerIds ?? []);
    await repo.replaceItems(trx, id, items.map((it, i) => ({ id: newId(ctx.now.getTime()), request_id: id, seq: i + 1, item_code: it.itemCode, catalogue_item_id: it.catalogueItemId, elements: it.elements ? JSON.stringify(it.elements) : null, base_elements: it.base ? JSON.stringify(it.base) : null, result_code: null })));
    await repo.insertAction(trx, actionRow(ctx, id, 1, 'create', null, 'draft', 'dept_editor', null));
    await recordAudit(trx, ctx, { action: 'adjustment.create', targetType: 'adjustment', targetId: id, summary: { kind: input.kind, title: input.title, items: items.length } });
  });
  return getRequest(ctx, id);
}

async function checkTriggers(ctx: ServiceContext, triggerIds: string[], actor: Actor): Promise<void> {
  for (const [i, tid] of triggerIds.entries()) {
    const t = await repo.findTrigger(ctx.db, tid);
    const links = t ? await repo.triggerOrgs(ctx.db, [tid]) : [];
    if (!t || !links.some((l) => l.org_id === actor.orgId)) {
      throw invalid('ADJUSTMENT.INVALID', '关联的调整事由不存在或本单位不是责任单位', [{ path: `body.triggerIds.${i}`, message: '调整事由不存在或本单位不是责任单位' }]);
    }
  }
}

async function loadVisible(ctx: ServiceContext, id: string): Promise<repo.RequestRow> {
  const row = await repo.findRequest(ctx.db, id);
  if (!row || !canSeeRequest(actorOf(ctx), row.org_id, row.receiving_org_id)) throw requestNotFound();
  return row;
}

/**
 * Replaces a draft or returned request's content (the `edit` action of the state table).
 * @throws ADJUSTMENT.NOT_FOUND, ADJUSTMENT.ACTION_NOT_ALLOWED (409 with allowed actions), ADJUSTMENT.INVALID
 */
export async function editRequest(ctx: ServiceContext, id: string, input: RequestInput): Promise<AdjustmentRequest> {
  const actor = actorOf(ctx);
  const row = await loadVisible(ctx, id);
  if (!mayTake(row.state as AdjustmentState, 'edit', scopeOf(actor, row))) throw notAllowed(row.state as AdjustmentState, actor, row);
  const items = await checkInput(ctx, { ...input, kind: row.kind as AdjustmentKind }, row.org_id);
  await checkTriggers(ctx, input.triggerIds ?? [], actor);
  await ctx.db.transaction().execute(async (trx) => {
    const fresh = (await repo.findRequest(trx, id))!;
    if (fresh.action_count !== row.action_count) throw notAllowed(fresh.state as AdjustmentState, actor, fresh);
    await repo.updateRequest(trx, id, {
      reason_code: input.reasonCode, reason_text: input.reasonText?.trim() || null, title: input.title.trim(), receiving_org_id: input.receivingOrgId ?? null,
      effective_from: input.effectiveFrom ? new Date(input.effectiveFrom).toISOString() : null, updated_at: ctx.now.toISOString(),
    });
    await repo.linkTriggers(trx, id, input.triggerIds ?? []);
    await repo.replaceItems(trx, id, items.map((it, i) => ({ id: newId(ctx.now.getTime()), request_id: id, seq: i + 1, item_code: it.itemCode, catalogue_item_id: it.catalogueItemId, elements: it.elements ? JSON.stringify(it.elements) : null, base_elements: it.base ? JSON.stringify(it.base) : null, result_code: null })));
    await recordAudit(trx, ctx, { action: 'adjustment.edit', targetType: 'adjustment', targetId: id, summary: { items: items.length } });
  });
  return getRequest(ctx, id);
}

const NOTICES: Partial<Record<AdjustmentAction, string>> = {
  submit: '调整申请已提交，等待审核',
  return: '调整申请被退回修改',
  approve: '调整申请已批准',
  reject: '调整申请未予批准',
};

/**
 * Takes a state-table action on a request: submit, start_review, return, approve, reject, withdraw. Approval numbers the
 * decision and applies the batch in the same transaction (or leaves it approved until a future effective date).
 * @throws ADJUSTMENT.NOT_FOUND, ADJUSTMENT.ACTION_NOT_ALLOWED (409 {state, allowedActions}), ADJUSTMENT.OPINION_REQUIRED (400),
 *   ADJUSTMENT.PROPOSAL_INVALID (400 with every problem), and any rule violation of applying the batch (nothing applied)
 */
export async function actOnRequest(ctx: ServiceContext, id: string, action: Exclude<AdjustmentAction, 'edit'>, opinion?: string | null): Promise<AdjustmentRequest> {
  const actor = actorOf(ctx);
  const row = await loadVisible(ctx, id);
  const state = row.state as AdjustmentState;
  if (!mayTake(state, action, scopeOf(actor, row))) throw notAllowed(state, actor, row);
  const rule = transitionRule(state, action)!;
  if (rule.opinionRequired && !opinion?.trim()) {
    throw invalid('ADJUSTMENT.OPINION_REQUIRED', '退回或不予调整须填写意见', [{ path: 'body.opinion', message: '请填写意见' }]);
  }
  if (action === 'submit') {
    const problems = await proposalProblemsOf(ctx, row);
    if (problems.length) throw invalid('ADJUSTMENT.PROPOSAL_INVALID', '拟调整事项未通过校验，请修改后再提交', problems);
  }
  await ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    let to = rule.to!;
    const patch: Partial<repo.RequestRow> = { state: to, updated_at: ctx.now.toISOString() };
    if (action === 'submit') patch.submitted_at = ctx.now.toISOString();
    if (action === 'approve') {
      const year = Number(chinaDate(ctx.now).slice(0, 4));
      const seq = await repo.nextDecisionSeq(trx, year);
      patch.decision_year = year;
      patch.decision_seq = seq;
      patch.decision_number = `${ctx.config.decisionPrefix}〔${year}〕${seq}号`;
      patch.approved_at = ctx.now.toISOString();
    }
    // The conditional update is the race guard: of two reviewers acting at once, exactly one advances the request.
    if (!(await repo.advanceRequest(trx, id, row.action_count, patch))) {
      const fresh = (await repo.findRequest(trx, id))!;
      throw notAllowed(fresh.state as AdjustmentState, actor, fresh);
    }
    await repo.insertAction(trx, actionRow(ctx, id, row.action_count + 1, action, state, to, actingRole(actor, state, action), opinion?.trim() || null));
    if (action === 'approve' && (row.effective_from === null || row.effective_from <= ctx.now.toISOString())) {
      await applyRequest(trx, tctx, { ...row, ...patch } as repo.RequestRow);
      to = 'applied';
      if (!(await repo.advanceRequest(trx, id, row.action_count + 1, { state: 'applied', applied_at: ctx.now.toISOString() }))) throw notAllowed('approved', actor, row);
      await repo.insertAction(trx, actionRow(ctx, id, row.action_count + 2, 'apply', 'approved', 'applied', actingRole(actor, state, action), null));
    }
    await recordAudit(trx, ctx, {
      action: `adjustment.${action}`,
      targetType: 'adjustment',
      targetId: id,
      summary: { from: state, to, opinion: opinion?.trim() || null, decisionNumber: patch.decision_number ?? null },
    });
    const notice = NOTICES[action];
    if (notice) {
      const body = `${row.title}${patch.decision_number ? `（${patch.decision_number}）` : ''}${opinion?.trim() ? `：${opinion.trim()}` : ''}`;
      const link = `/admin/adjustments/${id}`;
      if (action === 'submit') await notifyOrg(trx, ctx, await bureauOrgId(tctx), ['bureau_reviewer', 'bureau_admin'], { kind: 'adjustment.submitted', title: notice, body, link });
      else await notifyOrg(trx, ctx, row.org_id, ['dept_editor', 'dept_leader'], { kind: `adjustment.${action}`, title: notice, body, link });
    }
  });
  return getRequest(ctx, id);
}

async function bureauOrgId(ctx: ServiceContext): Promise<string> {
  return (await listOrgs(ctx)).find((o) => o.kind === 'bureau' && o.parentId === null)?.id ?? '';
}

async function proposalProblemsOf(ctx: ServiceContext, row: repo.RequestRow): Promise<ErrorDetail[]> {
  const out: ErrorDetail[] = [];
  for (const item of await repo.itemsOfRequest(ctx.db, row.id)) {
    if (!item.elements) continue;
    for (const p of await proposalProblems(ctx, JSON.parse(item.elements) as ItemElements)) out.push({ path: `items.${item.seq - 1}.elements.${p.path}`, message: p.message });
  }
  return out;
}

/** A request with its state, the caller's allowed actions, the action history, items with their element diffs, and due date. */
export async function getRequest(ctx: ServiceContext, id: string): Promise<AdjustmentRequest> {
  const actor = actorOf(ctx);
  const row = await loadVisible(ctx, id);
  const [items, actions, triggers, attachments] = await Promise.all([
    repo.itemsOfRequest(ctx.db, id), repo.actionsOfRequest(ctx.db, id), repo.triggersOfRequest(ctx.db, id), attachmentViewsOf(ctx.db, 'adjustment', id),
  ]);
  const orgs = await orgsByIds(ctx, [row.org_id, row.receiving_org_id ?? row.org_id]);
  const now = ctx.now.toISOString();
  const state = row.state as AdjustmentState;
  const itemViews = [];
  for (const it of items) {
    const proposed = it.elements ? (JSON.parse(it.elements) as ItemElements) : null;
    // Compare with what the proposal started from, so the diff still means something after the request is applied.
    const base = it.base_elements ? (JSON.parse(it.base_elements) as ItemElements) : null;
    const current = base ? { elements: base } : it.item_code ? await effectiveSnapshot(ctx.db, it.item_code, now).catch(() => undefined) : undefined;
    itemViews.push({
      seq: it.seq,
      itemCode: it.item_code,
      catalogueItemId: it.catalogue_item_id,
      resultCode: it.result_code,
      name: proposed?.name ?? current?.elements.name ?? '',
      elements: proposed,
      changes: proposed ? diffElements(current?.elements ?? null, proposed) : [],
      problems: proposed && isOpen(state) ? await proposalProblems(ctx, proposed) : [],
    });
  }
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: orgs.get(row.org_id)?.nameZh ?? '',
    kind: row.kind as AdjustmentKind,
    reasonCode: row.reason_code,
    reasonText: row.reason_text,
    title: row.title,
    receivingOrgId: row.receiving_org_id,
    receivingOrgName: row.receiving_org_id ? (orgs.get(row.receiving_org_id)?.nameZh ?? null) : null,
    effectiveFrom: row.effective_from,
    state,
    stateLabel: ADJUSTMENT_STATE_LABELS[state],
    allowedActions: allowedActions(state, scopeOf(actor, row)),
    decisionNumber: row.decision_number,
    approvedAt: row.approved_at,
    appliedAt: row.applied_at,
    dueOn: triggers.length ? triggers[0].due_on : null,
    triggers: triggers.map((t) => ({ id: t.id, title: t.title, dueOn: t.due_on })),
    items: itemViews,
    actions: actions.map((a) => ({ seq: a.seq, action: a.action, fromState: a.from_state, toState: a.to_state, actorName: a.actor_name, role: a.role, orgId: a.org_id, opinion: a.opinion, at: a.at })),
    attachments,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Requests of the caller's scope (the bureau sees all; `queue` = waiting for the bureau's review). */
export async function listRequests(ctx: ServiceContext, f: { state?: AdjustmentState; queue?: boolean }): Promise<RequestSummary[]> {
  const actor = actorOf(ctx);
  const scope = isBureau(actor) || actor.roles.includes('auditor') ? undefined : actor.orgId;
  const states = f.queue ? ['submitted', 'under_review'] : f.state ? [f.state] : undefined;
  const rows = await repo.listRequests(ctx.db, { orgId: scope, states, limit: 500 });
  const orgs = await orgsByIds(ctx, rows.flatMap((r) => [r.org_id, r.receiving_org_id ?? r.org_id]));
  return rows.map((r) => ({
    id: r.id, orgId: r.org_id, orgName: orgs.get(r.org_id)?.nameZh ?? '', kind: r.kind as AdjustmentKind, title: r.title, state: r.state as AdjustmentState,
    stateLabel: ADJUSTMENT_STATE_LABELS[r.state as AdjustmentState], decisionNumber: r.decision_number,
    receivingOrgId: r.receiving_org_id, receivingOrgName: r.receiving_org_id ? (orgs.get(r.receiving_org_id)?.nameZh ?? null) : null,
    effectiveFrom: r.effective_from, submittedAt: r.submitted_at, updatedAt: r.updated_at, createdAt: r.created_at,
  }));
}

export interface AppliedDecision {
  requestId: string;
  kind: AdjustmentKind;
  decisionNumber: string | null;
  itemCode: string | null;
  resultCode: string | null;
}

/** Decisions applied within (from, to], item by item: what publications cite behind each change. */
export async function decisionsAppliedBetween(ctx: ServiceContext, from: string, to: string): Promise<AppliedDecision[]> {
  return (await repo.appliedItemsBetween(ctx.db, from, to)).map((r) => ({
    requestId: r.request_id, kind: r.kind as AdjustmentKind, decisionNumber: r.decision_number, itemCode: r.item_code, resultCode: r.result_code,
  }));
}
