import { newId } from '../../db/ids.ts';
import { actorOf, type ServiceContext } from '../../platform/context.ts';
import { conflict, DomainError, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { enforceRateLimit } from '../../platform/rate-limit.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { computeDeadline } from '../calendar/calendar.service.ts';
import { getPublicItem } from '../catalogue/items.service.ts';
import { notifyOrg } from '../notifications/notifications.service.ts';
import { listOrgs, orgsByIds } from '../orgs/orgs.service.ts';
import { getPublication } from '../publications/publications.service.ts';
import { openContact, sealContact, type Contact } from './contact.ts';
import {
  canAnswerFeedback, canSeeFeedback, FEEDBACK_CATEGORY_LABELS, feedbackScope, isBureau, isOverdue, type FeedbackCategory,
} from './feedback.policy.ts';
import * as repo from './feedback.repo.ts';
import { chinaDate } from '../../../common/calendar.ts';
import type { PublicFeedback, StaffFeedback } from '../../../common/feedback-views.ts';

export type FeedbackTarget = { kind: 'item'; implementationCode: string } | { kind: 'publication'; number: string };

export interface FeedbackInput {
  target: FeedbackTarget;
  category: FeedbackCategory;
  text: string;
  contact?: Contact;
  /** Honeypot: hidden from people, filled in by bots. */
  website?: string;
}

export type { PublicFeedback, StaffFeedback };

export interface FeedbackReceipt {
  id: string;
  submittedOn: string;
  dueOn: string;
}

const MIN_TEXT = 10;
const feedbackNotFound = () => notFound('FEEDBACK.NOT_FOUND', '该意见不存在');


// Beyond the loaded work calendar (a new year's holidays not yet published) the clock counts Monday–Friday.
function addWeekdays(from: string, days: number): string {
  const d = new Date(`${from}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left -= 1;
  }
  return d.toISOString().slice(0, 10);
}

/** The answer deadline: `QINGDAN_FEEDBACK_ANSWER_WORKING_DAYS` working days after the day of submission. */
export async function feedbackDueOn(ctx: ServiceContext, submittedOn: string): Promise<string> {
  const days = ctx.config.feedback.answerWorkingDays;
  try {
    return await computeDeadline(ctx, submittedOn, { workingDays: days });
  } catch (e) {
    if (e instanceof DomainError && e.code === 'CALENDAR.YEAR_NOT_LOADED') return addWeekdays(submittedOn, days);
    throw e;
  }
}

function toPublic(r: repo.PublicFeedbackRow): PublicFeedback {
  const category = r.category as FeedbackCategory;
  return {
    id: r.id, category, categoryLabel: FEEDBACK_CATEGORY_LABELS[category], text: r.body, submittedOn: chinaDate(new Date(r.submitted_at)),
    dueOn: r.due_on, answer: r.answer, answeredAt: r.answered_at,
  };
}

async function responsibleOf(ctx: ServiceContext, target: FeedbackTarget): Promise<{ orgId: string; ref: string; name: string }> {
  if (target.kind === 'item') {
    const item = await getPublicItem({ ...ctx, actor: null }, target.implementationCode);
    return { orgId: item.orgId, ref: item.implementationCode, name: item.elements.name };
  }
  const pub = await getPublication(ctx, target.number);
  // The bureau publishes the list: it answers for publications.
  const bureau = (await listOrgs(ctx)).find((o) => o.kind === 'bureau' && o.parentId === null);
  if (!bureau) throw new Error('no bureau org');
  return { orgId: bureau.id, ref: pub.number, name: pub.number };
}

/**
 * Takes public feedback (接受社会监督) on an item or a publication: no login, a per-address hourly limit, a honeypot
 * that is answered as success and stores nothing. The responsible org must answer by the due date.
 * @throws RATE.LIMITED (429), FEEDBACK.INVALID (400), ITEM.NOT_FOUND / ITEM.NOT_EFFECTIVE / PUBLICATION.NOT_FOUND (404)
 */
export async function submitFeedback(ctx: ServiceContext, input: FeedbackInput): Promise<FeedbackReceipt> {
  const submittedOn = chinaDate(ctx.now);
  // A bot filled the hidden field: look like success, keep nothing, write no audit row.
  if (input.website) return { id: newId(ctx.now.getTime()), submittedOn, dueOn: addWeekdays(submittedOn, ctx.config.feedback.answerWorkingDays) };
  await enforceRateLimit(ctx.db, `feedback-ip:${ctx.ip ?? 'unknown'}`, ctx.now, ctx.config.feedback.perIpPerHour, 3600, '提交过于频繁，请一小时后再试');
  const text = input.text.trim();
  if (text.length < MIN_TEXT) throw invalid('FEEDBACK.INVALID', '意见内容过短', [{ path: 'body.text', message: `请至少填写 ${MIN_TEXT} 个字` }]);
  const target = await responsibleOf(ctx, input.target);
  const dueOn = await feedbackDueOn(ctx, submittedOn);
  const id = newId(ctx.now.getTime());
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertFeedback(trx, {
      id, target_kind: input.target.kind, target_ref: target.ref, target_name: target.name, category: input.category, body: text,
      contact_sealed: sealContact(ctx.config, id, input.contact), org_id: target.orgId, submitted_at: ctx.now.toISOString(), due_on: dueOn,
      answer: null, answered_at: null, answered_by: null, answered_by_name: null,
    });
    // The audit row names what was said about what, never who said it.
    await recordAudit(trx, ctx, { action: 'feedback.submit', targetType: 'feedback', targetId: id, summary: { target: input.target.kind, ref: target.ref, category: input.category, orgId: target.orgId, dueOn } });
    const bureauTarget = input.target.kind === 'publication';
    await notifyOrg(trx, ctx, target.orgId, bureauTarget ? ['bureau_admin', 'bureau_reviewer'] : ['dept_editor', 'dept_leader'], {
      kind: 'feedback.received', title: '收到社会监督意见', body: `${target.name}：${FEEDBACK_CATEGORY_LABELS[input.category]}，请于 ${dueOn} 前答复`, link: `/admin/feedback/${id}`,
    });
  });
  return { id, submittedOn, dueOn };
}

/** Public feedback with answers on one item or publication (never contact details). @throws FEEDBACK.INVALID (400) */
export async function listPublicFeedback(ctx: ServiceContext, q: { item?: string; publication?: string }): Promise<PublicFeedback[]> {
  if (Boolean(q.item) === Boolean(q.publication)) throw invalid('FEEDBACK.INVALID', '请指定 item 或 publication 之一', [{ path: 'query', message: '需要 item 或 publication 之一' }]);
  const rows = q.item ? await repo.listPublicFeedback(ctx.db, 'item', q.item, 200) : await repo.listPublicFeedback(ctx.db, 'publication', q.publication!, 200);
  return rows.map(toPublic);
}

async function toStaff(ctx: ServiceContext, rows: repo.FeedbackRow[]): Promise<StaffFeedback[]> {
  const orgs = await orgsByIds(ctx, rows.map((r) => r.org_id));
  const today = chinaDate(ctx.now);
  return rows.map((r) => ({
    ...toPublic(r),
    target: { kind: r.target_kind as 'item' | 'publication', ref: r.target_ref, name: r.target_name },
    orgId: r.org_id, orgName: orgs.get(r.org_id)?.nameZh ?? '', submittedAt: r.submitted_at,
    overdue: isOverdue(r.due_on, r.answered_at, today), answeredBy: r.answered_by_name,
    contact: openContact(ctx.config, r.id, r.contact_sealed),
  }));
}

/** Feedback for staff: their org's (the bureau and auditors: all), with overdue flags and contacts. */
export async function listFeedback(ctx: ServiceContext, q: { status?: 'open' | 'answered' | 'overdue' }): Promise<StaffFeedback[]> {
  const actor = actorOf(ctx);
  const today = chinaDate(ctx.now);
  const filter: repo.StaffFilter = { orgId: feedbackScope(actor) };
  if (q.status === 'open' || q.status === 'overdue') filter.open = true;
  if (q.status === 'answered') filter.open = false;
  if (q.status === 'overdue') filter.dueBefore = today;
  return toStaff(ctx, await repo.listFeedback(ctx.db, filter, 500));
}

/** Overdue feedback of the caller's scope, for dashboards: the count and the oldest first. */
export async function overdueFeedback(ctx: ServiceContext): Promise<{ count: number; items: StaffFeedback[] }> {
  const actor = actorOf(ctx);
  const filter = { orgId: feedbackScope(actor), open: true, dueBefore: chinaDate(ctx.now) };
  const items = await toStaff(ctx, await repo.listFeedback(ctx.db, filter, 100));
  return { count: await repo.countFeedback(ctx.db, filter), items: items.sort((a, b) => a.dueOn.localeCompare(b.dueOn)) };
}

/**
 * Answers feedback; the answer is public at once.
 * @throws FEEDBACK.NOT_FOUND (also another org's), ACCESS.FORBIDDEN, FEEDBACK.ALREADY_ANSWERED (409)
 */
export async function answerFeedback(ctx: ServiceContext, id: string, answer: string): Promise<StaffFeedback> {
  const actor = actorOf(ctx);
  const row = await repo.findFeedback(ctx.db, id);
  if (!row || !canSeeFeedback(actor, row.org_id)) throw feedbackNotFound();
  if (!canAnswerFeedback(actor, row.org_id)) throw forbidden();
  if (row.answered_at) throw conflict('FEEDBACK.ALREADY_ANSWERED', '该意见已答复', { answeredAt: row.answered_at });
  const at = ctx.now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.answerFeedback(trx, id, { answer: answer.trim(), answered_at: at, answered_by: actor.userId, answered_by_name: actor.displayName }))) {
      throw conflict('FEEDBACK.ALREADY_ANSWERED', '该意见已答复');
    }
    await recordAudit(trx, ctx, { action: 'feedback.answer', targetType: 'feedback', targetId: id, summary: { orgId: row.org_id, ref: row.target_ref, late: isOverdue(row.due_on, null, chinaDate(ctx.now)), byBureau: isBureau(actor) && actor.orgId !== row.org_id } });
  });
  return (await toStaff(ctx, [(await repo.findFeedback(ctx.db, id))!]))[0];
}

/** The reminder job: tells each responsible org about its overdue feedback, once per item. Returns notifications sent. */
export async function remindOverdueFeedback(ctx: ServiceContext): Promise<number> {
  const today = chinaDate(ctx.now);
  const rows = await repo.listFeedback(ctx.db, { open: true, dueBefore: today }, 1000);
  const bureauIds = new Set((await listOrgs(ctx)).filter((o) => o.kind === 'bureau').map((o) => o.id));
  let sent = 0;
  await ctx.db.transaction().execute(async (trx) => {
    for (const r of rows) {
      sent += await notifyOrg(trx, ctx, r.org_id, bureauIds.has(r.org_id) ? ['bureau_admin', 'bureau_reviewer'] : ['dept_editor', 'dept_leader'], {
        kind: 'feedback.overdue', title: '社会监督意见已超期未答复', body: `${r.target_name}：${FEEDBACK_CATEGORY_LABELS[r.category as FeedbackCategory] ?? r.category}，应于 ${r.due_on} 前答复`,
        link: `/admin/feedback/${r.id}`, dedupeKey: `feedback:${r.id}:overdue`,
      });
    }
  });
  return sent;
}
