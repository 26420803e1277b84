import { HANDOVER_TASK_KINDS, type Handover, type HandoverTaskDetail, type HandoverTaskKind, type NewHandoverTask } from '../../../common/adjustment-views.ts';
import { newId } from '../../db/ids.ts';
import { actorOf, type ServiceContext } from '../../platform/context.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { notifyOrg } from '../notifications/notifications.service.ts';
import { orgsByIds } from '../orgs/orgs.service.ts';
import { canAddHandoverTask, canConfirmHandover, canSeeHandover, isBureau } from './adjustments.policy.ts';
import * as repo from './adjustments.repo.ts';

async function views(ctx: ServiceContext, rows: repo.HandoverRow[]): Promise<Handover[]> {
  const tasks = await repo.tasksOf(ctx.db, rows.map((r) => r.id));
  const orgs = await orgsByIds(ctx, rows.flatMap((r) => [r.from_org_id, r.to_org_id]));
  return rows.map((r) => ({
    id: r.id, requestId: r.request_id, kind: r.kind, itemCode: r.item_code, newItemCode: r.new_item_code,
    fromOrgId: r.from_org_id, fromOrgName: orgs.get(r.from_org_id)?.nameZh ?? '', toOrgId: r.to_org_id, toOrgName: orgs.get(r.to_org_id)?.nameZh ?? '',
    status: r.status as 'open' | 'closed', createdAt: r.created_at, confirmedAt: r.confirmed_at, confirmationNote: r.confirmation_note,
    tasks: tasks.filter((t) => t.handover_id === r.id).map((t) => ({
      id: t.id, kind: t.kind as HandoverTaskKind, kindLabel: HANDOVER_TASK_KINDS[t.kind as HandoverTaskKind] ?? t.kind, title: t.title, detail: JSON.parse(t.detail) as HandoverTaskDetail, status: t.status as 'pending' | 'done', doneAt: t.done_at,
    })),
  }));
}

async function loadVisible(ctx: ServiceContext, id: string): Promise<repo.HandoverRow> {
  const row = await repo.findHandover(ctx.db, id);
  if (!row || !canSeeHandover(actorOf(ctx), row.from_org_id, row.to_org_id)) throw notFound('HANDOVER.NOT_FOUND', '交接记录不存在');
  return row;
}

/** Handovers both orgs (and the bureau) see. */
export async function listHandovers(ctx: ServiceContext, status?: 'open' | 'closed'): Promise<Handover[]> {
  const actor = actorOf(ctx);
  const scope = isBureau(actor) || actor.roles.includes('auditor') ? undefined : actor.orgId;
  return views(ctx, await repo.listHandovers(ctx.db, { orgId: scope, status, limit: 500 }));
}

/** One handover. @throws HANDOVER.NOT_FOUND */
export async function getHandover(ctx: ServiceContext, id: string): Promise<Handover> {
  return (await views(ctx, [await loadVisible(ctx, id)]))[0];
}

/**
 * Adds a guidance task (policy document, implementation standard, training session with date, trainer, attendees, materials).
 * @throws HANDOVER.NOT_FOUND, HANDOVER.CLOSED (409), HANDOVER.INVALID (400), ACCESS.FORBIDDEN
 */
export async function addHandoverTask(ctx: ServiceContext, id: string, input: NewHandoverTask): Promise<Handover> {
  const actor = actorOf(ctx);
  const row = await loadVisible(ctx, id);
  if (!canAddHandoverTask(actor, row.from_org_id)) throw forbidden();
  if (row.status !== 'open') throw conflict('HANDOVER.CLOSED', '交接已完成，不能再添加任务');
  if (input.kind === 'training' && (!input.detail.date || !input.detail.trainer)) {
    throw invalid('HANDOVER.INVALID', '培训须填写日期和培训人', [{ path: 'body.detail', message: '培训须填写日期和培训人' }]);
  }
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now.toISOString();
    const taskId = newId(ctx.now.getTime());
    await repo.insertTask(trx, { id: taskId, handover_id: id, kind: input.kind, title: input.title.trim(), detail: JSON.stringify(input.detail), status: input.done ? 'done' : 'pending', created_by: actor.userId, created_at: now, done_at: input.done ? now : null });
    await recordAudit(trx, ctx, { action: 'handover.add_task', targetType: 'handover', targetId: id, summary: { taskId, kind: input.kind, title: input.title } });
  });
  return getHandover(ctx, id);
}

/** Marks a guidance task done. @throws HANDOVER.NOT_FOUND, HANDOVER.TASK_NOT_FOUND, ACCESS.FORBIDDEN (auditors) */
export async function completeHandoverTask(ctx: ServiceContext, id: string, taskId: string): Promise<Handover> {
  const actor = actorOf(ctx);
  const row = await loadVisible(ctx, id);
  // Staff of either org (or the bureau) mark guidance done; auditors only read.
  if (!canAddHandoverTask(actor, row.from_org_id) && !canConfirmHandover(actor, row.to_org_id)) throw forbidden();
  const task = (await repo.tasksOf(ctx.db, [id])).find((t) => t.id === taskId);
  if (!task) throw notFound('HANDOVER.TASK_NOT_FOUND', '交接任务不存在');
  if (row.status !== 'open') throw conflict('HANDOVER.CLOSED', '交接已完成');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateTask(trx, taskId, { status: 'done', done_at: ctx.now.toISOString() });
    await recordAudit(trx, ctx, { action: 'handover.complete_task', targetType: 'handover', targetId: id, summary: { taskId } });
  });
  return getHandover(ctx, id);
}

/**
 * The receiving org confirms it can run the item; the handover closes.
 * @throws HANDOVER.NOT_FOUND, HANDOVER.CLOSED (409), HANDOVER.TASKS_PENDING (409), ACCESS.FORBIDDEN
 */
export async function confirmHandover(ctx: ServiceContext, id: string, note?: string | null): Promise<Handover> {
  const actor = actorOf(ctx);
  const row = await loadVisible(ctx, id);
  if (!canConfirmHandover(actor, row.to_org_id)) throw forbidden();
  await ctx.db.transaction().execute(async (trx) => {
    const fresh = (await repo.findHandover(trx, id))!;
    if (fresh.status !== 'open') throw conflict('HANDOVER.CLOSED', '交接已完成');
    const pending = (await repo.tasksOf(trx, [id])).filter((t) => t.status !== 'done');
    if (pending.length) throw conflict('HANDOVER.TASKS_PENDING', '仍有未完成的指导任务', { pending: pending.map((t) => t.title) });
    await repo.updateHandover(trx, id, { status: 'closed', confirmed_at: ctx.now.toISOString(), confirmed_by: actor.userId, confirmation_note: note?.trim() || null });
    await recordAudit(trx, ctx, { action: 'handover.confirm', targetType: 'handover', targetId: id, summary: { note: note ?? null } });
    await notifyOrg(trx, ctx, row.from_org_id, ['dept_editor', 'dept_leader'], { kind: 'handover.confirmed', title: '承接单位已确认具备实施条件', body: row.item_code, link: `/admin/handovers/${id}` });
  });
  return getHandover(ctx, id);
}
