// Attachments of triggers and adjustment requests: upload (multipart), list, download, remove (issue 4 §1–2).
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ATTACHMENT_MAX_BYTES } from '../../../common/adjustment-views.ts';
import { contextOf } from '../../platform/context.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { addAttachment, downloadAttachment, listAttachments, removeAttachment, type OwnerType, type UploadedFile } from './attachments.service.ts';

const STAFF = { access: 'authenticated' } as const;
const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const UPLOAD_DESCRIPTION = 'multipart/form-data：file（一个文件，≤ 20 MB；pdf、ofd、doc、docx、xls、xlsx、jpg、png）与可选的 note（说明，≤ 500 字）。';

/** RFC 6266 / 5987: an ASCII fallback name and the exact UTF-8 name. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

// Reads the one file and the note; errors of @fastify/multipart become this API's envelope.
async function readUpload(request: FastifyRequest): Promise<UploadedFile> {
  if (!request.isMultipart()) throw invalid('ATTACHMENT.NO_FILE', '请以 multipart/form-data 上传文件（字段 file）', [{ path: 'body.file', message: '缺少文件' }]);
  let file: UploadedFile | undefined;
  let note: string | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') file = { fileName: part.filename, bytes: await part.toBuffer() };
      else if (part.fieldname === 'note') note = String(part.value);
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new DomainError(413, 'ATTACHMENT.TOO_LARGE', '文件不能超过 20 MB');
    if (code === 'FST_FILES_LIMIT') throw new DomainError(413, 'ATTACHMENT.TOO_MANY_FILES', '一次只能上传一个文件');
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_FIELD_SIZE_LIMIT') throw invalid('ATTACHMENT.BAD_UPLOAD', '上传的表单字段过多或过长');
    throw e;
  }
  if (!file) throw invalid('ATTACHMENT.NO_FILE', '请选择要上传的文件', [{ path: 'body.file', message: '缺少文件' }]);
  return { ...file, note };
}

export const attachmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Multipart only for this plugin's routes (encapsulated): one file of at most 20 MB and a short note.
  await app.register(multipart, { limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 2, fieldSize: 2000, parts: 4 } });

  for (const [segment, ownerType, label] of [['triggers', 'trigger', '调整事由'], ['adjustments', 'adjustment', '调整申请']] as const satisfies ReadonlyArray<readonly [string, OwnerType, string]>) {
    app.post(
      `/api/${segment}/:id/attachments`,
      { config: STAFF, schema: { tags: ['adjustments'], summary: `上传${label}附件`, description: UPLOAD_DESCRIPTION, params: Id } },
      async (request, reply) => reply.status(201).send(await addAttachment(contextOf(request), ownerType, request.params.id, await readUpload(request))),
    );
    app.get(`/api/${segment}/:id/attachments`, { config: STAFF, schema: { tags: ['adjustments'], summary: `${label}附件列表`, params: Id } }, async (request) => ({
      items: await listAttachments(contextOf(request), ownerType, request.params.id),
    }));
  }

  app.get('/api/attachments/:id', { config: STAFF, schema: { tags: ['adjustments'], summary: '下载附件', params: Id } }, async (request, reply) => {
    const { attachment, bytes } = await downloadAttachment(contextOf(request), request.params.id);
    return reply
      .header('content-type', attachment.contentType)
      .header('content-disposition', contentDisposition(attachment.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(bytes);
  });
  app.post('/api/attachments/:id/remove', { config: STAFF, schema: { tags: ['adjustments'], summary: '移除附件（记录与文件保留备查）', params: Id } }, async (request) =>
    removeAttachment(contextOf(request), request.params.id),
  );
};
