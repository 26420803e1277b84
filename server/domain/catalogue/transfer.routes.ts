// Spreadsheet import/export of the list and the import template (issue 3 §6).
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { contextOf } from '../../platform/context.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { ListQuery } from './catalogue.schemas.ts';
import { exportItems, importTemplate, type ExportFile } from './export.service.ts';
import { ImportReport, importItems, type ImportMode } from './import.service.ts';

const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const IMPORT_MODES = ['all', 'validRows'] as const;

// The list's filters without its paging: an export walks every page itself.
const { cursor: _cursor, limit: _limit, ...listFilters } = ListQuery.properties;
const ExportQuery = Type.Object({ ...listFilters, format: Type.Optional(Type.Union([Type.Literal('xlsx'), Type.Literal('json')])) });

function sendFile(reply: FastifyReply, file: ExportFile) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileNameZh)}`)
    .header('cache-control', 'no-store')
    .send(file.stream);
}

// Errors @fastify/multipart raises while reading the upload, as this API's envelope.
function uploadError(e: unknown): unknown {
  const code = (e as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new DomainError(413, 'IMPORT.FILE_TOO_LARGE', '文件不能超过 20 MB');
  if (code === 'FST_FILES_LIMIT') return new DomainError(413, 'IMPORT.TOO_MANY_FILES', '一次只能上传一个文件');
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return invalid('IMPORT.BAD_UPLOAD', '上传的表单字段过多');
  return e;
}

export const transferRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Multipart only for this plugin's routes (encapsulated): one file of at most 20 MB and a few small fields.
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, fieldSize: 100, parts: 8 } });

  app.get(
    '/api/items/import-template.xlsx',
    { config: { access: 'authenticated' }, schema: { tags: ['items'], summary: '清单导入模板（.xlsx，中文表头）' } },
    async (request, reply) => sendFile(reply, importTemplate(contextOf(request))),
  );

  app.post(
    '/api/items/import',
    {
      config: { access: ['bureau_admin', 'dept_editor'] },
      schema: {
        tags: ['items'],
        summary: '导入清单（.xlsx）',
        description:
          'multipart/form-data：file（.xlsx，≤ 20 MB）与 mode（all | validRows，默认 all；也可放在查询参数中）。' +
          '文件可读即答 200 与逐格错误报告：mode=all 时只要有错误就什么也不写入（committed=false），mode=validRows 时写入无误的事项并报告其余。' +
          '政务服务局管理员导入的事项直接生效（审计 item.import），部门经办人只能导入本单位事项且生成草稿。',
        querystring: Type.Object({ mode: Type.Optional(Type.Union([Type.Literal('all'), Type.Literal('validRows')])) }),
        response: { 200: ImportReport },
      },
    },
    async (request) => {
      if (!request.isMultipart()) throw invalid('IMPORT.NO_FILE', '请以 multipart/form-data 上传 .xlsx 文件（字段 file）', [{ path: 'body.file', message: '缺少文件' }]);
      let file: { data: Buffer; name: string } | undefined;
      let mode: string | undefined = request.query.mode;
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') file = { data: await part.toBuffer(), name: part.filename };
          else if (part.fieldname === 'mode') mode = String(part.value);
        }
      } catch (e) {
        throw uploadError(e);
      }
      if (!file || file.data.length === 0) throw invalid('IMPORT.NO_FILE', '请选择要导入的 .xlsx 文件', [{ path: 'body.file', message: '缺少文件' }]);
      if (mode !== undefined && !IMPORT_MODES.includes(mode as ImportMode)) {
        throw invalid('IMPORT.INVALID_MODE', '导入方式应为 all 或 validRows', [{ path: 'body.mode', message: '取值应为 all 或 validRows' }]);
      }
      return importItems(contextOf(request), file.data, { mode: mode as ImportMode | undefined, fileName: file.name });
    },
  );

  app.get(
    '/api/items/export',
    { config: { access: 'authenticated' }, schema: { tags: ['items'], summary: '导出清单（xlsx 同导入格式 / JSON，筛选条件同清单查询）', querystring: ExportQuery } },
    async (request, reply) => {
      const { org, format, ...rest } = request.query;
      return sendFile(reply, await exportItems(contextOf(request), { ...rest, orgId: org }, format ?? 'xlsx'));
    },
  );

  app.get(
    '/api/public/items/export',
    { config: { access: 'public' }, schema: { tags: ['public'], summary: '公开清单导出（xlsx / JSON）', querystring: ExportQuery } },
    async (request, reply) => {
      const { org, format, ...rest } = request.query;
      return sendFile(reply, await exportItems({ ...contextOf(request), actor: null }, { ...rest, orgId: org }, format ?? 'xlsx'));
    },
  );
};
