import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { randomUUID } from 'node:crypto';
import type { Config } from './config.ts';
import { openDatabase, type Db } from './db/database.ts';
import { auditRoutes } from './domain/audit/audit.routes.ts';
import { calendarRoutes } from './domain/calendar/calendar.routes.ts';
import { adjustmentRoutes } from './domain/adjustments/adjustments.routes.ts';
import { attachmentRoutes } from './domain/adjustments/attachments.routes.ts';
import { notificationRoutes } from './domain/notifications/notifications.routes.ts';
import { publicationRoutes } from './domain/publications/publications.routes.ts';
import { transparencyRoutes } from './domain/transparency/transparency.routes.ts';
import { catalogueRoutes } from './domain/catalogue/catalogue.routes.ts';
import { transferRoutes } from './domain/catalogue/transfer.routes.ts';
import { identityRoutes } from './domain/identity/identity.routes.ts';
import { orgRoutes } from './domain/orgs/orgs.routes.ts';
import { portalRoutes } from './domain/portal/portal.routes.ts';
import { guideRoutes } from './domain/portal/guide.routes.ts';
import { sealRoutes } from './domain/seals/seals.routes.ts';
import { reportRoutes } from './domain/reports/reports.routes.ts';
import { feedbackRoutes } from './domain/feedback/feedback.routes.ts';
import { registerAuth } from './platform/auth.ts';
import { registerErrorHandler } from './platform/errors.ts';
import { registerObservability } from './platform/observability.ts';
import { registerCompression } from './platform/compression.ts';
import { registerSecurityHeaders } from './platform/security-headers.ts';
import { registerWeb } from './platform/web.ts';

export interface BuildOptions {
  /** An already-open database (tests share one per file); otherwise opened from config.databaseUrl. */
  db?: Db;
  logger?: boolean;
}

/** Builds the whole application without listening: platform plugins first, then each domain's routes. */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const database = options.db ?? openDatabase(config.databaseUrl);
  const app = Fastify({
    logger:
      options.logger === false || config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            // Credentials never reach the log.
            redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
          },
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    trustProxy: config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('db', database.db);
  app.decorate('dialect', database.dialect);
  app.decorate('config', config);
  app.addHook('onClose', async () => {
    if (!options.db) await database.destroy();
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerCompression(app);

  registerErrorHandler(app);
  await app.register(cookie);
  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd writes its CSS-in-JS into <style> tags.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Qingdan 清单 API', version: '0.1.0', description: '政务服务事项清单、行政备案与数字化服务接口。错误统一返回 { error: { code, message, details?, requestId } }。' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'qingdan_session' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerAuth(app);
  registerObservability(app);
  await app.register(identityRoutes);
  await app.register(orgRoutes);
  await app.register(calendarRoutes);
  await app.register(auditRoutes);
  await app.register(catalogueRoutes);
  await app.register(adjustmentRoutes);
  await app.register(attachmentRoutes);
  await app.register(notificationRoutes);
  await app.register(publicationRoutes);
  await app.register(transparencyRoutes);
  await app.register(transferRoutes);
  await app.register(portalRoutes);
  await app.register(guideRoutes);
  await app.register(sealRoutes);
  await app.register(reportRoutes);
  await app.register(feedbackRoutes);
  await registerWeb(app, config.webDistDir);
  return app;
}
