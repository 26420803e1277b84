import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../platform/context.ts';
import { markNotificationsRead, myNotifications } from './notifications.service.ts';

export const notificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/notifications',
    { config: { access: 'authenticated' }, schema: { tags: ['notifications'], summary: '我的消息（含未读数）', querystring: Type.Object({ unread: Type.Optional(Type.Boolean()) }) } },
    async (request) => myNotifications(contextOf(request), request.query.unread ?? false),
  );
  app.post(
    '/api/notifications/read',
    { config: { access: 'authenticated' }, schema: { tags: ['notifications'], summary: '标记已读', body: Type.Object({ ids: Type.Union([Type.Array(Type.String({ maxLength: 64 }), { maxItems: 200 }), Type.Literal('all')]) }, { additionalProperties: false }) } },
    async (request, reply) => {
      await markNotificationsRead(contextOf(request), request.body.ids);
      return reply.status(204).send();
    },
  );
};
