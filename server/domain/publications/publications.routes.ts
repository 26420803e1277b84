import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../platform/context.ts';
import { comparePublications, getPublication, listPublications, publishList } from './publications.service.ts';

const Key = Type.Object({ number: Type.String({ minLength: 1, maxLength: 100 }) });

export const publicationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/api/publications', { config: { access: ['bureau_admin', 'bureau_reviewer'] }, schema: { tags: ['publications'], summary: '公布清单（盖章、记入透明日志）' } }, async (request, reply) =>
    reply.status(201).send(await publishList(contextOf(request))),
  );
  app.get('/api/public/publications', { config: { access: 'public' }, schema: { tags: ['public'], summary: '清单公布历史' } }, async (request) => ({
    items: await listPublications(contextOf(request)),
  }));
  app.get('/api/public/publications/:number', { config: { access: 'public' }, schema: { tags: ['public'], summary: '某期清单（盖章 JSON 与印章记录）', params: Key } }, async (request) =>
    getPublication(contextOf(request), request.params.number),
  );
  app.get(
    '/api/public/publications/:a/diff/:b',
    { config: { access: 'public' }, schema: { tags: ['public'], summary: '两期清单比较', params: Type.Object({ a: Type.String({ maxLength: 100 }), b: Type.String({ maxLength: 100 }) }) } },
    async (request) => comparePublications(contextOf(request), request.params.a, request.params.b),
  );
};
