import type { Role } from '../../../common/roles.ts';
import type { Notification } from '../../../common/notification-views.ts';
import { newId } from '../../db/ids.ts';
import { actorOf, type ServiceContext } from '../../platform/context.ts';
import * as repo from './notifications.repo.ts';

export interface Notice {
  kind: string;
  title: string;
  body: string;
  link?: string;
  /** Same key, same user: notified once (deadline reminders run repeatedly). */
  dedupeKey?: string;
}

export type { Notification };

/** Notifies every active user holding one of `roles` in `orgId`, inside the caller's transaction. */
export async function notifyOrg(trx: ServiceContext['db'], ctx: ServiceContext, orgId: string, roles: readonly Role[], notice: Notice): Promise<number> {
  const users = await repo.recipients(trx, orgId, roles);
  const at = ctx.now.toISOString();
  await repo.insertNotifications(
    trx,
    users.map((userId) => ({
      id: newId(ctx.now.getTime()), user_id: userId, kind: notice.kind, title: notice.title, body: notice.body, link: notice.link ?? null,
      dedupe_key: notice.dedupeKey ?? null, created_at: at, read_at: null,
    })),
  );
  return users.length;
}

/** The caller's notifications, newest first, with the unread count for the bell. */
export async function myNotifications(ctx: ServiceContext, unreadOnly: boolean): Promise<{ unread: number; items: Notification[] }> {
  const actor = actorOf(ctx);
  const rows = await repo.listForUser(ctx.db, actor.userId, unreadOnly, 100);
  return {
    unread: await repo.countUnread(ctx.db, actor.userId),
    items: rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, createdAt: r.created_at, read: r.read_at !== null })),
  };
}

/** Marks the caller's notifications read (some or all). */
export async function markNotificationsRead(ctx: ServiceContext, ids: string[] | 'all'): Promise<void> {
  await repo.markRead(ctx.db, actorOf(ctx).userId, ids, ctx.now.toISOString());
}
