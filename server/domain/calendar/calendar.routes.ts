import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';
import { computeDeadline, getCalendarYear, loadCalendarYear } from './calendar.service.ts';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const CalendarDay = Type.Object({
  date: IsoDate,
  kind: Type.Union([Type.Literal('holiday'), Type.Literal('workday')]),
  name: Type.String({ minLength: 1, maxLength: 50 }),
});
const CalendarYear = Type.Object({ year: Type.Integer(), loaded: Type.Boolean(), days: Type.Array(CalendarDay) });
const YearParams = Type.Object({ year: Type.Integer({ minimum: 1990, maximum: 2100 }) });

export const calendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Public: applicants need to know their deadlines too.
  app.get(
    '/api/calendar/deadline',
    {
      config: { access: 'public' },
      schema: {
        tags: ['calendar'],
        summary: '期限计算（工作日或民法月）',
        querystring: Type.Object({
          from: IsoDate,
          workingDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
          months: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
        }),
        response: { 200: Type.Object({ due: IsoDate }) },
      },
    },
    async (request) => {
      const { from, workingDays, months } = request.query;
      if ((workingDays === undefined) === (months === undefined)) {
        throw invalid('CALENDAR.INVALID_QUERY', '请指定 workingDays 或 months 之一', [{ path: 'querystring', message: '请指定 workingDays 或 months 之一' }]);
      }
      return { due: await computeDeadline(contextOf(request), from, { workingDays, months }) };
    },
  );
  app.get(
    '/api/calendar/:year',
    { config: { access: 'public' }, schema: { tags: ['calendar'], summary: '年度节假日与调休安排', params: YearParams, response: { 200: CalendarYear } } },
    async (request) => getCalendarYear(contextOf(request), request.params.year),
  );
  app.post(
    '/api/calendar/:year',
    {
      config: { access: ['bureau_admin'] },
      schema: {
        tags: ['calendar'],
        summary: '载入年度节假日安排',
        params: YearParams,
        body: Type.Object(
          { days: Type.Array(CalendarDay, { maxItems: 120 }), source: Type.Optional(Type.String({ maxLength: 200 })) },
          { additionalProperties: false },
        ),
        response: { 200: CalendarYear },
      },
    },
    async (request) =>
      loadCalendarYear(contextOf(request), request.params.year, request.body.days, request.body.source ?? '国务院办公厅关于部分节假日安排的通知'),
  );
};
