import { TRIGGER_KINDS } from '../../../common/adjustment-states.ts';
import { chinaDate, workingDaysBetween } from '../../../common/calendar.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { workCalendarFor } from '../calendar/calendar.service.ts';
import { notifyOrg } from '../notifications/notifications.service.ts';
import { applyRequest } from './apply.ts';
import * as repo from './adjustments.repo.ts';

/**
 * Applies approved requests whose future effective time has come. Each runs in its own transaction and advances
 * only if still `approved` with the expected action count, so two runners apply a request exactly once.
 */
export async function applyDueAdjustments(ctx: ServiceContext): Promise<string[]> {
  const applied: string[] = [];
  const now = ctx.now.toISOString();
  for (const req of await repo.dueApprovedRequests(ctx.db, now, 100)) {
    const done = await ctx.db.transaction().execute(async (trx) => {
      // Claim first: the loser's update matches no row and it leaves without touching the list.
      const claimed = await repo.advanceRequest(trx, req.id, req.action_count, { state: 'applied', applied_at: now, updated_at: now });
      if (!claimed) return false;
      await applyRequest(trx, { ...ctx, db: trx }, req);
      await repo.insertAction(trx, {
        id: `${req.id}-apply`, request_id: req.id, seq: req.action_count + 1, action: 'apply', from_state: 'approved', to_state: 'applied',
        actor_id: null, actor_name: '系统（定时生效）', role: null, org_id: null, opinion: null, at: now,
      });
      await recordAudit(trx, ctx, { action: 'adjustment.apply', targetType: 'adjustment', targetId: req.id, summary: { decisionNumber: req.decision_number, scheduled: req.effective_from } });
      await notifyOrg(trx, ctx, req.org_id, ['dept_editor', 'dept_leader'], { kind: 'adjustment.applied', title: '调整已按期生效', body: `${req.title}（${req.decision_number ?? ''}）`, link: `/admin/adjustments/${req.id}` });
      return true;
    });
    if (done) applied.push(req.id);
  }
  return applied;
}

/** Reminds responsible orgs of triggers due within 5 working days, and of overdue ones; each reminder once. */
export async function remindTriggerDeadlines(ctx: ServiceContext): Promise<number> {
  const today = chinaDate(ctx.now);
  const year = Number(today.slice(0, 4));
  const cal = await workCalendarFor(ctx, [year, year + 1]);
  const open = await repo.listTriggers(ctx.db, { status: 'open', limit: 1000 });
  const links = await repo.triggerOrgs(ctx.db, open.map((t) => t.id));
  let sent = 0;
  await ctx.db.transaction().execute(async (trx) => {
    for (const t of open) {
      let left: number | null;
      try {
        left = t.due_on >= today ? workingDaysBetween(cal, today, t.due_on) : -1;
      } catch {
        left = null;
      }
      if (left === null || left > 5) continue;
      const overdue = t.due_on < today;
      for (const l of links.filter((x) => x.trigger_id === t.id && x.resolution === null)) {
        sent += await notifyOrg(trx, ctx, l.org_id, ['dept_editor', 'dept_leader'], {
          kind: overdue ? 'trigger.overdue' : 'trigger.due_soon',
          title: overdue ? '调整事由已超期' : '调整事由即将到期',
          body: `${t.title}（${TRIGGER_KINDS[t.kind] ?? t.kind}）应于 ${t.due_on} 前完成调整`,
          link: `/admin/triggers/${t.id}`,
          dedupeKey: `${t.id}:${overdue ? 'overdue' : 'soon'}`,
        });
      }
    }
  });
  return sent;
}
