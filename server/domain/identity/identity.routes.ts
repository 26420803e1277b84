import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { SESSION_COOKIE } from '../../platform/auth.ts';
import { contextOf } from '../../platform/context.ts';
import { ChangePasswordBody, CreateUserBody, IdParams, LoginBody, Me, ResetPasswordBody, SetEmailBody, SetRolesBody, SwitchOrgBody, User, UserQuery } from './identity.schemas.ts';
import { changePassword, getMe, login, logout, switchOrg } from './identity.service.ts';
import { createUser, listUsers, resetUserPassword, setMyEmail, setUserActive, setUserEmail, setUserRoles } from './users.service.ts';

const ADMIN = { access: ['bureau_admin'] } as const;

export const identityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/auth/login',
    { config: { access: 'public' }, schema: { tags: ['auth'], summary: '工作人员登录', body: LoginBody, response: { 200: Me } } },
    async (request, reply) => {
      const result = await login(contextOf(request), request.body.username, request.body.password, request.headers['user-agent'] ?? null);
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: request.server.config.session.secureCookie,
        maxAge: result.maxAgeSeconds,
      });
      return result.me;
    },
  );
  app.post(
    '/api/auth/logout',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: '退出登录' } },
    async (request, reply) => {
      await logout(contextOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );
  app.get(
    '/api/me',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: '当前用户', response: { 200: Me } } },
    async (request) => getMe(contextOf(request)),
  );
  app.post(
    '/api/me/org',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: '切换当前机构', body: SwitchOrgBody, response: { 200: Me } } },
    async (request) => switchOrg(contextOf(request), request.body.orgId),
  );
  app.post(
    '/api/me/password',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: '修改密码', body: ChangePasswordBody } },
    async (request, reply) => {
      await changePassword(contextOf(request), request.body.currentPassword, request.body.newPassword);
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/me/email',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: '设置本人接收通知的电子邮箱', body: SetEmailBody, response: { 200: Type.Object({ email: Type.Union([Type.Null(), Type.String()]) }) } } },
    async (request) => setMyEmail(contextOf(request), request.body.email),
  );

  app.get(
    '/api/users',
    { config: { access: ['bureau_admin', 'auditor'] }, schema: { tags: ['users'], summary: '用户列表', querystring: UserQuery, response: { 200: Type.Object({ items: Type.Array(User) }) } } },
    async (request) => ({ items: await listUsers(contextOf(request), request.query) }),
  );
  app.post(
    '/api/users',
    { config: ADMIN, schema: { tags: ['users'], summary: '新增用户', body: CreateUserBody, response: { 201: User } } },
    async (request, reply) => reply.status(201).send(await createUser(contextOf(request), request.body)),
  );
  app.post(
    '/api/users/:id/roles',
    { config: ADMIN, schema: { tags: ['users'], summary: '设置岗位', params: IdParams, body: SetRolesBody, response: { 200: User } } },
    async (request) => setUserRoles(contextOf(request), request.params.id, request.body.roles, request.body.orgId),
  );
  app.post(
    '/api/users/:id/email',
    { config: ADMIN, schema: { tags: ['users'], summary: '设置用户接收通知的电子邮箱', params: IdParams, body: SetEmailBody, response: { 200: User } } },
    async (request) => setUserEmail(contextOf(request), request.params.id, request.body.email),
  );
  app.post(
    '/api/users/:id/deactivate',
    { config: ADMIN, schema: { tags: ['users'], summary: '停用用户', params: IdParams, response: { 200: User } } },
    async (request) => setUserActive(contextOf(request), request.params.id, false),
  );
  app.post(
    '/api/users/:id/activate',
    { config: ADMIN, schema: { tags: ['users'], summary: '启用用户', params: IdParams, response: { 200: User } } },
    async (request) => setUserActive(contextOf(request), request.params.id, true),
  );
  app.post(
    '/api/users/:id/reset-password',
    { config: ADMIN, schema: { tags: ['users'], summary: '重置密码', params: IdParams, body: ResetPasswordBody, response: { 200: User } } },
    async (request) => resetUserPassword(contextOf(request), request.params.id, request.body.password),
  );
};
