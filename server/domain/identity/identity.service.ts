import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Role } from '../../../common/roles.ts';
import { ROLES } from '../../../common/roles.ts';
import type { Actor, ServiceContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/context.ts';
import { DomainError, invalid, notFound } from '../../platform/errors.ts';
import { enforceRateLimit } from '../../platform/rate-limit.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { orgsByIds } from '../orgs/orgs.service.ts';
import { passwordProblems } from './identity.policy.ts';
import * as repo from './identity.repo.ts';

export interface Membership {
  orgId: string;
  orgName: string;
  roles: Role[];
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  orgId: string;
  orgName: string;
  roles: Role[];
  memberships: Membership[];
  csrfToken: string;
  /** Address for notification e-mails, if any. */
  email: string | null;
}

export interface LoginResult {
  me: Me;
  /** Raw session token for the cookie; only its SHA-256 is stored. */
  token: string;
  maxAgeSeconds: number;
}

// Verified against when the username is unknown, so both paths cost one argon2 verification.
const DUMMY_HASH = await hash('qingdan-timing-equaliser');

/** argon2id hash of a password. */
export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

// Staff read Beijing time.
const beijingTime = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });
const locked = (until: string) =>
  new DomainError(429, 'AUTH.LOCKED', `登录失败次数过多，账号已临时锁定，请于 ${beijingTime(until)} 后再试或联系管理员`, { lockedUntil: until });

function isRole(r: string): r is Role {
  return (ROLES as readonly string[]).includes(r);
}

async function memberships(ctx: ServiceContext, userId: string): Promise<Membership[]> {
  const roles = await repo.rolesOfUser(ctx.db, userId);
  const orgs = await orgsByIds(ctx, roles.map((r) => r.orgId));
  const byOrg = new Map<string, Role[]>();
  for (const r of roles) {
    if (!isRole(r.role) || !orgs.get(r.orgId)?.active) continue;
    byOrg.set(r.orgId, [...(byOrg.get(r.orgId) ?? []), r.role]);
  }
  return [...byOrg].map(([orgId, rs]) => ({ orgId, orgName: orgs.get(orgId)?.nameZh ?? '', roles: rs }));
}

async function buildMe(ctx: ServiceContext, user: repo.UserRow, activeOrgId: string, csrfToken: string): Promise<Me> {
  const ms = await memberships(ctx, user.id);
  const active = ms.find((m) => m.orgId === activeOrgId) ?? ms[0];
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    orgId: active?.orgId ?? user.org_id,
    orgName: active?.orgName ?? '',
    roles: active?.roles ?? [],
    memberships: ms,
    csrfToken,
    email: user.email ?? null,
  };
}

/**
 * Signs a staff member in: checks the per-IP window and the account lock, verifies the argon2id hash, opens a session.
 * @throws AUTH.INVALID_CREDENTIALS (401), AUTH.LOCKED (429), RATE.LIMITED (429)
 */
export async function login(ctx: ServiceContext, username: string, password: string, userAgent: string | null): Promise<LoginResult> {
  const { login: limits, session: sessionCfg } = ctx.config;
  const now = ctx.now;
  const nowIso = now.toISOString();
  await enforceRateLimit(ctx.db, `login-ip:${ctx.ip ?? 'unknown'}`, now, limits.perIpPerMinute, 60, '登录尝试过于频繁，请一分钟后再试');

  const user = await repo.findUserByUsername(ctx.db, username);
  if (!user) {
    await verify(DUMMY_HASH, password);
    throw new DomainError(401, 'AUTH.INVALID_CREDENTIALS', '用户名或密码不正确');
  }
  if (user.locked_until && user.locked_until > nowIso) throw locked(user.locked_until);
  const ok = await verify(user.password_hash, password);
  if (!ok) {
    // The counter and the lock live in the database, so every process sees the same lock.
    const failures = await ctx.db.transaction().execute(async (trx) => {
      const n = await repo.incrementFailedLogins(trx, user.id, nowIso);
      if (n >= limits.maxFailures) {
        const until = new Date(now.getTime() + limits.lockMinutes * 60_000).toISOString();
        await repo.updateUser(trx, user.id, { locked_until: until, failed_logins: 0 });
        await recordAudit(trx, ctx, { action: 'auth.lock', targetType: 'user', targetId: user.id, summary: { username, lockedUntil: until } }, { id: user.id, name: user.display_name, orgId: user.org_id, role: null });
      }
      return n;
    });
    if (failures >= limits.maxFailures) throw locked(new Date(now.getTime() + limits.lockMinutes * 60_000).toISOString());
    throw new DomainError(401, 'AUTH.INVALID_CREDENTIALS', '用户名或密码不正确');
  }
  if (!user.active) throw new DomainError(401, 'AUTH.INVALID_CREDENTIALS', '用户名或密码不正确');
  const ms = await memberships(ctx, user.id);
  if (ms.length === 0) throw new DomainError(403, 'AUTH.NO_ROLE', '该账号未分配任何岗位，请联系管理员');
  const activeOrg = ms.find((m) => m.orgId === user.org_id)?.orgId ?? ms[0].orgId;

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const maxAgeSeconds = sessionCfg.absoluteHours * 3600;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, user.id, { failed_logins: 0, locked_until: null, updated_at: nowIso });
    await repo.insertSession(trx, {
      id: sessionIdOf(token),
      user_id: user.id,
      org_id: activeOrg,
      csrf_token: csrfToken,
      created_at: nowIso,
      last_seen_at: nowIso,
      expires_at: new Date(now.getTime() + maxAgeSeconds * 1000).toISOString(),
      ip: ctx.ip,
      user_agent: userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(trx, ctx, { action: 'auth.login', targetType: 'user', targetId: user.id, summary: { username } }, { id: user.id, name: user.display_name, orgId: activeOrg, role: null });
  });
  return { me: await buildMe(ctx, user, activeOrg, csrfToken), token, maxAgeSeconds };
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
}

/** Resolves a session cookie to its actor, enforcing idle and absolute expiry; undefined when not valid. */
export async function resolveSession(ctx: ServiceContext, token: string): Promise<ResolvedSession | undefined> {
  const id = sessionIdOf(token);
  const session = await repo.findSession(ctx.db, id);
  if (!session) return undefined;
  const now = ctx.now;
  const idleLimit = new Date(now.getTime() - ctx.config.session.idleMinutes * 60_000).toISOString();
  if (session.expires_at <= now.toISOString() || session.last_seen_at < idleLimit) {
    await repo.deleteSession(ctx.db, id);
    return undefined;
  }
  const user = await repo.findUserById(ctx.db, session.user_id);
  if (!user || !user.active) return undefined;
  const ms = await memberships(ctx, user.id);
  const m = ms.find((x) => x.orgId === session.org_id);
  if (!m) return undefined;
  // Touch at most once a minute: sessions live in the database, and every request would otherwise write.
  if (now.getTime() - Date.parse(session.last_seen_at) > 60_000) {
    await repo.updateSession(ctx.db, id, { last_seen_at: now.toISOString() });
  }
  return {
    actor: { userId: user.id, username: user.username, displayName: user.display_name, orgId: m.orgId, roles: m.roles, sessionId: id },
    csrfToken: session.csrf_token,
  };
}

/** Ends the caller's session. */
export async function logout(ctx: ServiceContext): Promise<void> {
  const actor = actorOf(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteSession(trx, actor.sessionId);
    await recordAudit(trx, ctx, { action: 'auth.logout', targetType: 'user', targetId: actor.userId, summary: {} });
  });
}

/** The signed-in user with memberships and the CSRF token the web app must echo. */
export async function getMe(ctx: ServiceContext): Promise<Me> {
  const actor = actorOf(ctx);
  const user = await repo.findUserById(ctx.db, actor.userId);
  const session = await repo.findSession(ctx.db, actor.sessionId);
  if (!user || !session) throw notFound('USER.NOT_FOUND', '用户不存在');
  return buildMe(ctx, user, session.org_id, session.csrf_token);
}

/**
 * Switches the session's active org to another org where the user holds roles.
 * @throws AUTH.NOT_A_MEMBER (404)
 */
export async function switchOrg(ctx: ServiceContext, orgId: string): Promise<Me> {
  const actor = actorOf(ctx);
  const ms = await memberships(ctx, actor.userId);
  if (!ms.some((m) => m.orgId === orgId)) throw notFound('AUTH.NOT_A_MEMBER', '您在该机构没有岗位');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateSession(trx, actor.sessionId, { org_id: orgId });
    await recordAudit(trx, ctx, { action: 'auth.switch_org', targetType: 'user', targetId: actor.userId, summary: { from: actor.orgId, to: orgId } });
  });
  return getMe(ctx);
}

/**
 * Changes the caller's password after checking the current one; other sessions of the user end.
 * @throws AUTH.WRONG_PASSWORD (400), AUTH.WEAK_PASSWORD (400)
 */
export async function changePassword(ctx: ServiceContext, currentPassword: string, newPassword: string): Promise<void> {
  const actor = actorOf(ctx);
  const user = await repo.findUserById(ctx.db, actor.userId);
  if (!user) throw notFound('USER.NOT_FOUND', '用户不存在');
  if (!(await verify(user.password_hash, currentPassword))) {
    throw invalid('AUTH.WRONG_PASSWORD', '当前密码不正确', [{ path: 'body.currentPassword', message: '当前密码不正确' }]);
  }
  const problems = passwordProblems(newPassword, user.username).map((p) => ({ ...p, path: 'body.newPassword' }));
  if (currentPassword === newPassword) problems.push({ path: 'body.newPassword', message: '新密码不能与当前密码相同' });
  if (problems.length > 0) throw invalid('AUTH.WEAK_PASSWORD', '新密码不符合强度要求', problems);
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now.toISOString();
    await repo.updateUser(trx, user.id, { password_hash: passwordHash, password_changed_at: now, updated_at: now });
    await repo.deleteSessionsOfUser(trx, user.id, actor.sessionId);
    await recordAudit(trx, ctx, { action: 'auth.change_password', targetType: 'user', targetId: user.id, summary: {} });
  });
}
