import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import client from 'prom-client';
import { pingDatabase } from '../db/database.ts';

/** /healthz (process alive), /readyz (database answers) and /metrics (Prometheus). */
export function registerObservability(app: FastifyInstance): void {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'qingdan_' });
  const duration = new client.Histogram({
    name: 'qingdan_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  const Health = Type.Object({ status: Type.String() });
  app.get('/healthz', { schema: { tags: ['ops'], summary: '存活检查', response: { 200: Health } } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { tags: ['ops'], summary: '就绪检查（数据库）', response: { 200: Health, 503: Health } } }, async (_request, reply) => {
    try {
      await pingDatabase(app.db);
      return { status: 'ready' };
    } catch {
      return reply.status(503).send({ status: 'database unavailable' });
    }
  });
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
}
