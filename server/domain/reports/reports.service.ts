import { canonicalize } from '../../../common/jcs.ts';
import { isUniqueViolation } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { blobStoreOf } from '../../platform/blob-store.ts';
import { actorOf, type ServiceContext } from '../../platform/context.ts';
import { conflict, DomainError, forbidden, notFound } from '../../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { exportItems } from '../catalogue/export.service.ts';
import { notifyOrg } from '../notifications/notifications.service.ts';
import { listOrgs } from '../orgs/orgs.service.ts';
import { getPublication } from '../publications/publications.service.ts';
import { listSeals, sealPdf } from '../seals/seals.service.ts';
import { DeliveryError, deliver, type DeliveryPackage, type PackageFile } from './delivery.ts';
import { chinaDateZh, reportLetter } from './letter.ts';
import {
  allowedReportActions, canReadReports, canWorkReports, nextReportState, REPORT_STATE_LABELS, retryDelaySeconds,
} from './reports.policy.ts';
import type { Report, ReportDetail, ReportEvent, ReportFile, ReportState } from '../../../common/report-views.ts';
import * as repo from './reports.repo.ts';

interface Manifest {
  type: 'qingdan.report-package';
  version: 1;
  reportId: string;
  publicationNumber: string;
  publishedAt: string;
  sender: string;
  recipient: string;
  preparedAt: string;
  files: ReportFile[];
}

const SYSTEM_ACTOR = '系统（自动重试）';
// A delivery claim outlives any adapter timeout: a node that died mid-send frees the report after this.
const SENDING_CLAIM_MS = 10 * 60_000;

const reportNotFound = () => notFound('REPORT.NOT_FOUND', '报备记录不存在');

function toReport(row: repo.ReportRow): Report {
  const state = row.state as ReportState;
  const manifest = JSON.parse(row.manifest) as Manifest;
  return {
    id: row.id, publicationNumber: row.publication_number, state, stateLabel: REPORT_STATE_LABELS[state], allowedActions: allowedReportActions(state),
    recipient: row.recipient, preparedAt: row.prepared_at, sentAt: row.sent_at, answeredAt: row.answered_at, reply: row.reply,
    attempts: row.attempts, nextAttemptAt: row.next_attempt_at, lastError: row.last_error, files: manifest.files,
  };
}

function toEvent(e: repo.ReportEventRow): ReportEvent {
  return {
    seq: e.seq, at: e.at, kind: e.kind, fromState: e.from_state, toState: e.to_state, actorName: e.actor_name, adapter: e.adapter,
    outcome: e.outcome as 'ok' | 'failed', error: e.error, reply: e.reply, detail: e.detail ? (JSON.parse(e.detail) as Record<string, unknown>) : null,
  };
}

async function loadReport(ctx: ServiceContext, id: string): Promise<repo.ReportRow> {
  // Outside the bureau and audit, reports do not exist.
  if (ctx.actor && !canReadReports(ctx.actor.roles)) throw reportNotFound();
  const row = await repo.findReport(ctx.db, id);
  if (!row) throw reportNotFound();
  return row;
}

function notAllowed(state: ReportState): DomainError {
  return conflict('REPORT.ACTION_NOT_ALLOWED', `当前状态（${REPORT_STATE_LABELS[state]}）下不能执行该操作`, { state, allowedActions: allowedReportActions(state) });
}

async function streamToBuffer(stream: AsyncIterable<Buffer | string>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/**
 * Prepares the report (报备) of a publication to the city bureau: the sealed publication JSON and its seal record,
 * the list as of the publication instant (.xlsx), and a sealed one-page summary letter; files go to the blob store,
 * the manifest and a `prepare` event to the database.
 * @throws ACCESS.FORBIDDEN, PUBLICATION.NOT_FOUND, REPORT.EXISTS (409), REPORT.NO_SEAL (409), SEAL.PDF_FONT_MISSING (503)
 */
export async function prepareReport(ctx: ServiceContext, publicationNumber: string): Promise<ReportDetail> {
  const actor = actorOf(ctx);
  if (!canWorkReports(actor.roles)) throw forbidden();
  const pub = await getPublication(ctx, publicationNumber);
  const existing = await repo.findReportByPublication(ctx.db, pub.number);
  const exists = (found?: { id: string; state: string }) => conflict('REPORT.EXISTS', '该期清单已生成报备，请在报备记录中查看或重新报送', found && { id: found.id, state: found.state });
  if (existing) throw exists(existing);
  const seal = (await listSeals(ctx)).find((s) => s.orgId === actor.orgId && s.status === 'active');
  if (!seal) throw conflict('REPORT.NO_SEAL', '本单位没有可用的电子印章，请先在“电子印章”中创建');
  const orgs = await listOrgs(ctx);
  const recipientName = ctx.config.reports.recipient;
  const recipientOrg = orgs.find((o) => o.kind === 'external' && o.nameZh === recipientName);
  const sender = orgs.find((o) => o.id === actor.orgId)?.nameZh ?? '';
  // The list exactly as it stood at the publication instant, in the import/export layout.
  const xlsx = await streamToBuffer((await exportItems(ctx, { asOf: pub.publishedAt }, 'xlsx')).stream);
  const letter = reportLetter({ recipient: recipientName, sender, number: pub.number, publishedAt: pub.publishedAt, previous: pub.previous, itemCount: pub.itemCount, counts: pub.counts, changes: pub.changes });
  const id = newId(ctx.now.getTime());
  const at = ctx.now.toISOString();
  const blobs = blobStoreOf(ctx.config);
  await ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    if (await repo.findReportByPublication(trx, pub.number)) throw exists();
    const sealed = await sealPdf(tctx, seal.id, { title: letter.title, paragraphs: letter.paragraphs, name: 'letter.pdf', purpose: 'report.letter' });
    const contents: Array<{ name: string; title: string; contentType: string; bytes: Buffer }> = [
      { name: 'publication.json', title: '清单公布文件（已盖章的规范化 JSON）', contentType: 'application/json', bytes: Buffer.from(canonicalize(pub.document)) },
      { name: 'publication.seal.json', title: '清单公布文件的电子印章记录', contentType: 'application/json', bytes: Buffer.from(JSON.stringify(pub.seal, null, 2)) },
      { name: 'list.xlsx', title: `清单表格（${chinaDateZh(pub.publishedAt)}公布时）`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: xlsx },
      { name: 'letter.pdf', title: letter.title, contentType: 'application/pdf', bytes: sealed.pdf },
      { name: 'letter.seal.json', title: '报备函的电子印章记录（SM2）', contentType: 'application/json', bytes: Buffer.from(JSON.stringify(sealed.record, null, 2)) },
    ];
    // Blobs are content-addressed: written before the commit, a rolled-back prepare leaves only unreferenced files.
    const files: ReportFile[] = [];
    for (const c of contents) files.push({ name: c.name, title: c.title, contentType: c.contentType, sha256: await blobs.put(c.bytes), size: c.bytes.length });
    const manifest: Manifest = { type: 'qingdan.report-package', version: 1, reportId: id, publicationNumber: pub.number, publishedAt: pub.publishedAt, sender, recipient: recipientName, preparedAt: at, files };
    await repo.insertReport(trx, {
      id, publication_number: pub.number, state: 'prepared', recipient: recipientName, recipient_org_id: recipientOrg?.id ?? null, seal_id: seal.id,
      manifest: JSON.stringify(manifest), prepared_at: at, prepared_by: actor.userId, sent_at: null, answered_at: null, reply: null,
      attempts: 0, next_attempt_at: null, last_error: null, sending_until: null, event_count: 1, updated_at: at,
    });
    await repo.insertEvent(trx, {
      report_id: id, seq: 1, at, kind: 'prepare', from_state: null, to_state: 'prepared', actor_id: actor.userId, actor_name: actor.displayName,
      adapter: null, outcome: 'ok', error: null, reply: null, detail: JSON.stringify({ files: files.map((f) => ({ name: f.name, sha256: f.sha256, size: f.size })) }),
    });
    await recordAudit(trx, ctx, { action: 'report.prepare', targetType: 'report', targetId: id, summary: { publicationNumber: pub.number, recipient: recipientName, files: files.map((f) => `${f.name}:${f.sha256}`) } });
  }).catch((e: unknown) => {
    // A prepare of the same publication committed between our check and our insert (another node, or PostgreSQL).
    throw isUniqueViolation(e) ? exists() : e;
  });
  return getReport(ctx, id);
}

/** Reports, newest first (bureau and auditors). @throws ACCESS.FORBIDDEN */
export async function listReports(ctx: ServiceContext): Promise<Report[]> {
  if (!canReadReports(actorOf(ctx).roles)) throw forbidden();
  return (await repo.listReports(ctx.db, 500)).map(toReport);
}

/** One report with its whole history (every attempt and transition). @throws REPORT.NOT_FOUND */
export async function getReport(ctx: ServiceContext, id: string): Promise<ReportDetail> {
  const row = await loadReport(ctx, id);
  return { ...toReport(row), history: (await repo.eventsOf(ctx.db, id)).map(toEvent) };
}

/** One file of the package, checked against its SHA-256. @throws REPORT.NOT_FOUND, REPORT.FILE_NOT_FOUND */
export async function reportFile(ctx: ServiceContext, id: string, name: string): Promise<{ file: ReportFile; bytes: Buffer }> {
  const row = await loadReport(ctx, id);
  const file = (JSON.parse(row.manifest) as Manifest).files.find((f) => f.name === name);
  const bytes = file ? await blobStoreOf(ctx.config).get(file.sha256) : undefined;
  if (!file || !bytes) throw notFound('REPORT.FILE_NOT_FOUND', '报备文件不存在');
  return { file, bytes };
}

async function packageOf(ctx: ServiceContext, row: repo.ReportRow): Promise<DeliveryPackage> {
  const manifest = JSON.parse(row.manifest) as Manifest;
  const blobs = blobStoreOf(ctx.config);
  const files: PackageFile[] = [];
  for (const f of manifest.files) {
    const bytes = await blobs.get(f.sha256);
    if (!bytes) throw new DeliveryError(`报备文件 ${f.name} 缺失（${f.sha256}）`);
    files.push({ ...f, bytes });
  }
  return {
    reportId: row.id, publicationNumber: row.publication_number, recipient: row.recipient, manifest: { ...manifest },
    subject: `【报备】${manifest.sender}：${row.publication_number}`,
    text: `${row.recipient}：\n\n${manifest.sender}报备《${row.publication_number}》（${chinaDateZh(manifest.publishedAt)}公布），报备函与附件见本邮件附件，文件清单见 manifest.json。\n\n${manifest.sender}`,
    files,
  };
}

/**
 * One delivery attempt, claimed so that no two run at once. The outcome is appended to the history either way;
 * a failure schedules the next retry (exponential backoff) until the configured attempts are used up.
 */
async function attemptDelivery(ctx: ServiceContext, row: repo.ReportRow): Promise<{ ok: boolean; error: string | null; report: repo.ReportRow }> {
  const now = ctx.now.toISOString();
  const claimed = await repo.claimForSending(ctx.db, row.id, ['prepared', 'queried'], now, new Date(ctx.now.getTime() + SENDING_CLAIM_MS).toISOString());
  if (!claimed) throw conflict('REPORT.SENDING', '该报备正在报送或状态已变化，请刷新后再试');
  const adapter = ctx.config.reports.delivery;
  let receipt: Record<string, unknown> | null = null;
  let error: string | null = null;
  try {
    receipt = (await deliver(ctx.config.reports, await packageOf(ctx, row))).detail;
  } catch (e) {
    // Whatever went wrong, the attempt is recorded and stays retryable; internal details stay in the server log.
    error = e instanceof DeliveryError ? e.message : '报送时发生内部错误，请联系系统管理员查看日志';
    if (!(e instanceof DeliveryError)) console.error('report delivery failed', e);
  }
  const actorName = ctx.actor?.displayName ?? SYSTEM_ACTOR;
  const { retry } = ctx.config.reports;
  const updated = await ctx.db.transaction().execute(async (trx) => {
    const cur = (await repo.findReport(trx, row.id))!;
    const from = cur.state as ReportState;
    const seq = cur.event_count + 1;
    if (receipt) {
      await repo.advanceReport(trx, cur.id, cur.event_count, { state: 'sent', sent_at: now, attempts: 0, next_attempt_at: null, last_error: null, sending_until: null, updated_at: now });
      await repo.insertEvent(trx, { report_id: cur.id, seq, at: now, kind: 'send', from_state: from, to_state: 'sent', actor_id: ctx.actor?.userId ?? null, actor_name: actorName, adapter, outcome: 'ok', error: null, reply: null, detail: JSON.stringify(receipt) });
      await recordAudit(trx, ctx, { action: 'report.send', targetType: 'report', targetId: cur.id, summary: { publicationNumber: cur.publication_number, adapter, attempt: cur.attempts + 1, receipt } });
    } else {
      const attempts = cur.attempts + 1;
      const next = attempts < retry.maxAttempts ? new Date(ctx.now.getTime() + retryDelaySeconds(attempts, retry.baseSeconds) * 1000).toISOString() : null;
      await repo.advanceReport(trx, cur.id, cur.event_count, { attempts, next_attempt_at: next, last_error: error, sending_until: null, updated_at: now });
      await repo.insertEvent(trx, { report_id: cur.id, seq, at: now, kind: 'send', from_state: from, to_state: from, actor_id: ctx.actor?.userId ?? null, actor_name: actorName, adapter, outcome: 'failed', error, reply: null, detail: JSON.stringify({ attempt: attempts, nextAttemptAt: next }) });
      await recordAudit(trx, ctx, { action: 'report.send_failed', targetType: 'report', targetId: cur.id, summary: { publicationNumber: cur.publication_number, adapter, attempt: attempts, error, nextAttemptAt: next } });
      if (!next) {
        const bureau = (await listOrgs({ ...ctx, db: trx })).find((o) => o.kind === 'bureau' && o.parentId === null);
        if (bureau) {
          await notifyOrg(trx, ctx, bureau.id, ['bureau_admin', 'bureau_reviewer'], {
            kind: 'report.send_failed', title: '清单报备多次报送失败', body: `${cur.publication_number}：已尝试 ${attempts} 次，最后一次错误：${error}。请检查报送配置后手动重新报送。`,
            link: `/admin/reports/${cur.id}`, dedupeKey: `report:${cur.id}:gave-up:${seq}`,
          });
        }
      }
    }
    return (await repo.findReport(trx, cur.id))!;
  });
  return { ok: Boolean(receipt), error, report: updated };
}

/**
 * Sends (or sends again) the package through the configured adapter. A failure is recorded, retried by the job
 * with backoff, and answered 502 with the report's retry state.
 * @throws ACCESS.FORBIDDEN, REPORT.NOT_FOUND, REPORT.ACTION_NOT_ALLOWED (409), REPORT.SENDING (409), REPORT.DELIVERY_FAILED (502)
 */
export async function sendReport(ctx: ServiceContext, id: string): Promise<ReportDetail> {
  const actor = actorOf(ctx);
  const row = await loadReport(ctx, id);
  if (!canWorkReports(actor.roles)) throw forbidden();
  if (!nextReportState(row.state as ReportState, 'send')) throw notAllowed(row.state as ReportState);
  const result = await attemptDelivery(ctx, row);
  if (!result.ok) {
    throw new DomainError(502, 'REPORT.DELIVERY_FAILED', `报送失败：${result.error}`, { id, attempts: result.report.attempts, nextAttemptAt: result.report.next_attempt_at });
  }
  return getReport(ctx, id);
}

/** The retry job: delivers every report whose scheduled retry has come; returns how many went through. */
export async function retryDueReports(ctx: ServiceContext): Promise<number> {
  let sent = 0;
  for (const row of await repo.dueRetries(ctx.db, ctx.now.toISOString(), 50)) {
    try {
      if ((await attemptDelivery(ctx, row)).ok) sent += 1;
    } catch (e) {
      // Another node claimed it first: its attempt counts.
      if (!(e instanceof DomainError && e.code === 'REPORT.SENDING')) throw e;
    }
  }
  return sent;
}

async function recordAnswer(ctx: ServiceContext, id: string, action: 'acknowledge' | 'query', reply: string): Promise<ReportDetail> {
  const actor = actorOf(ctx);
  const row = await loadReport(ctx, id);
  if (!canWorkReports(actor.roles)) throw forbidden();
  const from = row.state as ReportState;
  const to = nextReportState(from, action);
  if (!to) throw notAllowed(from);
  const at = ctx.now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.advanceReport(trx, id, row.event_count, { state: to, answered_at: at, reply, next_attempt_at: null, updated_at: at }))) {
      throw conflict('REPORT.CHANGED', '报备状态已被他人更新，请刷新后再试');
    }
    await repo.insertEvent(trx, { report_id: id, seq: row.event_count + 1, at, kind: action, from_state: from, to_state: to, actor_id: actor.userId, actor_name: actor.displayName, adapter: null, outcome: 'ok', error: null, reply, detail: null });
    await recordAudit(trx, ctx, { action: `report.${action}`, targetType: 'report', targetId: id, summary: { publicationNumber: row.publication_number, from, to, reply } });
    if (action === 'query') {
      await notifyOrg(trx, ctx, actor.orgId, ['bureau_admin', 'bureau_reviewer'], { kind: 'report.queried', title: '市局对清单报备提出疑问', body: `${row.publication_number}：${reply.slice(0, 200)}`, link: `/admin/reports/${id}` });
    }
  });
  return getReport(ctx, id);
}

/** Records that the city bureau acknowledged the report, with its reply. @throws as sendReport, REPORT.CHANGED (409) */
export function acknowledgeReport(ctx: ServiceContext, id: string, reply: string): Promise<ReportDetail> {
  return recordAnswer(ctx, id, 'acknowledge', reply);
}

/** Records the city bureau's query about the report; the bureau may send again. @throws as acknowledgeReport */
export function queryReport(ctx: ServiceContext, id: string, reply: string): Promise<ReportDetail> {
  return recordAnswer(ctx, id, 'query', reply);
}
