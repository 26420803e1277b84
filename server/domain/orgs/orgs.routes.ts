import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../platform/context.ts';
import { CreateOrgBody, IdParams, MoveOrgBody, Org, OrgNamesBody } from './orgs.schemas.ts';
import { createOrg, getOrg, listOrgs, moveOrg, renameOrg, setOrgActive } from './orgs.service.ts';

const ADMIN = { access: ['bureau_admin'] } as const;

export const orgRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/orgs',
    { config: { access: 'authenticated' }, schema: { tags: ['orgs'], summary: '组织机构树（平铺）', response: { 200: Type.Object({ items: Type.Array(Org) }) } } },
    async (request) => ({ items: await listOrgs(contextOf(request)) }),
  );
  app.get(
    '/api/orgs/:id',
    { config: { access: 'authenticated' }, schema: { tags: ['orgs'], summary: '组织机构详情', params: IdParams, response: { 200: Org } } },
    async (request) => getOrg(contextOf(request), request.params.id),
  );
  app.post(
    '/api/orgs',
    { config: ADMIN, schema: { tags: ['orgs'], summary: '新增组织机构', body: CreateOrgBody, response: { 201: Org } } },
    async (request, reply) => reply.status(201).send(await createOrg(contextOf(request), request.body)),
  );
  app.post(
    '/api/orgs/:id/rename',
    { config: ADMIN, schema: { tags: ['orgs'], summary: '机构更名', params: IdParams, body: OrgNamesBody, response: { 200: Org } } },
    async (request) => renameOrg(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/orgs/:id/move',
    { config: ADMIN, schema: { tags: ['orgs'], summary: '调整上级机构', params: IdParams, body: MoveOrgBody, response: { 200: Org } } },
    async (request) => moveOrg(contextOf(request), request.params.id, request.body.parentId),
  );
  app.post(
    '/api/orgs/:id/deactivate',
    { config: ADMIN, schema: { tags: ['orgs'], summary: '停用机构', params: IdParams, response: { 200: Org } } },
    async (request) => setOrgActive(contextOf(request), request.params.id, false),
  );
  app.post(
    '/api/orgs/:id/activate',
    { config: ADMIN, schema: { tags: ['orgs'], summary: '启用机构', params: IdParams, response: { 200: Org } } },
    async (request) => setOrgActive(contextOf(request), request.params.id, true),
  );
};
