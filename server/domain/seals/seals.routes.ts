import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';
import {
  CreateSealBody, IdParams, ImportSealBody, PictureQuery, ReasonBody, RotateBody, Seal, SealDocumentBody, SealedPdf, SealPdfBody, SealUse, SignatureRecord, UsesQuery, Verification, VerifyBody,
} from './seals.schemas.ts';
import {
  createSeal, getSeal, importSeal, listSeals, listSealUses, previewSealPicture, reinstateSeal, revokeSeal, rotateSealKey, sealDocument, sealPdf, sealPicture, suspendSeal,
} from './seals.service.ts';
import { publishedSeals, verifySubmission } from './verify.service.ts';
import { verifyPageRoutes } from './verify-page.ts';

const ADMIN = { access: ['bureau_admin'] } as const;
const TAGS = ['seals'];
const BIG_BODY = 20 * 1024 * 1024;

export const sealRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/seals',
    { config: { access: 'authenticated' }, schema: { tags: TAGS, summary: '电子印章列表（管理员、审计看全部，其他人看本机构）', response: { 200: Type.Object({ items: Type.Array(Seal) }) } } },
    async (request) => ({ items: await listSeals(contextOf(request)) }),
  );
  app.get(
    '/api/seals/picture-preview',
    { config: { access: 'authenticated' }, schema: { tags: TAGS, summary: '印章图片预览（SVG）', querystring: PictureQuery } },
    async (request, reply) => reply.type('image/svg+xml; charset=utf-8').send(previewSealPicture(request.query.rim, request.query.bottom ?? '电子印章')),
  );
  app.get(
    '/api/seals/:id',
    { config: { access: 'authenticated' }, schema: { tags: TAGS, summary: '电子印章详情（含各版本证书）', params: IdParams, response: { 200: Seal } } },
    async (request) => getSeal(contextOf(request), request.params.id),
  );
  app.get(
    '/api/seals/:id/picture',
    { config: { access: 'public' }, schema: { tags: TAGS, summary: '印章图片', params: IdParams } },
    async (request, reply) => {
      const picture = await sealPicture(contextOf(request), request.params.id);
      return reply.type(picture.contentType).header('cache-control', 'public, max-age=300').send(picture.body);
    },
  );
  app.post(
    '/api/seals',
    { config: ADMIN, schema: { tags: TAGS, summary: '为机构制作电子印章（生成密钥与证书）', body: CreateSealBody, response: { 201: Seal } } },
    async (request, reply) => reply.status(201).send(await createSeal(contextOf(request), request.body)),
  );
  app.post(
    '/api/seals/import',
    { config: ADMIN, schema: { tags: TAGS, summary: '导入 CA 签发的印章证书与私钥', body: ImportSealBody, response: { 201: Seal } } },
    async (request, reply) => reply.status(201).send(await importSeal(contextOf(request), request.body)),
  );
  app.post(
    '/api/seals/:id/suspend',
    { config: ADMIN, schema: { tags: TAGS, summary: '暂停使用印章', params: IdParams, body: ReasonBody, response: { 200: Seal } } },
    async (request) => suspendSeal(contextOf(request), request.params.id, request.body.reason),
  );
  app.post(
    '/api/seals/:id/reinstate',
    { config: ADMIN, schema: { tags: TAGS, summary: '恢复使用印章', params: IdParams, response: { 200: Seal } } },
    async (request) => reinstateSeal(contextOf(request), request.params.id),
  );
  app.post(
    '/api/seals/:id/revoke',
    { config: ADMIN, schema: { tags: TAGS, summary: '吊销印章（不可恢复）', params: IdParams, body: ReasonBody, response: { 200: Seal } } },
    async (request) => revokeSeal(contextOf(request), request.params.id, request.body.reason),
  );
  app.post(
    '/api/seals/:id/rotate',
    { config: ADMIN, schema: { tags: TAGS, summary: '轮换印章密钥（旧证书保留用于验证）', params: IdParams, body: RotateBody, response: { 200: Seal } } },
    async (request) => rotateSealKey(contextOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/seals/:id/uses',
    { config: { access: 'authenticated' }, schema: { tags: TAGS, summary: '印章使用记录', params: IdParams, querystring: UsesQuery, response: { 200: Type.Object({ items: Type.Array(SealUse), nextCursor: Type.Union([Type.String(), Type.Null()]) }) } } },
    async (request) => listSealUses(contextOf(request), request.params.id, request.query),
  );
  app.post(
    '/api/seals/:id/seal',
    { bodyLimit: BIG_BODY, config: { access: 'authenticated' }, schema: { tags: TAGS, summary: '盖章：对 JSON（RFC 8785 规范化）或文件字节签章，返回签章记录', params: IdParams, body: SealDocumentBody, response: { 200: SignatureRecord } } },
    async (request) => {
      const { json, base64, name, purpose } = request.body;
      if ((json === undefined) === (base64 === undefined)) {
        throw invalid('SEAL.INVALID', '请提供 json 或 base64 其中之一', [{ path: 'body', message: '请提供 json 或 base64 其中之一' }]);
      }
      const input = base64 !== undefined ? { format: 'bytes' as const, bytes: Buffer.from(base64, 'base64'), name, purpose } : { format: 'json' as const, json, name, purpose };
      return sealDocument(contextOf(request), request.params.id, input);
    },
  );
  app.post(
    '/api/seals/:id/sealed-pdf',
    { config: { access: 'authenticated' }, schema: { tags: TAGS, summary: '生成并加盖电子印章的 PDF（可见印章 + PDF 数字签名 + SM2 签章记录）', params: IdParams, body: SealPdfBody, response: { 200: SealedPdf } } },
    async (request) => {
      const verifyUrl = `${request.protocol}://${request.host}`;
      const sealed = await sealPdf(contextOf(request), request.params.id, { ...request.body, verifyUrl });
      return { useId: sealed.useId, pdfBase64: sealed.pdf.toString('base64'), record: sealed.record };
    },
  );

  app.post(
    '/api/verify',
    { bodyLimit: BIG_BODY, config: { access: 'public' }, schema: { tags: TAGS, summary: '验证电子签章（公开）：已盖章的 PDF，或文件及其签章记录', body: VerifyBody, response: { 200: Verification } } },
    async (request) => {
      const { pdf, document, json, signature } = request.body;
      return verifySubmission(contextOf(request), {
        pdf: pdf === undefined ? undefined : Buffer.from(pdf, 'base64'),
        document: document === undefined ? undefined : Buffer.from(document, 'base64'),
        json,
        signature,
      });
    },
  );
  app.get('/.well-known/qingdan-seals.json', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) =>
    reply.header('cache-control', 'public, max-age=60').send(await publishedSeals(contextOf(request))),
  );

  await app.register(verifyPageRoutes);
};
