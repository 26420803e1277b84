import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Serves the built workbench at /admin with client-side routing fallback to index.html. */
export async function registerWeb(app: FastifyInstance, distDir: string): Promise<void> {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) {
    app.get('/admin', { schema: { hide: true } }, async (_request, reply) =>
      reply.status(503).type('text/html; charset=utf-8').send('<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>工作台未构建</title><p>工作台尚未构建：请运行 <code>npm run build:web</code> 或 <code>npm start</code>。</p></html>'),
    );
    return;
  }
  await app.register(fastifyStatic, { root: distDir, prefix: '/admin/', decorateReply: true, wildcard: false, index: false });
  const sendIndex = async (_request: unknown, reply: import('fastify').FastifyReply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html', distDir);
  app.get('/admin', { schema: { hide: true } }, sendIndex);
  app.get('/admin/*', { schema: { hide: true } }, async (request, reply) => {
    const rel = (request.params as { '*': string })['*'];
    const file = path.join(distDir, rel);
    if (rel && file.startsWith(distDir) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      const immutable = rel.startsWith('assets/');
      reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      return reply.sendFile(rel, distDir);
    }
    return sendIndex(request, reply);
  });
}
