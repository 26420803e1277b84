import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { literalUnion as enumOf } from '../../../common/schema-helpers.ts';
import { contextOf } from '../../platform/context.ts';
import { FEEDBACK_CATEGORIES } from './feedback.policy.ts';
import { answerFeedback, listFeedback, listPublicFeedback, overdueFeedback, submitFeedback } from './feedback.service.ts';

const CODE = '^[0-9A-Z]{31}$';

const PublicFeedback = Type.Object({
  id: Type.String(),
  category: enumOf(FEEDBACK_CATEGORIES),
  categoryLabel: Type.String(),
  text: Type.String(),
  submittedOn: Type.String({ description: 'YYYY-MM-DD（北京时间）' }),
  dueOn: Type.String({ description: '答复期限（工作日计算）' }),
  answer: Type.Union([Type.String(), Type.Null()]),
  answeredAt: Type.Union([Type.String(), Type.Null()]),
});

const FeedbackBody = Type.Object(
  {
    target: Type.Union([
      Type.Object({ kind: Type.Literal('item'), implementationCode: Type.String({ pattern: CODE }) }, { additionalProperties: false }),
      Type.Object({ kind: Type.Literal('publication'), number: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }),
    ]),
    category: enumOf(FEEDBACK_CATEGORIES),
    text: Type.String({ minLength: 10, maxLength: 2000 }),
    contact: Type.Optional(
      Type.Object(
        {
          name: Type.Optional(Type.String({ maxLength: 50 })),
          phone: Type.Optional(Type.String({ maxLength: 20, pattern: '^[0-9+()\\- ]*$' })),
          email: Type.Optional(Type.String({ maxLength: 100, pattern: '^$|^[^@\\s]+@[^@\\s]+$' })),
        },
        { additionalProperties: false },
      ),
    ),
    website: Type.Optional(Type.String({ maxLength: 200, description: '留空（防机器人字段）' })),
  },
  { additionalProperties: false },
);

export const feedbackRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/public/feedback',
    {
      config: { access: 'public' },
      // Anonymous input: a small body, whatever the app-wide limit.
      bodyLimit: 16 * 1024,
      schema: {
        tags: ['public'],
        summary: '提交社会监督意见（无需登录；联系方式仅答复单位可见，从不公开）',
        body: FeedbackBody,
        response: { 201: Type.Object({ id: Type.String(), submittedOn: Type.String(), dueOn: Type.String() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await submitFeedback(contextOf(request), request.body)),
  );
  app.get(
    '/api/public/feedback',
    {
      config: { access: 'public' },
      schema: {
        tags: ['public'],
        summary: '某事项或某期清单的社会监督意见与答复',
        querystring: Type.Object({ item: Type.Optional(Type.String({ pattern: CODE })), publication: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) }),
        // The response schema is the allow-list: a contact field could not be serialised even if a query selected it.
        response: { 200: Type.Object({ items: Type.Array(PublicFeedback) }) },
      },
    },
    async (request) => ({ items: await listPublicFeedback(contextOf(request), request.query) }),
  );
  app.get(
    '/api/feedback',
    { config: { access: 'authenticated' }, schema: { tags: ['feedback'], summary: '社会监督意见（本单位；政务服务局看全部），含超期标记', querystring: Type.Object({ status: Type.Optional(enumOf(['open', 'answered', 'overdue'] as const)) }) } },
    async (request) => ({ items: await listFeedback(contextOf(request), request.query) }),
  );
  app.get('/api/feedback/overdue', { config: { access: 'authenticated' }, schema: { tags: ['feedback'], summary: '超期未答复的意见（工作台）' } }, async (request) => overdueFeedback(contextOf(request)));
  app.post(
    '/api/feedback/:id/answer',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['feedback'],
        summary: '答复社会监督意见（答复公开）',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        body: Type.Object({ answer: Type.String({ minLength: 1, maxLength: 4000 }) }, { additionalProperties: false }),
      },
    },
    async (request) => answerFeedback(contextOf(request), request.params.id, request.body.answer),
  );
};
