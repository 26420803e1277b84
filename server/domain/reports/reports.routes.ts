import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../platform/context.ts';
import { acknowledgeReport, getReport, listReports, prepareReport, queryReport, reportFile, sendReport } from './reports.service.ts';

const BUREAU = { access: ['bureau_admin', 'bureau_reviewer'] } as const;
const READERS = { access: ['bureau_admin', 'bureau_reviewer', 'auditor'] } as const;
const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Reply = Type.Object({ reply: Type.String({ minLength: 1, maxLength: 4000 }) }, { additionalProperties: false });

export const reportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/reports',
    {
      config: BUREAU,
      schema: {
        tags: ['reports'],
        summary: '生成清单报备材料（盖章 JSON、表格、盖章报备函）',
        body: Type.Object({ publicationNumber: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => reply.status(201).send(await prepareReport(contextOf(request), request.body.publicationNumber)),
  );
  app.get('/api/reports', { config: READERS, schema: { tags: ['reports'], summary: '报备记录' } }, async (request) => ({ items: await listReports(contextOf(request)) }));
  app.get('/api/reports/:id', { config: READERS, schema: { tags: ['reports'], summary: '报备详情（状态、文件清单、全部报送记录）', params: Id } }, async (request) =>
    getReport(contextOf(request), request.params.id),
  );
  app.post(
    '/api/reports/:id/send',
    { config: BUREAU, schema: { tags: ['reports'], summary: '报送（失败时记录并按退避策略自动重试，答 502）', params: Id } },
    async (request) => sendReport(contextOf(request), request.params.id),
  );
  app.post('/api/reports/:id/acknowledge', { config: BUREAU, schema: { tags: ['reports'], summary: '记录市局已确认（附回复）', params: Id, body: Reply } }, async (request) =>
    acknowledgeReport(contextOf(request), request.params.id, request.body.reply),
  );
  app.post('/api/reports/:id/query', { config: BUREAU, schema: { tags: ['reports'], summary: '记录市局疑问（附回复）', params: Id, body: Reply } }, async (request) =>
    queryReport(contextOf(request), request.params.id, request.body.reply),
  );
  app.get(
    '/api/reports/:id/files/:name',
    { config: READERS, schema: { tags: ['reports'], summary: '下载报备文件', params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), name: Type.String({ pattern: '^[A-Za-z0-9._-]{1,100}$' }) }) } },
    async (request, reply) => {
      const { file, bytes } = await reportFile(contextOf(request), request.params.id, request.params.name);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.name}"`)
        .header('x-content-sha256', file.sha256)
        .header('cache-control', 'no-store')
        .send(bytes);
    },
  );
};
