import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../platform/context.ts';
import { consistencyBetween, inclusionByHash, latestTreeHead, leafEntry, treeHeadAt } from './transparency.service.ts';

const PUBLIC = { access: 'public' } as const;
const Hex = Type.String({ pattern: '^[0-9a-fA-F]{64}$' });

/** The public transparency log (RFC 6962 shapes, hashes in hex): anyone can check the list was not rewritten. */
export const transparencyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/public/log/head', { config: PUBLIC, schema: { tags: ['transparency'], summary: '最新签名树头', querystring: Type.Object({ treeSize: Type.Optional(Type.Integer({ minimum: 1 })) }) } }, async (request) =>
    request.query.treeSize ? treeHeadAt(contextOf(request), request.query.treeSize) : latestTreeHead(contextOf(request)),
  );
  app.get(
    '/api/public/log/inclusion',
    { config: PUBLIC, schema: { tags: ['transparency'], summary: '包含证明', querystring: Type.Object({ leafHash: Hex, treeSize: Type.Integer({ minimum: 1 }) }) } },
    async (request) => inclusionByHash(contextOf(request), request.query.leafHash, request.query.treeSize),
  );
  app.get(
    '/api/public/log/consistency',
    { config: PUBLIC, schema: { tags: ['transparency'], summary: '一致性证明', querystring: Type.Object({ first: Type.Integer({ minimum: 1 }), second: Type.Integer({ minimum: 1 }) }) } },
    async (request) => consistencyBetween(contextOf(request), request.query.first, request.query.second),
  );
  app.get('/api/public/log/leaves/:index', { config: PUBLIC, schema: { tags: ['transparency'], summary: '叶子内容', params: Type.Object({ index: Type.Integer({ minimum: 0 }) }) } }, async (request) =>
    leafEntry(contextOf(request), request.params.index),
  );
};
