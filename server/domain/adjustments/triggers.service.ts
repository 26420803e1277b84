import { TRIGGER_KINDS } from '../../../common/adjustment-states.ts';
import type { NewTrigger, Trigger, TriggerDetail, TriggerResolution } from '../../../common/adjustment-views.ts';
import { newId } from '../../db/ids.ts';
import { actorOf, type ServiceContext } from '../../platform/context.ts';
import { conflict, forbidden, invalid, notFound, type ErrorDetail } from '../../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { computeDeadline } from '../calendar/calendar.service.ts';
import { orgsByIds } from '../orgs/orgs.service.ts';
import { isBureau, mayRegisterTrigger, triggerScope } from './adjustments.policy.ts';
import * as repo from './adjustments.repo.ts';
import { attachmentViewsOf } from './attachments.service.ts';
import { chinaDate } from '../../../common/calendar.ts';

const today = (ctx: ServiceContext) => chinaDate(ctx.now);

async function views(ctx: ServiceContext, rows: repo.TriggerRow[]): Promise<Trigger[]> {
  const links = await repo.triggerOrgs(ctx.db, rows.map((r) => r.id));
  const orgs = await orgsByIds(ctx, links.map((l) => l.org_id));
  const t = today(ctx);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    kindLabel: TRIGGER_KINDS[r.kind] ?? r.kind,
    title: r.title,
    docNumber: r.doc_number,
    issuingBody: r.issuing_body,
    docEffectiveOn: r.doc_effective_on,
    url: r.url,
    occurredOn: r.occurred_on,
    dueOn: r.due_on,
    overdue: r.status === 'open' && r.due_on < t,
    status: r.status as 'open' | 'closed',
    affected: JSON.parse(r.affected) as Trigger['affected'],
    responsible: links
      .filter((l) => l.trigger_id === r.id)
      .map((l) => ({ orgId: l.org_id, orgName: orgs.get(l.org_id)?.nameZh ?? '', resolution: l.resolution as TriggerResolution | null, note: l.note, adjustmentId: l.adjustment_id })),
    createdAt: r.created_at,
    closedAt: r.closed_at,
  }));
}

/**
 * Registers a trigger (调整事由); its due date is one civil-law month after it occurred, rolled past rest days (Art 10).
 * @throws TRIGGER.INVALID (400), CALENDAR.YEAR_NOT_LOADED (422), ACCESS.FORBIDDEN
 */
export async function registerTrigger(ctx: ServiceContext, input: NewTrigger): Promise<TriggerDetail> {
  const actor = actorOf(ctx);
  const problems: ErrorDetail[] = [];
  if (!(input.kind in TRIGGER_KINDS)) problems.push({ path: 'body.kind', message: '调整事由类型不正确' });
  if (!input.title.trim()) problems.push({ path: 'body.title', message: '事由名称不能为空' });
  const orgIds = [...new Set(input.responsibleOrgIds)];
  if (orgIds.length === 0) problems.push({ path: 'body.responsibleOrgIds', message: '至少指定一个责任单位' });
  const orgs = await orgsByIds(ctx, orgIds);
  orgIds.forEach((id, i) => {
    const org = orgs.get(id);
    if (!org || !org.active || org.kind === 'external') problems.push({ path: `body.responsibleOrgIds.${i}`, message: '责任单位不存在或不是本旗单位' });
  });
  if (input.occurredOn > today(ctx)) problems.push({ path: 'body.occurredOn', message: '事由发生日期不能晚于今天' });
  if (problems.length) throw invalid('TRIGGER.INVALID', '调整事由信息不正确', problems);
  if (!mayRegisterTrigger(actor, orgIds)) throw forbidden();
  const dueOn = await computeDeadline(ctx, input.occurredOn, { months: 1 });
  const id = newId(ctx.now.getTime());
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertTrigger(
      trx,
      {
        id, kind: input.kind, title: input.title.trim(), doc_number: input.docNumber ?? null, issuing_body: input.issuingBody ?? null,
        doc_effective_on: input.docEffectiveOn ?? null, url: input.url ?? null, occurred_on: input.occurredOn, due_on: dueOn,
        affected: JSON.stringify({ catalogueItemIds: input.catalogueItemIds ?? [], itemCodes: input.itemCodes ?? [] }), status: 'open',
        registered_by: actor.userId, registered_org_id: actor.orgId, created_at: ctx.now.toISOString(), closed_at: null,
      },
      orgIds,
    );
    await recordAudit(trx, ctx, { action: 'trigger.register', targetType: 'trigger', targetId: id, summary: { title: input.title, occurredOn: input.occurredOn, dueOn, orgIds } });
  });
  return getTrigger(ctx, id);
}

/** A trigger in the caller's scope. @throws TRIGGER.NOT_FOUND */
export async function getTrigger(ctx: ServiceContext, id: string): Promise<TriggerDetail> {
  const row = await repo.findTrigger(ctx.db, id);
  const [view] = row ? await views(ctx, [row]) : [];
  const scope = triggerScope(actorOf(ctx));
  if (!view || (scope && view.responsible.every((r) => r.orgId !== scope) && row!.registered_org_id !== scope)) throw notFound('TRIGGER.NOT_FOUND', '调整事由不存在');
  return { ...view, attachments: await attachmentViewsOf(ctx.db, 'trigger', id) };
}

/** Triggers of the caller's scope by due date; `overdue` lists open ones past their due date. */
export async function listTriggers(ctx: ServiceContext, f: { status?: 'open' | 'closed'; overdue?: boolean }): Promise<Trigger[]> {
  const scope = triggerScope(actorOf(ctx));
  const rows = await repo.listTriggers(ctx.db, { status: f.overdue ? 'open' : f.status, orgId: scope, dueBefore: f.overdue ? today(ctx) : undefined, limit: 500 });
  return views(ctx, rows);
}

/** Closes a trigger once every responsible org has resolved it. */
export async function closeIfResolved(trx: ServiceContext['db'], ctx: ServiceContext, triggerId: string): Promise<boolean> {
  const links = await repo.triggerOrgs(trx, [triggerId]);
  if (links.length === 0 || links.some((l) => l.resolution === null)) return false;
  await repo.updateTrigger(trx, triggerId, { status: 'closed', closed_at: ctx.now.toISOString() });
  return true;
}

/** Marks a trigger resolved for an org by an applied adjustment (inside the apply transaction). */
export async function resolveByAdjustment(trx: ServiceContext['db'], ctx: ServiceContext, triggerId: string, orgId: string, adjustmentId: string): Promise<void> {
  await repo.resolveTriggerOrg(trx, triggerId, orgId, { resolution: 'adjusted', adjustment_id: adjustmentId, resolved_at: ctx.now.toISOString(), resolved_by: ctx.actor?.userId ?? null });
  await closeIfResolved(trx, ctx, triggerId);
}

/**
 * The bureau records that an org needs no change for a trigger (with the reason); the trigger closes when all are resolved.
 * @throws TRIGGER.NOT_FOUND, TRIGGER.NOT_RESPONSIBLE (404), TRIGGER.CLOSED (409), ACCESS.FORBIDDEN
 */
export async function recordNoChange(ctx: ServiceContext, triggerId: string, orgId: string, reason: string): Promise<TriggerDetail> {
  const actor = actorOf(ctx);
  if (!isBureau(actor)) throw forbidden();
  if (!reason.trim()) throw invalid('TRIGGER.INVALID', '请说明无需调整的理由', [{ path: 'body.reason', message: '请说明无需调整的理由' }]);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findTrigger(trx, triggerId);
    if (!row) throw notFound('TRIGGER.NOT_FOUND', '调整事由不存在');
    if (row.status !== 'open') throw conflict('TRIGGER.CLOSED', '该调整事由已办结');
    const link = (await repo.triggerOrgs(trx, [triggerId])).find((l) => l.org_id === orgId);
    if (!link) throw notFound('TRIGGER.NOT_RESPONSIBLE', '该单位不是此事由的责任单位');
    if (link.resolution) throw conflict('TRIGGER.ALREADY_RESOLVED', '该单位已办结此事由');
    await repo.resolveTriggerOrg(trx, triggerId, orgId, { resolution: 'no_change', note: reason.trim(), resolved_at: ctx.now.toISOString(), resolved_by: actor.userId });
    const closed = await closeIfResolved(trx, ctx, triggerId);
    await recordAudit(trx, ctx, { action: 'trigger.no_change', targetType: 'trigger', targetId: triggerId, summary: { orgId, reason, closed } });
  });
  return getTrigger(ctx, triggerId);
}
