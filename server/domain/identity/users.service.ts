import { ROLES, type OrgKind, type Role } from '../../../common/roles.ts';
import { newId } from '../../db/ids.ts';
import { actorOf, type ServiceContext } from '../../platform/context.ts';
import { conflict, forbidden, invalid, notFound, type ErrorDetail } from '../../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findOrg } from '../orgs/orgs.service.ts';
import { canManageUsers, canReadUsers, emailProblem, passwordProblems, rolesAllowedIn } from './identity.policy.ts';
import { hashPassword } from './identity.service.ts';
import * as repo from './identity.repo.ts';

export interface User {
  id: string;
  username: string;
  displayName: string;
  orgId: string;
  roles: Role[];
  active: boolean;
  lockedUntil: string | null;
  /** Address for notification e-mails, if any. */
  email: string | null;
}

export interface NewUser {
  username: string;
  displayName: string;
  orgId: string;
  roles: Role[];
  password: string;
}

function toUser(row: repo.UserRow, roles: repo.RoleRow[], now: string): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    orgId: row.org_id,
    roles: roles.filter((r) => r.orgId === row.org_id).map((r) => r.role as Role),
    active: Boolean(row.active),
    lockedUntil: row.locked_until && row.locked_until > now ? row.locked_until : null,
    email: row.email ?? null,
  };
}

async function roleProblems(ctx: ServiceContext, orgId: string, roles: readonly Role[]): Promise<ErrorDetail[]> {
  const org = await findOrg(ctx, orgId);
  if (!org) return [{ path: 'body.orgId', message: '所属机构不存在' }];
  const problems: ErrorDetail[] = [];
  if (!org.active) problems.push({ path: 'body.orgId', message: '所属机构已停用' });
  const allowed = rolesAllowedIn(org.kind as OrgKind);
  for (const role of roles) {
    if (!ROLES.includes(role)) problems.push({ path: 'body.roles', message: `未知岗位 ${role}` });
    else if (!allowed.includes(role)) problems.push({ path: 'body.roles', message: `该机构不能设置岗位 ${role}` });
  }
  if (roles.length === 0) problems.push({ path: 'body.roles', message: '至少分配一个岗位' });
  return problems;
}

/** Staff accounts, for bureau administrators and auditors. @throws ACCESS.FORBIDDEN */
export async function listUsers(ctx: ServiceContext, filter: { orgId?: string; q?: string }): Promise<User[]> {
  if (!canReadUsers(actorOf(ctx).roles)) throw forbidden();
  const rows = await repo.listUsers(ctx.db, { ...filter, limit: 500 });
  const roles = await repo.rolesOfUsers(ctx.db, rows.map((r) => r.id));
  const now = ctx.now.toISOString();
  return rows.map((r) => toUser(r, roles.get(r.id) ?? [], now));
}

/**
 * Creates a staff account with roles in its org.
 * @throws USER.INVALID (400, all problems), USER.USERNAME_TAKEN (409), ACCESS.FORBIDDEN
 */
export async function createUser(ctx: ServiceContext, input: NewUser): Promise<User> {
  if (!canManageUsers(actorOf(ctx).roles)) throw forbidden();
  const problems = [...(await roleProblems(ctx, input.orgId, input.roles)), ...passwordProblems(input.password, input.username)];
  if (!/^[a-z][a-z0-9._-]{2,31}$/.test(input.username)) {
    problems.push({ path: 'body.username', message: '用户名须以小写字母开头，由 3–32 位小写字母、数字或 . _ - 组成' });
  }
  if (!input.displayName.trim()) problems.push({ path: 'body.displayName', message: '姓名不能为空' });
  if (problems.length > 0) throw invalid('USER.INVALID', '用户信息不正确', problems);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    if (await repo.findUserByUsername(trx, input.username)) throw conflict('USER.USERNAME_TAKEN', '用户名已被使用');
    const now = ctx.now.toISOString();
    const row: repo.UserRow = {
      id: newId(ctx.now.getTime()),
      username: input.username,
      display_name: input.displayName.trim(),
      org_id: input.orgId,
      password_hash: passwordHash,
      email: null,
      active: true,
      failed_logins: 0,
      locked_until: null,
      password_changed_at: now,
      created_at: now,
      updated_at: now,
    };
    await repo.insertUser(trx, row);
    const roles = [...new Set(input.roles)];
    await repo.replaceRoles(trx, row.id, input.orgId, roles);
    await recordAudit(trx, ctx, { action: 'user.create', targetType: 'user', targetId: row.id, summary: { username: row.username, orgId: row.org_id, roles } });
    return toUser(row, roles.map((role) => ({ orgId: input.orgId, role })), now);
  });
}

async function loadForChange(ctx: ServiceContext, trx: ServiceContext['db'], id: string): Promise<repo.UserRow> {
  if (!canManageUsers(actorOf(ctx).roles)) throw forbidden();
  const row = await repo.findUserById(trx, id);
  if (!row) throw notFound('USER.NOT_FOUND', '用户不存在');
  return row;
}

/**
 * Replaces the user's roles in one org (their own org unless another is named).
 * @throws USER.NOT_FOUND, USER.INVALID, USER.LAST_ADMIN (409)
 */
export async function setUserRoles(ctx: ServiceContext, id: string, roles: Role[], orgId?: string): Promise<User> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadForChange(ctx, trx, id);
    const targetOrg = orgId ?? row.org_id;
    const unique = [...new Set(roles)];
    const problems = await roleProblems({ ...ctx, db: trx }, targetOrg, unique);
    // An empty list removes an extra membership; the user's own org keeps at least one role.
    const relevant = targetOrg === row.org_id ? problems : problems.filter((p) => !p.message.startsWith('至少'));
    if (relevant.length > 0) throw invalid('USER.INVALID', '岗位设置不正确', relevant);
    const before = await repo.rolesOfUser(trx, id);
    if (before.some((r) => r.role === 'bureau_admin' && r.orgId === targetOrg) && !unique.includes('bureau_admin')) {
      await assertAnotherAdmin(trx, id);
    }
    await repo.replaceRoles(trx, id, targetOrg, unique);
    await recordAudit(trx, ctx, {
      action: 'user.set_roles',
      targetType: 'user',
      targetId: id,
      summary: { orgId: targetOrg, before: before.filter((r) => r.orgId === targetOrg).map((r) => r.role), after: unique },
    });
    return toUser(row, await repo.rolesOfUser(trx, id), ctx.now.toISOString());
  });
}

async function assertAnotherAdmin(trx: ServiceContext['db'], userId: string): Promise<void> {
  if ((await repo.countActiveAdminsExcept(trx, userId)) === 0) throw conflict('USER.LAST_ADMIN', '不能移除最后一名启用中的系统管理员');
}

/**
 * Deactivates or reactivates an account; deactivation ends its sessions.
 * @throws USER.NOT_FOUND, USER.LAST_ADMIN (409), USER.SELF (409)
 */
export async function setUserActive(ctx: ServiceContext, id: string, active: boolean): Promise<User> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadForChange(ctx, trx, id);
    if (!active && id === actorOf(ctx).userId) throw conflict('USER.SELF', '不能停用自己的账号');
    if (!active) {
      const roles = await repo.rolesOfUser(trx, id);
      if (roles.some((r) => r.role === 'bureau_admin')) await assertAnotherAdmin(trx, id);
      await repo.deleteSessionsOfUser(trx, id);
    }
    const now = ctx.now.toISOString();
    await repo.updateUser(trx, id, { active, updated_at: now });
    await recordAudit(trx, ctx, { action: active ? 'user.activate' : 'user.deactivate', targetType: 'user', targetId: id, summary: { username: row.username } });
    return toUser({ ...row, active, updated_at: now }, await repo.rolesOfUser(trx, id), now);
  });
}

/**
 * Sets a new password chosen by the administrator, unlocks the account and ends its sessions.
 * @throws USER.NOT_FOUND, USER.INVALID (weak password)
 */
export async function resetUserPassword(ctx: ServiceContext, id: string, password: string): Promise<User> {
  const target = await loadForChange(ctx, ctx.db, id);
  const problems = passwordProblems(password, target.username);
  if (problems.length > 0) throw invalid('USER.INVALID', '密码不符合强度要求', problems);
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now.toISOString();
    const patch = { password_hash: passwordHash, password_changed_at: now, failed_logins: 0, locked_until: null, updated_at: now };
    await repo.updateUser(trx, id, patch);
    await repo.deleteSessionsOfUser(trx, id);
    await recordAudit(trx, ctx, { action: 'user.reset_password', targetType: 'user', targetId: id, summary: { username: target.username } });
    return toUser({ ...target, ...patch }, await repo.rolesOfUser(trx, id), now);
  });
}

async function writeEmail(ctx: ServiceContext, trx: ServiceContext['db'], row: repo.UserRow, email: string | null): Promise<repo.UserRow> {
  const now = ctx.now.toISOString();
  await repo.updateUser(trx, row.id, { email, updated_at: now });
  await recordAudit(trx, ctx, { action: 'user.set_email', targetType: 'user', targetId: row.id, summary: { username: row.username, before: row.email ?? null, after: email } });
  return { ...row, email, updated_at: now };
}

function checkedEmail(email: string | null): string | null {
  if (email === null) return null;
  const trimmed = email.trim();
  const problem = emailProblem(trimmed);
  if (problem) throw invalid('USER.INVALID', '电子邮箱地址不正确', [{ path: 'body.email', message: problem }]);
  return trimmed;
}

/**
 * Sets (or, with null, removes) a user's address for notification e-mails.
 * @throws USER.NOT_FOUND, USER.INVALID (malformed address), ACCESS.FORBIDDEN
 */
export async function setUserEmail(ctx: ServiceContext, id: string, email: string | null): Promise<User> {
  if (!canManageUsers(actorOf(ctx).roles)) throw forbidden();
  const address = checkedEmail(email);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadForChange(ctx, trx, id);
    const updated = await writeEmail(ctx, trx, row, address);
    return toUser(updated, await repo.rolesOfUser(trx, id), ctx.now.toISOString());
  });
}

/** Sets (or removes) the caller's own notification address. @throws USER.INVALID */
export async function setMyEmail(ctx: ServiceContext, email: string | null): Promise<{ email: string | null }> {
  const actor = actorOf(ctx);
  const address = checkedEmail(email);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findUserById(trx, actor.userId);
    if (!row) throw notFound('USER.NOT_FOUND', '用户不存在');
    return { email: (await writeEmail(ctx, trx, row, address)).email };
  });
}
