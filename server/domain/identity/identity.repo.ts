import { type Kysely, sql } from 'kysely';
import type { AppUserTable, Database, SessionTable } from '../../db/schema.ts';

export type UserRow = AppUserTable;

export async function findUserByUsername(db: Kysely<Database>, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserById(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Kysely<Database>, f: { orgId?: string; q?: string; limit: number }): Promise<UserRow[]> {
  let q = db.selectFrom('app_user').selectAll();
  if (f.orgId) q = q.where('org_id', '=', f.orgId);
  if (f.q) {
    // Case-insensitive on both dialects: SQLite's LIKE folds ASCII case, PostgreSQL's does not.
    const like = `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // SQLite has no default LIKE escape character (PostgreSQL's is the backslash): name it, or "zhang_" finds nothing.
    q = q.where((eb) => eb.or([sql<boolean>`lower(${eb.ref('username')}) like ${like} escape '\\'`, sql<boolean>`lower(${eb.ref('display_name')}) like ${like} escape '\\'`]));
  }
  return q.orderBy('username').limit(f.limit).execute();
}

/** A new account; `email` may be left out (none yet). */
export async function insertUser(db: Kysely<Database>, row: Omit<UserRow, 'email'> & { email?: string | null }): Promise<void> {
  await db.insertInto('app_user').values(row).execute();
}

export async function updateUser(db: Kysely<Database>, id: string, patch: Partial<Omit<UserRow, 'id'>>): Promise<void> {
  await db.updateTable('app_user').set(patch).where('id', '=', id).execute();
}

/** Counts a failed login atomically, so concurrent attempts from several processes all count. */
export async function incrementFailedLogins(db: Kysely<Database>, id: string, now: string): Promise<number> {
  const row = await db
    .updateTable('app_user')
    .set({ failed_logins: sql<number>`failed_logins + 1`, updated_at: now })
    .where('id', '=', id)
    .returning('failed_logins')
    .executeTakeFirstOrThrow();
  return Number(row.failed_logins);
}

export interface RoleRow {
  orgId: string;
  role: string;
}

export async function rolesOfUser(db: Kysely<Database>, userId: string): Promise<RoleRow[]> {
  const rows = await db.selectFrom('user_role').select(['org_id', 'role']).where('user_id', '=', userId).orderBy('org_id').orderBy('role').execute();
  return rows.map((r) => ({ orgId: r.org_id, role: r.role }));
}

export async function rolesOfUsers(db: Kysely<Database>, userIds: string[]): Promise<Map<string, RoleRow[]>> {
  const map = new Map<string, RoleRow[]>();
  if (userIds.length === 0) return map;
  const rows = await db.selectFrom('user_role').select(['user_id', 'org_id', 'role']).where('user_id', 'in', userIds).execute();
  for (const r of rows) {
    const list = map.get(r.user_id) ?? [];
    list.push({ orgId: r.org_id, role: r.role });
    map.set(r.user_id, list);
  }
  return map;
}

export async function replaceRoles(db: Kysely<Database>, userId: string, orgId: string, roles: readonly string[]): Promise<void> {
  await db.deleteFrom('user_role').where('user_id', '=', userId).where('org_id', '=', orgId).execute();
  if (roles.length > 0) {
    await db.insertInto('user_role').values(roles.map((role) => ({ user_id: userId, org_id: orgId, role }))).execute();
  }
}

export async function insertSession(db: Kysely<Database>, row: SessionTable): Promise<void> {
  await db.insertInto('session').values(row).execute();
}

export async function findSession(db: Kysely<Database>, id: string): Promise<SessionTable | undefined> {
  return db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateSession(db: Kysely<Database>, id: string, patch: Partial<Omit<SessionTable, 'id'>>): Promise<void> {
  await db.updateTable('session').set(patch).where('id', '=', id).execute();
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: Kysely<Database>, userId: string, exceptId?: string): Promise<void> {
  let q = db.deleteFrom('session').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  await q.execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: string): Promise<void> {
  await db.deleteFrom('session').where('expires_at', '<', now).execute();
}


/** Active bureau administrators other than the given user. */
export async function countActiveAdminsExcept(db: Kysely<Database>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('user_role')
    .innerJoin('app_user', 'app_user.id', 'user_role.user_id')
    .select((eb) => eb.fn.count<number>('app_user.id').distinct().as('n'))
    .where('user_role.role', '=', 'bureau_admin')
    .where('app_user.active', '=', true)
    .where('app_user.id', '!=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
