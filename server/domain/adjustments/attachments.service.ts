// Attachments of triggers (the source document) and adjustment requests (legal texts, decisions): bytes in the
// content-addressed blob store, one append-only row each; they share their owner's visibility.
import path from 'node:path';
import { allowedActions, isOpen, type AdjustmentState } from '../../../common/adjustment-states.ts';
import { ATTACHMENT_EXTENSIONS, ATTACHMENT_MAX_BYTES, type Attachment, type AttachmentExtension, type AttachmentOwner } from '../../../common/adjustment-views.ts';
import { newId } from '../../db/ids.ts';
import { blobStoreOf, sha256Hex } from '../../platform/blob-store.ts';
import { actorOf, type Actor, type ServiceContext } from '../../platform/context.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { canSeeRequest, mayRegisterTrigger, triggerScope } from './adjustments.policy.ts';
import * as adjustments from './adjustments.repo.ts';
import * as repo from './attachments.repo.ts';

export type OwnerType = AttachmentOwner;

export interface UploadedFile {
  fileName: string;
  bytes: Buffer;
  note?: string | null;
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

// Accepted extension → content type and the leading bytes the file must start with (the type is ours, never the client's).
const TYPES: Readonly<Record<AttachmentExtension, { contentType: string; magic: readonly number[] }>> = {
  '.pdf': { contentType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  '.ofd': { contentType: 'application/ofd', magic: ZIP },
  '.doc': { contentType: 'application/msword', magic: OLE },
  '.docx': { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: ZIP },
  '.xls': { contentType: 'application/vnd.ms-excel', magic: OLE },
  '.xlsx': { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: ZIP },
  '.jpg': { contentType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  '.jpeg': { contentType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  '.png': { contentType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
};

/** The file name as shown and downloaded: its last path segment without control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = name.replace(/\\/g, '/').split('/').pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (base.length <= 200) return base;
  const ext = path.extname(base).slice(0, 10);
  return base.slice(0, 200 - ext.length) + ext;
}

/** The content type of an accepted file, or undefined when its extension or leading bytes are not an allowed type. */
export function detectType(fileName: string, bytes: Uint8Array): string | undefined {
  const ext = path.extname(fileName).toLowerCase();
  const type = ATTACHMENT_EXTENSIONS.includes(ext as AttachmentExtension) ? TYPES[ext as AttachmentExtension] : undefined;
  if (!type || bytes.length < type.magic.length) return undefined;
  return type.magic.every((b, i) => bytes[i] === b) ? type.contentType : undefined;
}

function view(row: repo.AttachmentRow): Attachment {
  return {
    id: row.id,
    ownerType: row.owner_type as OwnerType,
    ownerId: row.owner_id,
    fileName: row.file_name,
    contentType: row.content_type,
    size: Number(row.size),
    sha256: row.sha256,
    uploadedBy: row.uploaded_by,
    uploadedByName: row.uploaded_by_name,
    uploadedAt: row.uploaded_at,
    note: row.note,
    downloadUrl: `/api/attachments/${row.id}`,
  };
}

const ownerNotFound = (ownerType: OwnerType) =>
  ownerType === 'trigger' ? notFound('TRIGGER.NOT_FOUND', '调整事由不存在') : notFound('ADJUSTMENT.NOT_FOUND', '调整申请不存在');
const attachmentNotFound = () => notFound('ATTACHMENT.NOT_FOUND', '附件不存在');

/** Who may see and who may change an owner's attachments (the owner's own visibility; 404 when invisible). */
async function ownerAccess(db: ServiceContext['db'], actor: Actor, ownerType: OwnerType, ownerId: string): Promise<{ mayChange: () => void }> {
  if (ownerType === 'trigger') {
    const row = await adjustments.findTrigger(db, ownerId);
    const orgIds = row ? (await adjustments.triggerOrgs(db, [ownerId])).map((l) => l.org_id) : [];
    const scope = triggerScope(actor);
    if (!row || (scope && !orgIds.includes(scope) && row.registered_org_id !== scope)) throw ownerNotFound(ownerType);
    // Whoever may register the trigger may attach its source document.
    return { mayChange: () => { if (!mayRegisterTrigger(actor, orgIds)) throw forbidden(); } };
  }
  const row = await adjustments.findRequest(db, ownerId);
  if (!row || !canSeeRequest(actor, row.org_id, row.receiving_org_id)) throw ownerNotFound(ownerType);
  return {
    mayChange: () => {
      if (actor.orgId !== row.org_id || !(actor.roles.includes('dept_editor') || actor.roles.includes('dept_leader'))) throw forbidden();
      const state = row.state as AdjustmentState;
      if (!isOpen(state)) {
        throw conflict('ATTACHMENT.OWNER_CLOSED', '申请已办结，附件不能再增删', { state, allowedActions: allowedActions(state, { roles: actor.roles, isFiler: true }) });
      }
    },
  };
}

/** The owner's attachments (not removed), for the owner's detail views; no access check. */
export async function attachmentViewsOf(db: ServiceContext['db'], ownerType: OwnerType, ownerId: string): Promise<Attachment[]> {
  return (await repo.attachmentsOf(db, ownerType, ownerId)).map(view);
}

/** The attachments of a trigger or request the caller can see. @throws TRIGGER.NOT_FOUND, ADJUSTMENT.NOT_FOUND */
export async function listAttachments(ctx: ServiceContext, ownerType: OwnerType, ownerId: string): Promise<Attachment[]> {
  await ownerAccess(ctx.db, actorOf(ctx), ownerType, ownerId);
  return attachmentViewsOf(ctx.db, ownerType, ownerId);
}

/**
 * Attaches a file (≤ 20 MB; pdf, ofd, doc(x), xls(x), jpg, png, checked by their leading bytes) to a trigger or request.
 * @throws ATTACHMENT.NO_FILE, ATTACHMENT.TYPE_NOT_ALLOWED (400), TRIGGER.NOT_FOUND / ADJUSTMENT.NOT_FOUND, ACCESS.FORBIDDEN, ATTACHMENT.OWNER_CLOSED (409)
 */
export async function addAttachment(ctx: ServiceContext, ownerType: OwnerType, ownerId: string, file: UploadedFile): Promise<Attachment> {
  const actor = actorOf(ctx);
  const fileName = cleanFileName(file.fileName);
  if (!fileName || file.bytes.length === 0) throw invalid('ATTACHMENT.NO_FILE', '请选择要上传的文件', [{ path: 'body.file', message: '缺少文件' }]);
  if (file.bytes.length > ATTACHMENT_MAX_BYTES) throw invalid('ATTACHMENT.TOO_LARGE', '文件不能超过 20 MB', [{ path: 'body.file', message: '文件不能超过 20 MB' }]);
  const contentType = detectType(fileName, file.bytes);
  if (!contentType) {
    throw invalid('ATTACHMENT.TYPE_NOT_ALLOWED', '只能上传 PDF、OFD、Word、Excel、JPG 或 PNG 文件', [{ path: 'body.file', message: '文件类型不允许或内容与扩展名不符' }]);
  }
  const note = file.note?.trim() || null;
  if (note && note.length > 500) throw invalid('ATTACHMENT.INVALID', '附件说明不能超过 500 字', [{ path: 'body.note', message: '附件说明不能超过 500 字' }]);
  (await ownerAccess(ctx.db, actor, ownerType, ownerId)).mayChange();
  // Stored first: the put is idempotent, and bytes without a row are harmless.
  const sha256 = await blobStoreOf(ctx.config).put(file.bytes);
  const row: repo.AttachmentRow = {
    id: newId(ctx.now.getTime()), owner_type: ownerType, owner_id: ownerId, file_name: fileName, content_type: contentType, size: file.bytes.length, sha256,
    uploaded_by: actor.userId, uploaded_by_name: actor.displayName, uploaded_org_id: actor.orgId, uploaded_at: ctx.now.toISOString(), note, removed_at: null, removed_by: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    // Re-checked inside the transaction: the request may have closed since.
    (await ownerAccess(trx, actor, ownerType, ownerId)).mayChange();
    await repo.insertAttachment(trx, row);
    await recordAudit(trx, ctx, { action: 'attachment.add', targetType: ownerType, targetId: ownerId, summary: { attachmentId: row.id, fileName, contentType, size: row.size, sha256 } });
  });
  return view(row);
}

/**
 * Removes an attachment from its owner's list; the row and the bytes stay for the record.
 * @throws ATTACHMENT.NOT_FOUND, ACCESS.FORBIDDEN, ATTACHMENT.OWNER_CLOSED (409)
 */
export async function removeAttachment(ctx: ServiceContext, id: string): Promise<Attachment> {
  const actor = actorOf(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findAttachment(trx, id);
    if (!row || row.removed_at) throw attachmentNotFound();
    const access = await ownerAccess(trx, actor, row.owner_type as OwnerType, row.owner_id).catch(() => {
      throw attachmentNotFound();
    });
    access.mayChange();
    if (!(await repo.markRemoved(trx, id, ctx.now.toISOString(), actor.userId))) throw attachmentNotFound();
    await recordAudit(trx, ctx, { action: 'attachment.remove', targetType: row.owner_type, targetId: row.owner_id, summary: { attachmentId: id, fileName: row.file_name, sha256: row.sha256 } });
    return view(row);
  });
}

/**
 * The bytes of an attachment the caller can see.
 * @throws ATTACHMENT.NOT_FOUND (also when removed, when the owner is out of scope, or when the bytes are missing or corrupt)
 */
export async function downloadAttachment(ctx: ServiceContext, id: string): Promise<{ attachment: Attachment; bytes: Buffer }> {
  const row = await repo.findAttachment(ctx.db, id);
  if (!row || row.removed_at) throw attachmentNotFound();
  await ownerAccess(ctx.db, actorOf(ctx), row.owner_type as OwnerType, row.owner_id).catch(() => {
    throw attachmentNotFound();
  });
  const bytes = await blobStoreOf(ctx.config).get(row.sha256);
  if (!bytes || sha256Hex(bytes) !== row.sha256) throw attachmentNotFound();
  return { attachment: view(row), bytes };
}
