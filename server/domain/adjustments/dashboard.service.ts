import type { AdjustmentDashboard } from '../../../common/adjustment-views.ts';
import { chinaDate, workingDaysBetween } from '../../../common/calendar.ts';
import { actorOf, type ServiceContext } from '../../platform/context.ts';
import { workCalendarFor } from '../calendar/calendar.service.ts';
import { isBureau } from './adjustments.policy.ts';
import { listHandovers } from './handovers.service.ts';
import { listRequests } from './adjustments.service.ts';
import { listTriggers } from './triggers.service.ts';

/** Deadlines at a glance: open triggers by due date (overdue first), requests waiting for review, open handovers. */
export async function adjustmentDashboard(ctx: ServiceContext): Promise<AdjustmentDashboard> {
  const actor = actorOf(ctx);
  const today = chinaDate(ctx.now.toISOString());
  const year = Number(today.slice(0, 4));
  const cal = await workCalendarFor(ctx, [year - 2, year - 1, year, year + 1]);
  // A working-day count across an unloaded year would be a guess: show none rather than a wrong number.
  const days = (from: string, to: string) => {
    try {
      return from <= to ? workingDaysBetween(cal, from, to) : -workingDaysBetween(cal, to, from);
    } catch {
      return null;
    }
  };
  const triggers = (await listTriggers(ctx, { status: 'open' })).map((t) => {
    const left = days(today, t.dueOn);
    return { id: t.id, title: t.title, dueOn: t.dueOn, overdue: t.overdue, dueSoon: !t.overdue && left !== null && left <= 5, workingDaysLeft: left };
  });
  const queue = (await listRequests(ctx, { queue: true })).map((r) => ({
    id: r.id, title: r.title, orgName: r.orgName, state: r.state, submittedAt: r.submittedAt ?? r.updatedAt, ageWorkingDays: days(chinaDate(r.submittedAt ?? r.updatedAt), today),
  }));
  const handovers = (await listHandovers(ctx, 'open')).map((h) => {
    const age = days(chinaDate(h.createdAt), today);
    return { id: h.id, itemCode: h.newItemCode ?? h.itemCode, fromOrgName: h.fromOrgName, toOrgName: h.toOrgName, createdAt: h.createdAt, ageWorkingDays: age, alert: age !== null && age > ctx.config.handoverAlertWorkingDays };
  });
  return {
    scope: isBureau(actor) || actor.roles.includes('auditor') ? 'banner' : 'org',
    triggers,
    reviewQueue: queue,
    handovers,
    counts: {
      openTriggers: triggers.length,
      overdueTriggers: triggers.filter((t) => t.overdue).length,
      waitingReview: queue.length,
      openHandovers: handovers.length,
      alertingHandovers: handovers.filter((h) => h.alert).length,
    },
  };
}
