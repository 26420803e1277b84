import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ADJUSTMENT_KINDS, ADJUSTMENT_STATES, TRIGGER_KINDS } from '../../../common/adjustment-states.ts';
import { ItemElements } from '../../../common/item-elements.ts';
import { literalUnion as enumOf } from '../../../common/schema-helpers.ts';
import { contextOf } from '../../platform/context.ts';
import { actOnRequest, editRequest, fileRequest, getRequest, listRequests } from './adjustments.service.ts';
import { adjustmentDashboard } from './dashboard.service.ts';
import { addHandoverTask, completeHandoverTask, confirmHandover, getHandover, listHandovers } from './handovers.service.ts';
import { getTrigger, listTriggers, recordNoChange, registerTrigger } from './triggers.service.ts';

const STAFF = { access: 'authenticated' } as const;
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Opinion = Type.Object({ opinion: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 2000 })])) }, { additionalProperties: false });

const TriggerBody = Type.Object(
  {
    kind: Type.String({ enum: Object.keys(TRIGGER_KINDS) }),
    title: Type.String({ minLength: 1, maxLength: 300 }),
    docNumber: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 100 })])),
    issuingBody: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 200 })])),
    docEffectiveOn: Type.Optional(Type.Union([IsoDate, Type.Null()])),
    url: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 500, pattern: '^https?://' })])),
    occurredOn: IsoDate,
    catalogueItemIds: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 200 })),
    itemCodes: Type.Optional(Type.Array(Type.String({ maxLength: 31 }), { maxItems: 500 })),
    responsibleOrgIds: Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 100 }),
  },
  { additionalProperties: false },
);

const RequestBody = Type.Object(
  {
    kind: enumOf(ADJUSTMENT_KINDS),
    reasonCode: Type.String({ minLength: 1, maxLength: 50 }),
    reasonText: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 2000 })])),
    title: Type.String({ minLength: 1, maxLength: 300 }),
    triggerIds: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 20 })),
    receivingOrgId: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 64 })])),
    effectiveFrom: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 40 })])),
    items: Type.Array(
      Type.Object(
        {
          itemCode: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 31 })])),
          catalogueItemId: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 64 })])),
          elements: Type.Optional(Type.Union([Type.Null(), ItemElements])),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 100 },
    ),
    clientTxId: Type.Optional(Type.Union([Type.Null(), Type.String({ minLength: 8, maxLength: 64 })])),
  },
  { additionalProperties: false },
);

export const adjustmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // ---- triggers (调整事由)
  app.post('/api/triggers', { config: STAFF, schema: { tags: ['adjustments'], summary: '登记调整事由（期限：发生之日起一个月）', body: TriggerBody } }, async (request, reply) =>
    reply.status(201).send(await registerTrigger(contextOf(request), request.body)),
  );
  app.get(
    '/api/triggers',
    { config: STAFF, schema: { tags: ['adjustments'], summary: '调整事由（overdue=true 列出超期未办结）', querystring: Type.Object({ status: Type.Optional(enumOf(['open', 'closed'] as const)), overdue: Type.Optional(Type.Boolean()) }) } },
    async (request) => ({ items: await listTriggers(contextOf(request), request.query) }),
  );
  app.get('/api/triggers/:id', { config: STAFF, schema: { tags: ['adjustments'], summary: '调整事由详情', params: Id } }, async (request) => getTrigger(contextOf(request), request.params.id));
  app.post(
    '/api/triggers/:id/no-change',
    { config: { access: ['bureau_admin', 'bureau_reviewer'] }, schema: { tags: ['adjustments'], summary: '记录无需调整（附理由）', params: Id, body: Type.Object({ orgId: Type.String({ maxLength: 64 }), reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }) } },
    async (request) => recordNoChange(contextOf(request), request.params.id, request.body.orgId, request.body.reason),
  );

  // ---- adjustment requests (调整申请)
  app.post('/api/adjustments', { config: STAFF, schema: { tags: ['adjustments'], summary: '提出调整申请（草稿）', body: RequestBody } }, async (request, reply) =>
    reply.status(201).send(await fileRequest(contextOf(request), request.body)),
  );
  app.get(
    '/api/adjustments',
    { config: STAFF, schema: { tags: ['adjustments'], summary: '调整申请列表（queue=true：待审核）', querystring: Type.Object({ state: Type.Optional(enumOf(ADJUSTMENT_STATES)), queue: Type.Optional(Type.Boolean()) }) } },
    async (request) => ({ items: await listRequests(contextOf(request), request.query) }),
  );
  app.get('/api/adjustments/:id', { config: STAFF, schema: { tags: ['adjustments'], summary: '调整申请详情（状态、可执行操作、处理记录、期限）', params: Id } }, async (request) =>
    getRequest(contextOf(request), request.params.id),
  );
  app.put('/api/adjustments/:id', { config: STAFF, schema: { tags: ['adjustments'], summary: '修改草稿或被退回的申请', params: Id, body: RequestBody } }, async (request) =>
    editRequest(contextOf(request), request.params.id, request.body),
  );
  for (const [path, action] of [
    ['submit', 'submit'],
    ['start-review', 'start_review'],
    ['return', 'return'],
    ['approve', 'approve'],
    ['reject', 'reject'],
    ['withdraw', 'withdraw'],
  ] as const) {
    app.post(`/api/adjustments/:id/${path}`, { config: STAFF, schema: { tags: ['adjustments'], summary: `调整申请：${path}`, params: Id, body: Opinion } }, async (request) =>
      actOnRequest(contextOf(request), request.params.id, action, request.body.opinion),
    );
  }

  // ---- handovers (下放/委托/取消的指导与培训)
  app.get('/api/handovers', { config: STAFF, schema: { tags: ['adjustments'], summary: '交接（指导与培训）', querystring: Type.Object({ status: Type.Optional(enumOf(['open', 'closed'] as const)) }) } }, async (request) => ({
    items: await listHandovers(contextOf(request), request.query.status),
  }));
  app.get('/api/handovers/:id', { config: STAFF, schema: { tags: ['adjustments'], summary: '交接详情', params: Id } }, async (request) => getHandover(contextOf(request), request.params.id));
  app.post(
    '/api/handovers/:id/tasks',
    {
      config: STAFF,
      schema: {
        tags: ['adjustments'],
        summary: '添加指导任务（政策文件、实施标准、培训）',
        params: Id,
        body: Type.Object(
          {
            kind: enumOf(['policy_document', 'implementation_standard', 'training'] as const),
            title: Type.String({ minLength: 1, maxLength: 300 }),
            detail: Type.Object({
              date: Type.Optional(IsoDate), trainer: Type.Optional(Type.String({ maxLength: 100 })), attendees: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 200 })),
              materials: Type.Optional(Type.Array(Type.String({ maxLength: 300 }), { maxItems: 50 })), url: Type.Optional(Type.String({ maxLength: 500 })), note: Type.Optional(Type.String({ maxLength: 2000 })),
            }, { additionalProperties: false }),
            done: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => addHandoverTask(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/handovers/:id/tasks/:taskId/complete',
    { config: STAFF, schema: { tags: ['adjustments'], summary: '完成指导任务', params: Type.Object({ id: Type.String({ maxLength: 64 }), taskId: Type.String({ maxLength: 64 }) }) } },
    async (request) => completeHandoverTask(contextOf(request), request.params.id, request.params.taskId),
  );
  app.post(
    '/api/handovers/:id/confirm',
    { config: STAFF, schema: { tags: ['adjustments'], summary: '承接单位确认具备实施条件', params: Id, body: Type.Object({ note: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 2000 })])) }, { additionalProperties: false }) } },
    async (request) => confirmHandover(contextOf(request), request.params.id, request.body.note),
  );

  app.get('/api/dashboard/adjustments', { config: STAFF, schema: { tags: ['adjustments'], summary: '动态调整工作台（期限、待审、交接）' } }, async (request) => adjustmentDashboard(contextOf(request)));
};
