import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../platform/context.ts';
import {
  CatalogueBody, CatalogueVersionBody, CreateItemBody, Deviations, Diff, DiffQuery, DraftList, DraftQuery, DraftResult, IdParams, ImplementationCodeParams, ItemDetail,
  ListPage, ListQuery, LoadBody, SaveDraftBody, StartDraftBody, VersionParams,
} from './catalogue.schemas.ts';
import { addCatalogueVersion, createCatalogueItem, getCatalogueItem, listCatalogue } from './catalogue.service.ts';
import { createItem, diffVersions, discardDraft, getItemDetail, getPublicItem, loadDraft, saveDraft, startDraft, validateDraft } from './items.service.ts';
import { listDeviations, listDraftItems, listItems } from './list.service.ts';

const BUREAU = { access: ['bureau_admin', 'bureau_reviewer'] } as const;
const STAFF = { access: 'authenticated' } as const;

export const catalogueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // ---- public: the list, search and element sets, no login
  app.get('/api/public/items', { config: { access: 'public' }, schema: { tags: ['public'], summary: '公开清单查询与检索', querystring: ListQuery, response: { 200: ListPage } } }, async (request) => {
    const { org, ...rest } = request.query;
    return listItems({ ...contextOf(request), actor: null }, { ...rest, orgId: org });
  });
  app.get(
    '/api/public/items/:code',
    { config: { access: 'public' }, schema: { tags: ['public'], summary: '事项要素（现行或指定日期）', params: ImplementationCodeParams, querystring: Type.Object({ asOf: Type.Optional(Type.String({ maxLength: 40 })) }) } },
    async (request) => getPublicItem({ ...contextOf(request), actor: null }, request.params.code, request.query.asOf),
  );

  // ---- catalogue (基本目录)
  app.get(
    '/api/catalogue-items',
    { config: STAFF, schema: { tags: ['catalogue'], summary: '基本目录', querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 50 })), type: Type.Optional(Type.String({ pattern: '^\\d{2}$' })), cursor: Type.Optional(Type.String({ maxLength: 12 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }) } },
    async (request) => listCatalogue(contextOf(request), request.query),
  );
  app.get('/api/catalogue-items/:id', { config: STAFF, schema: { tags: ['catalogue'], summary: '目录事项详情与版本', params: IdParams } }, async (request) =>
    getCatalogueItem(contextOf(request), request.params.id),
  );
  app.post('/api/catalogue-items', { config: BUREAU, schema: { tags: ['catalogue'], summary: '新增目录事项（认领或本地）', body: CatalogueBody } }, async (request, reply) =>
    reply.status(201).send(await createCatalogueItem(contextOf(request), request.body)),
  );
  app.post(
    '/api/catalogue-items/:id/versions',
    { config: BUREAU, schema: { tags: ['catalogue'], summary: '目录事项新版本（标记需复核的实施事项）', params: IdParams, body: CatalogueVersionBody } },
    async (request, reply) => reply.status(201).send(await addCatalogueVersion(contextOf(request), request.params.id, request.body)),
  );

  // ---- implemented items (实施清单)
  app.get('/api/items', { config: STAFF, schema: { tags: ['items'], summary: '实施清单（工作台）', querystring: ListQuery, response: { 200: ListPage } } }, async (request) => {
    const { org, ...rest } = request.query;
    return listItems(contextOf(request), { ...rest, orgId: org });
  });
  app.get(
    '/api/items/drafts',
    { config: STAFF, schema: { tags: ['items'], summary: '草稿（含尚未生效的新事项）', querystring: DraftQuery, response: { 200: DraftList } } },
    async (request) => listDraftItems(contextOf(request), { orgId: request.query.org, limit: request.query.limit }),
  );
  app.post(
    '/api/items',
    { config: { access: ['bureau_admin', 'dept_editor'] }, schema: { tags: ['items'], summary: '新增实施事项（生成实施编码与首个草稿）', body: CreateItemBody, response: { 201: ItemDetail } } },
    async (request, reply) => reply.status(201).send(await createItem(contextOf(request), request.body)),
  );
  app.get(
    '/api/items/:code',
    { config: STAFF, schema: { tags: ['items'], summary: '事项详情、草稿与版本历史', params: ImplementationCodeParams, response: { 200: ItemDetail } } },
    async (request) => getItemDetail(contextOf(request), request.params.code),
  );
  app.post(
    '/api/items/:code/drafts',
    { config: STAFF, schema: { tags: ['items'], summary: '新建草稿（takeOver: 承接目录新版本）', params: ImplementationCodeParams, body: StartDraftBody, response: { 201: DraftResult } } },
    async (request, reply) => reply.status(201).send(await startDraft(contextOf(request), request.params.code, request.body)),
  );
  app.put(
    '/api/items/:code/versions/:versionNo',
    { config: STAFF, schema: { tags: ['items'], summary: '保存草稿（返回全部校验问题）', params: VersionParams, body: SaveDraftBody, response: { 200: DraftResult } } },
    async (request) => saveDraft(contextOf(request), request.params.code, request.params.versionNo, request.body.elements, request.body.changeNote),
  );
  app.post(
    '/api/items/:code/versions/:versionNo/validate',
    { config: STAFF, schema: { tags: ['items'], summary: '校验草稿', params: VersionParams, response: { 200: DraftResult } } },
    async (request) => validateDraft(contextOf(request), request.params.code, request.params.versionNo),
  );
  app.post('/api/items/:code/versions/:versionNo/discard', { config: STAFF, schema: { tags: ['items'], summary: '删除草稿', params: VersionParams } }, async (request, reply) => {
    await discardDraft(contextOf(request), request.params.code, request.params.versionNo);
    return reply.status(204).send();
  });
  app.post(
    '/api/items/:code/versions/:versionNo/load',
    { config: { access: ['bureau_admin'] }, schema: { tags: ['items'], summary: '草稿直接生效（初始清单载入）', params: VersionParams, body: LoadBody, response: { 200: ItemDetail } } },
    async (request) => loadDraft(contextOf(request), request.params.code, request.params.versionNo, request.body.effectiveFrom),
  );
  app.get(
    '/api/items/:code/diff',
    { config: STAFF, schema: { tags: ['items'], summary: '两个版本的要素差异', params: ImplementationCodeParams, querystring: DiffQuery, response: { 200: Diff } } },
    async (request) => diffVersions(contextOf(request), request.params.code, request.query.from, request.query.to),
  );
  app.get('/api/consistency', { config: STAFF, schema: { tags: ['items'], summary: '同源一致性偏差', response: { 200: Deviations } } }, async (request) => ({
    deviations: await listDeviations(contextOf(request)),
  }));
};
