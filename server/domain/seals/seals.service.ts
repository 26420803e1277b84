import type { Kysely } from 'kysely';
import type { OrgKind } from '../../../common/roles.ts';
import type { Database } from '../../db/schema.ts';
import { newId } from '../../db/ids.ts';
import { actorOf, type ServiceContext } from '../../platform/context.ts';
import { conflict, DomainError, forbidden, invalid, notFound, type ErrorDetail } from '../../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findOrg, listOrgs, orgsByIds, type Org } from '../orgs/orgs.service.ts';
import { issueCertificate, parseCertificate, type CertificateInfo, type DistinguishedName } from './certs.ts';
import { KekError, loadSealKek, openPrivateKey, sealPrivateKey } from './kek.ts';
import { KEY_ALGORITHMS, generateKeyPair, parsePrivateKeyPem, publicSpkiOf, type KeyAlgorithm, type PrivateKey } from './keys.ts';
import { NoCjkFontError, extractPdfSignature, renderPdf, signPdf } from './pdf.ts';
import { sealSvg } from './picture.ts';
import { RECORD_TYPE, algorithmFields, contentBytes, digestsOf, signRecord, type ContentFormat, type SignatureRecord, type UnsignedRecord } from './record.ts';
import { allowedSealActions, canAdministerSeals, canReadAllSeals, mayUseSeal, type SealAction, type SealStatus } from './seals.policy.ts';
import * as repo from './seals.repo.ts';

export interface SealKey {
  id: string;
  version: number;
  algorithm: KeyAlgorithm;
  fingerprint: string;
  serial: string;
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  retiredAt: string | null;
  certificate: string;
  pdfCertificate: string;
}

export interface Seal {
  id: string;
  orgId: string;
  orgName: string;
  orgUscc: string;
  name: string;
  algorithm: KeyAlgorithm;
  status: SealStatus;
  statusReason: string | null;
  statusChangedAt: string | null;
  source: 'generated' | 'imported';
  picture: { rim: string; bottom: string; uploaded: boolean };
  allowedActions: SealAction[];
  currentKey: SealKey | null;
  keys: SealKey[];
  createdAt: string;
  updatedAt: string;
}

export interface NewSeal {
  orgId: string;
  name?: string;
  algorithm?: KeyAlgorithm;
  validYears?: number;
  pictureBottom?: string;
  /** An uploaded seal picture, base64 PNG; the generated red round picture otherwise. */
  picturePng?: string;
}

export interface ImportedSeal {
  orgId: string;
  name?: string;
  certificatePem: string;
  privateKeyPem: string;
  /** Issuer certificates (PEM, concatenated), up to the CA's root. */
  chainPem?: string;
  pictureBottom?: string;
  picturePng?: string;
}

const DEFAULT_VALID_YEARS = 3;
const ROOT_VALID_YEARS = 20;
const MAX_PNG_BYTES = 256 * 1024;

const sealNotFound = () => notFound('SEAL.NOT_FOUND', '电子印章不存在');

async function inTransaction<T>(ctx: ServiceContext, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  // Other domains seal inside their own transaction (the receipt and its seal commit together).
  return ctx.db.isTransaction ? work(ctx.db) : ctx.db.transaction().execute(work);
}

function kekOf(ctx: ServiceContext): Buffer {
  try {
    return loadSealKek(ctx.config.sealKek);
  } catch (error) {
    if (error instanceof KekError) throw new DomainError(503, 'SEAL.KEK_UNAVAILABLE', '印章密钥保护密钥不可用，请联系系统管理员检查 QINGDAN_SEAL_KEK_FILE 配置');
    throw error;
  }
}

function openKey(ctx: ServiceContext, envelope: string, binding: string): PrivateKey {
  try {
    return openPrivateKey(kekOf(ctx), envelope, binding);
  } catch (error) {
    if (error instanceof KekError) throw new DomainError(503, 'SEAL.KEK_UNAVAILABLE', '印章私钥无法解密：密钥保护密钥与写入时不一致，请联系系统管理员');
    throw error;
  }
}

function addYears(date: Date, years: number): Date {
  const d = new Date(date);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
}

// Certificates carry whole seconds: round down so a signature made right after issue is inside validity.
function wholeSecond(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

// ---------------------------------------------------------------------------------------------
// The seal authority: a self-created root per algorithm (SM2 for seal certificates, P-256 for the
// PDF signing certificates that PDF readers can check), generated on first use.

interface Authority {
  row: repo.AuthorityRow;
  key: PrivateKey;
  info: CertificateInfo;
  name: DistinguishedName;
}

async function bureauName(ctx: ServiceContext, trx: Kysely<Database>): Promise<string> {
  const orgs = await listOrgs({ ...ctx, db: trx });
  return orgs.find((o) => o.kind === 'bureau' && o.parentId === null)?.nameZh ?? '政务服务局';
}

async function ensureAuthority(ctx: ServiceContext, trx: Kysely<Database>, algorithm: 'sm2' | 'p256'): Promise<Authority> {
  const existing = await repo.findActiveAuthority(trx, algorithm);
  if (existing) {
    const info = parseCertificate(existing.certificate)!;
    const key = openKey(ctx, existing.key_envelope, `authority:${existing.id}`);
    return { row: existing, key, info, name: info.subjectName };
  }
  const organization = await bureauName(ctx, trx);
  const name: DistinguishedName = {
    organization,
    commonName: algorithm === 'sm2' ? `${organization}电子印章根证书（演示）` : `${organization}电子印章 PDF 根证书（演示）`,
  };
  const pair = generateKeyPair(algorithm);
  const notBefore = wholeSecond(ctx.now);
  const der = issueCertificate({ subject: name, issuer: { name, key: pair.privateKey, spki: pair.spki }, subjectSpki: pair.spki, notBefore, notAfter: addYears(notBefore, ROOT_VALID_YEARS), ca: true });
  const info = parseCertificate(der)!;
  const id = newId(ctx.now.getTime());
  const row: repo.AuthorityRow = {
    id,
    algorithm,
    subject: info.subject,
    certificate: info.pem,
    fingerprint: info.fingerprint,
    key_envelope: sealPrivateKey(kekOf(ctx), pair.privateKey, `authority:${id}`),
    not_before: info.notBefore.toISOString(),
    not_after: info.notAfter.toISOString(),
    source: 'generated',
    active: true,
    created_at: ctx.now.toISOString(),
  };
  await repo.insertAuthority(trx, row);
  await recordAudit(trx, ctx, { action: 'seal_authority.create', targetType: 'seal_authority', targetId: id, summary: { algorithm, subject: info.subject, fingerprint: info.fingerprint } });
  return { row, key: pair.privateKey, info, name };
}

// ---------------------------------------------------------------------------------------------
// Presenting

function toKey(row: repo.SealKeyRow): SealKey {
  const info = parseCertificate(row.certificate);
  return {
    id: row.id,
    version: row.version,
    algorithm: row.algorithm as KeyAlgorithm,
    fingerprint: row.fingerprint,
    serial: row.serial,
    subject: info?.subject ?? '',
    issuer: info?.issuer ?? '',
    notBefore: row.not_before,
    notAfter: row.not_after,
    retiredAt: row.retired_at,
    certificate: row.certificate,
    pdfCertificate: row.pdf_certificate,
  };
}

function toSeal(row: repo.SealRow, org: Org | undefined, keys: repo.SealKeyRow[]): Seal {
  const mine = keys.filter((k) => k.seal_id === row.id).sort((a, b) => a.version - b.version);
  const current = [...mine].reverse().find((k) => k.retired_at === null);
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: org?.nameZh ?? '',
    orgUscc: org?.uscc ?? '',
    name: row.name,
    algorithm: row.algorithm as KeyAlgorithm,
    status: row.status as SealStatus,
    statusReason: row.status_reason,
    statusChangedAt: row.status_changed_at,
    source: row.source as Seal['source'],
    picture: { rim: row.picture_rim, bottom: row.picture_bottom, uploaded: row.picture_png !== null },
    allowedActions: [...allowedSealActions(row.status as SealStatus)],
    currentKey: current ? toKey(current) : null,
    keys: mine.map(toKey),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function present(ctx: ServiceContext, db: Kysely<Database>, rows: repo.SealRow[]): Promise<Seal[]> {
  const orgs = await orgsByIds({ ...ctx, db }, rows.map((r) => r.org_id));
  const keys = await repo.listKeyRows(db, rows.map((r) => r.id));
  return rows.map((r) => toSeal(r, orgs.get(r.org_id), keys));
}

/** Seals the caller may see: every seal for administrators and auditors, else their own org's. */
export async function listSeals(ctx: ServiceContext): Promise<Seal[]> {
  const actor = actorOf(ctx);
  const rows = canReadAllSeals(actor.roles) ? await repo.listSealRows(ctx.db) : await repo.findSealRowsByOrg(ctx.db, actor.orgId);
  return present(ctx, ctx.db, rows);
}

async function loadVisibleSeal(ctx: ServiceContext, db: Kysely<Database>, id: string): Promise<repo.SealRow> {
  const actor = actorOf(ctx);
  const row = await repo.findSealRow(db, id);
  // Another org's seal answers 404, as if it did not exist.
  if (!row || (!canReadAllSeals(actor.roles) && row.org_id !== actor.orgId)) throw sealNotFound();
  return row;
}

/**
 * A seal with all its key versions.
 * @throws SEAL.NOT_FOUND (also for another org's seal)
 */
export async function getSeal(ctx: ServiceContext, id: string): Promise<Seal> {
  const row = await loadVisibleSeal(ctx, ctx.db, id);
  return (await present(ctx, ctx.db, [row]))[0];
}

/** The seal picture: the uploaded PNG, else the generated SVG. Public: a picture proves nothing, the signature does. */
export async function sealPicture(ctx: ServiceContext, id: string): Promise<{ contentType: string; body: Buffer | string }> {
  const row = await repo.findSealRow(ctx.db, id);
  if (!row) throw sealNotFound();
  if (row.picture_png) return { contentType: 'image/png', body: Buffer.from(row.picture_png, 'base64') };
  return { contentType: 'image/svg+xml; charset=utf-8', body: sealSvg({ rim: row.picture_rim, bottom: row.picture_bottom }) };
}

/** A preview of the generated picture for names not saved yet (the create form). */
export function previewSealPicture(rim: string, bottom: string): string {
  return sealSvg({ rim: rim.slice(0, 40), bottom: bottom.slice(0, 20) });
}

// ---------------------------------------------------------------------------------------------
// Administration

function requireAdmin(ctx: ServiceContext): void {
  if (!canAdministerSeals(actorOf(ctx).roles)) throw forbidden();
}

function pngProblems(png: string | undefined): ErrorDetail[] {
  if (png === undefined) return [];
  const bytes = Buffer.from(png, 'base64');
  if (bytes.length > MAX_PNG_BYTES) return [{ path: 'body.picturePng', message: '印章图片不能超过 256 KB' }];
  if (!bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return [{ path: 'body.picturePng', message: '印章图片须为 PNG 格式' }];
  return [];
}

async function loadTargetOrg(ctx: ServiceContext, trx: Kysely<Database>, orgId: string, problems: ErrorDetail[]): Promise<Org> {
  const org = await findOrg({ ...ctx, db: trx }, orgId);
  if (!org) throw notFound('ORG.NOT_FOUND', '组织机构不存在');
  if (!org.active) problems.push({ path: 'body.orgId', message: '该机构已停用' });
  if (org.kind === 'external') problems.push({ path: 'body.orgId', message: '外部单位的印章由其自身管理，不能在本平台制作' });
  return org;
}

async function requireNameFree(trx: Kysely<Database>, orgId: string, name: string): Promise<void> {
  const clash = (await repo.findSealRowsByOrg(trx, orgId)).find((s) => s.name === name && s.status !== 'revoked');
  if (clash) throw conflict('SEAL.EXISTS', '该机构已有同名的电子印章（未吊销），请先吊销原印章或使用其他名称', { sealId: clash.id });
}

interface KeyInput {
  seal: repo.SealRow;
  org: Org;
  version: number;
  /** A key and certificate from a real CA; otherwise a key is generated and our root issues the certificate. */
  imported?: { key: PrivateKey; certificate: CertificateInfo; chain: CertificateInfo[] };
  validYears: number;
}

async function issueKey(ctx: ServiceContext, trx: Kysely<Database>, input: KeyInput): Promise<repo.SealKeyRow> {
  const kek = kekOf(ctx);
  const id = newId(ctx.now.getTime());
  const notBefore = wholeSecond(ctx.now);
  const subject: DistinguishedName = { commonName: `${input.seal.name}`, organization: input.org.nameZh, organizationalUnit: `统一社会信用代码 ${input.org.uscc}` };
  let key: PrivateKey;
  let cert: CertificateInfo;
  let chain: CertificateInfo[];
  if (input.imported) {
    ({ key, certificate: cert, chain } = input.imported);
  } else {
    const root = await ensureAuthority(ctx, trx, 'sm2');
    const pair = generateKeyPair(input.seal.algorithm as KeyAlgorithm);
    key = pair.privateKey;
    cert = parseCertificate(issueCertificate({ subject, issuer: { name: root.name, key: root.key, spki: root.info.spki }, subjectSpki: pair.spki, notBefore, notAfter: addYears(notBefore, input.validYears), ca: false }))!;
    chain = [root.info];
  }
  // PDF readers check only RSA/ECDSA: each key version has a P-256 twin for the PDF signature.
  const pdfRoot = await ensureAuthority(ctx, trx, 'p256');
  const pdfPair = generateKeyPair('p256');
  const pdfCert = parseCertificate(
    issueCertificate({ subject, issuer: { name: pdfRoot.name, key: pdfRoot.key, spki: pdfRoot.info.spki }, subjectSpki: pdfPair.spki, notBefore: cert.notBefore, notAfter: cert.notAfter, ca: false }),
  )!;
  const row: repo.SealKeyRow = {
    id,
    seal_id: input.seal.id,
    version: input.version,
    algorithm: cert.algorithm,
    certificate: cert.pem,
    fingerprint: cert.fingerprint,
    serial: cert.serialHex,
    key_envelope: sealPrivateKey(kek, key, `seal_key:${id}`),
    chain: JSON.stringify(chain.map((c) => c.pem)),
    pdf_certificate: pdfCert.pem,
    pdf_fingerprint: pdfCert.fingerprint,
    pdf_key_envelope: sealPrivateKey(kek, pdfPair.privateKey, `seal_key_pdf:${id}`),
    not_before: cert.notBefore.toISOString(),
    not_after: cert.notAfter.toISOString(),
    retired_at: null,
    created_at: ctx.now.toISOString(),
  };
  await repo.insertKeyRow(trx, row);
  return row;
}

function newSealRow(ctx: ServiceContext, org: Org, name: string, algorithm: KeyAlgorithm, source: 'generated' | 'imported', bottom: string | undefined, png: string | undefined): repo.SealRow {
  const now = ctx.now.toISOString();
  return {
    id: newId(ctx.now.getTime()),
    org_id: org.id,
    name,
    algorithm,
    status: 'active',
    status_reason: null,
    status_changed_at: null,
    picture_rim: org.nameZh,
    picture_bottom: bottom?.trim() ?? '电子印章',
    picture_png: png ?? null,
    source,
    created_by: actorOf(ctx).userId,
    created_at: now,
    updated_at: now,
  };
}

/**
 * Makes a seal for an org: a fresh key pair (SM2 unless told otherwise), a certificate from the
 * seal authority, the P-256 twin for PDFs, and the red round picture.
 * @throws ACCESS.FORBIDDEN, ORG.NOT_FOUND, SEAL.INVALID (400), SEAL.EXISTS (409)
 */
export async function createSeal(ctx: ServiceContext, input: NewSeal): Promise<Seal> {
  requireAdmin(ctx);
  return inTransaction(ctx, async (trx) => {
    const problems: ErrorDetail[] = [];
    const org = await loadTargetOrg(ctx, trx, input.orgId, problems);
    const algorithm = input.algorithm ?? 'sm2';
    if (!KEY_ALGORITHMS.includes(algorithm)) problems.push({ path: 'body.algorithm', message: '算法须为 sm2、p256 或 ed25519' });
    const name = (input.name ?? `${org.nameZh}电子印章`).trim();
    if (!name) problems.push({ path: 'body.name', message: '印章名称不能为空' });
    problems.push(...pngProblems(input.picturePng));
    if (problems.length > 0) throw invalid('SEAL.INVALID', '印章信息不正确', problems);
    await requireNameFree(trx, org.id, name);
    const seal = newSealRow(ctx, org, name, algorithm, 'generated', input.pictureBottom, input.picturePng);
    await repo.insertSealRow(trx, seal);
    const key = await issueKey(ctx, trx, { seal, org, version: 1, validYears: input.validYears ?? DEFAULT_VALID_YEARS });
    await recordAudit(trx, ctx, { action: 'seal.create', targetType: 'seal', targetId: seal.id, summary: { orgId: org.id, name, algorithm, fingerprint: key.fingerprint, notAfter: key.not_after } });
    return toSeal(seal, org, [key]);
  });
}

function parseChain(pem: string | undefined): CertificateInfo[] | undefined {
  if (!pem?.trim()) return [];
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  const certs = blocks.map((b) => parseCertificate(b));
  return blocks.length > 0 && certs.every((c) => c !== undefined) ? (certs as CertificateInfo[]) : undefined;
}

function importedMaterial(ctx: ServiceContext, certificatePem: string, privateKeyPem: string, chainPem: string | undefined, problems: ErrorDetail[]) {
  const certificate = parseCertificate(certificatePem);
  const key = parsePrivateKeyPem(privateKeyPem);
  const chain = parseChain(chainPem);
  if (!certificate) problems.push({ path: 'body.certificatePem', message: '证书无法解析：须为 PEM 格式的 X.509 证书，公钥算法为 SM2、P-256 或 Ed25519' });
  if (!key) problems.push({ path: 'body.privateKeyPem', message: '私钥无法解析：须为未加密的 PEM（PKCS#8 或 EC PRIVATE KEY）' });
  if (!chain) problems.push({ path: 'body.chainPem', message: '证书链无法解析' });
  if (certificate && key && !publicSpkiOf(key).equals(certificate.spki)) problems.push({ path: 'body.privateKeyPem', message: '私钥与证书公钥不匹配' });
  if (certificate && (certificate.notAfter <= ctx.now || certificate.notBefore > ctx.now)) problems.push({ path: 'body.certificatePem', message: '证书不在有效期内' });
  return certificate && key && chain ? { certificate, key, chain } : undefined;
}

/**
 * Imports a seal whose key and certificate come from a real CA (production).
 * @throws ACCESS.FORBIDDEN, ORG.NOT_FOUND, SEAL.INVALID (400), SEAL.EXISTS / SEAL.CERTIFICATE_EXISTS (409)
 */
export async function importSeal(ctx: ServiceContext, input: ImportedSeal): Promise<Seal> {
  requireAdmin(ctx);
  return inTransaction(ctx, async (trx) => {
    const problems: ErrorDetail[] = [];
    const org = await loadTargetOrg(ctx, trx, input.orgId, problems);
    const material = importedMaterial(ctx, input.certificatePem, input.privateKeyPem, input.chainPem, problems);
    const name = (input.name ?? `${org.nameZh}电子印章`).trim();
    if (!name) problems.push({ path: 'body.name', message: '印章名称不能为空' });
    problems.push(...pngProblems(input.picturePng));
    if (problems.length > 0 || !material) throw invalid('SEAL.INVALID', '印章信息不正确', problems);
    await requireNameFree(trx, org.id, name);
    if (await repo.findKeyByFingerprint(trx, material.certificate.fingerprint)) throw conflict('SEAL.CERTIFICATE_EXISTS', '该证书已导入过');
    const seal = newSealRow(ctx, org, name, material.certificate.algorithm, 'imported', input.pictureBottom, input.picturePng);
    await repo.insertSealRow(trx, seal);
    const key = await issueKey(ctx, trx, { seal, org, version: 1, imported: material, validYears: DEFAULT_VALID_YEARS });
    await recordAudit(trx, ctx, { action: 'seal.import', targetType: 'seal', targetId: seal.id, summary: { orgId: org.id, name, algorithm: key.algorithm, fingerprint: key.fingerprint, issuer: material.certificate.issuer } });
    return toSeal(seal, org, [key]);
  });
}

function requireAllowed(row: repo.SealRow, action: SealAction): void {
  const allowed = allowedSealActions(row.status as SealStatus);
  if (!allowed.includes(action)) {
    const label: Record<SealStatus, string> = { active: '启用', suspended: '已暂停', revoked: '已吊销' };
    throw conflict('SEAL.INVALID_STATE', `印章当前状态为“${label[row.status as SealStatus]}”，不能执行此操作`, { status: row.status, allowedActions: allowed });
  }
}

async function changeStatus(ctx: ServiceContext, id: string, action: 'suspend' | 'reinstate' | 'revoke', reason: string | undefined): Promise<Seal> {
  requireAdmin(ctx);
  return inTransaction(ctx, async (trx) => {
    const row = await repo.findSealRow(trx, id);
    if (!row) throw sealNotFound();
    if (action !== 'reinstate' && !reason?.trim()) throw invalid('SEAL.INVALID', '请填写原因', [{ path: 'body.reason', message: '请填写原因' }]);
    requireAllowed(row, action);
    const status: SealStatus = action === 'suspend' ? 'suspended' : action === 'revoke' ? 'revoked' : 'active';
    const patch = { status, status_reason: reason?.trim() || null, status_changed_at: ctx.now.toISOString(), updated_at: ctx.now.toISOString() };
    await repo.updateSealRow(trx, id, patch);
    await recordAudit(trx, ctx, { action: `seal.${action}`, targetType: 'seal', targetId: id, summary: { name: row.name, from: row.status, to: status, reason: patch.status_reason } });
    return (await present(ctx, trx, [{ ...row, ...patch }]))[0];
  });
}

/**
 * Suspends a seal: it cannot be used until reinstated; what it sealed before stays valid.
 * @throws SEAL.NOT_FOUND, SEAL.INVALID (no reason), SEAL.INVALID_STATE (409)
 */
export function suspendSeal(ctx: ServiceContext, id: string, reason: string): Promise<Seal> {
  return changeStatus(ctx, id, 'suspend', reason);
}

/**
 * Reinstates a suspended seal.
 * @throws SEAL.NOT_FOUND, SEAL.INVALID_STATE (409)
 */
export function reinstateSeal(ctx: ServiceContext, id: string): Promise<Seal> {
  return changeStatus(ctx, id, 'reinstate', undefined);
}

/**
 * Revokes a seal for good (lost key, dissolved org): verification answers revoked_seal from now on.
 * @throws SEAL.NOT_FOUND, SEAL.INVALID (no reason), SEAL.INVALID_STATE (409)
 */
export function revokeSeal(ctx: ServiceContext, id: string, reason: string): Promise<Seal> {
  return changeStatus(ctx, id, 'revoke', reason);
}

export interface Rotation {
  validYears?: number;
  /** For imported seals: the CA's new certificate and key. */
  certificatePem?: string;
  privateKeyPem?: string;
  chainPem?: string;
}

/**
 * Rotates the seal's key: a new key version signs from now on; the old certificate is kept and still
 * verifies what it sealed before the rotation.
 * @throws SEAL.NOT_FOUND, SEAL.INVALID, SEAL.INVALID_STATE (409)
 */
export async function rotateSealKey(ctx: ServiceContext, id: string, input: Rotation): Promise<Seal> {
  requireAdmin(ctx);
  return inTransaction(ctx, async (trx) => {
    const row = await repo.findSealRow(trx, id);
    if (!row) throw sealNotFound();
    requireAllowed(row, 'rotate');
    const org = (await findOrg({ ...ctx, db: trx }, row.org_id))!;
    const problems: ErrorDetail[] = [];
    let imported: KeyInput['imported'];
    if (input.certificatePem || input.privateKeyPem) {
      imported = importedMaterial(ctx, input.certificatePem ?? '', input.privateKeyPem ?? '', input.chainPem, problems);
      if (imported && imported.certificate.algorithm !== row.algorithm) problems.push({ path: 'body.certificatePem', message: '新证书的算法须与印章一致' });
    } else if (row.source === 'imported') {
      problems.push({ path: 'body.certificatePem', message: '导入的印章须提供 CA 签发的新证书和私钥' });
    }
    if (problems.length > 0) throw invalid('SEAL.INVALID', '印章信息不正确', problems);
    const current = await repo.findCurrentKey(trx, id);
    const keys = await repo.listKeyRows(trx, [id]);
    const version = Math.max(0, ...keys.map((k) => k.version)) + 1;
    if (current) await repo.retireKey(trx, current.id, ctx.now.toISOString());
    const key = await issueKey(ctx, trx, { seal: row, org, version, imported, validYears: input.validYears ?? DEFAULT_VALID_YEARS });
    await repo.updateSealRow(trx, id, { updated_at: ctx.now.toISOString() });
    await recordAudit(trx, ctx, { action: 'seal.rotate', targetType: 'seal', targetId: id, summary: { name: row.name, fromVersion: current?.version ?? null, toVersion: version, fingerprint: key.fingerprint } });
    return (await present(ctx, trx, [{ ...row, updated_at: ctx.now.toISOString() }]))[0];
  });
}

export interface SealUse {
  id: string;
  sealId: string;
  keyVersion: number | null;
  actorId: string | null;
  actorName: string | null;
  format: ContentFormat;
  documentName: string | null;
  purpose: string | null;
  digestSm3: string;
  signedAt: string;
}

/**
 * The seal's usage log, newest first.
 * @throws SEAL.NOT_FOUND (also another org's seal for non-administrators)
 */
export async function listSealUses(ctx: ServiceContext, id: string, query: { cursor?: string; limit?: number }): Promise<{ items: SealUse[]; nextCursor: string | null }> {
  await loadVisibleSeal(ctx, ctx.db, id);
  const limit = query.limit ?? 50;
  const rows = await repo.listUseRows(ctx.db, id, query.cursor, limit + 1);
  const versions = new Map((await repo.listKeyRows(ctx.db, [id])).map((k) => [k.id, k.version]));
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      sealId: r.seal_id,
      keyVersion: versions.get(r.seal_key_id) ?? null,
      actorId: r.actor_id,
      actorName: r.actor_name,
      format: r.format as ContentFormat,
      documentName: r.document_name,
      purpose: r.purpose,
      digestSm3: r.digest_sm3,
      signedAt: r.signed_at,
    })),
    nextCursor: rows.length > limit ? page[page.length - 1].id : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Sealing

export type SealInput = { format: 'json'; json: unknown; name?: string; purpose?: string } | { format: 'bytes'; bytes: Buffer; name?: string; purpose?: string };

interface ReadyKey {
  seal: repo.SealRow;
  org: Org;
  key: repo.SealKeyRow;
}

async function keyForUse(ctx: ServiceContext, trx: Kysely<Database>, sealId: string): Promise<ReadyKey> {
  const actor = actorOf(ctx);
  const seal = await repo.findSealRow(trx, sealId);
  const administers = canAdministerSeals(actor.roles);
  if (!seal || (!administers && seal.org_id !== actor.orgId)) throw sealNotFound();
  const org = (await findOrg({ ...ctx, db: trx }, seal.org_id))!;
  if (!mayUseSeal(actor.orgId, actor.roles, seal.org_id, org.kind as OrgKind)) throw forbidden('SEAL.USE_FORBIDDEN', '您的角色不能使用该印章');
  requireAllowed(seal, 'use');
  const key = await repo.findCurrentKey(trx, sealId);
  if (!key) throw conflict('SEAL.NO_KEY', '该印章没有可用的密钥');
  const now = ctx.now.toISOString();
  if (now < key.not_before) throw conflict('SEAL.NOT_YET_VALID', `印章证书自 ${key.not_before} 起生效`);
  if (now > key.not_after) throw conflict('SEAL.EXPIRED', '印章证书已过有效期，请轮换密钥');
  return { seal, org, key };
}

function unsignedRecord(ctx: ServiceContext, ready: ReadyKey, format: ContentFormat, name: string | undefined, bytes: Uint8Array): UnsignedRecord {
  const actor = actorOf(ctx);
  return {
    type: RECORD_TYPE,
    version: 1,
    seal: { id: ready.seal.id, keyId: ready.key.id, keyVersion: ready.key.version, name: ready.seal.name, orgId: ready.org.id, orgName: ready.org.nameZh, uscc: ready.org.uscc },
    signer: { id: actor.userId, name: actor.displayName },
    signedAt: ctx.now.toISOString(),
    content: { format, name: name ?? null, ...digestsOf(bytes) },
    ...algorithmFields(ready.key.algorithm as KeyAlgorithm),
  };
}

async function logUse(ctx: ServiceContext, trx: Kysely<Database>, ready: ReadyKey, record: SignatureRecord, purpose: string | undefined): Promise<string> {
  const actor = actorOf(ctx);
  const id = newId(ctx.now.getTime());
  await repo.insertUseRow(trx, {
    id,
    seal_id: ready.seal.id,
    seal_key_id: ready.key.id,
    actor_id: actor.userId,
    actor_name: actor.displayName,
    format: record.content.format,
    document_name: record.content.name,
    purpose: purpose ?? null,
    digest_sm3: record.content.sm3,
    digest_sha256: record.content.sha256,
    signed_at: record.signedAt,
    record: JSON.stringify(record),
    request_id: ctx.requestId,
  });
  await recordAudit(trx, ctx, { action: 'seal.use', targetType: 'seal', targetId: ready.seal.id, summary: { useId: id, format: record.content.format, name: record.content.name, purpose: purpose ?? null, sm3: record.content.sm3, keyVersion: ready.key.version } });
  return id;
}

function sign(ctx: ServiceContext, ready: ReadyKey, unsigned: UnsignedRecord): SignatureRecord {
  const key = openKey(ctx, ready.key.key_envelope, `seal_key:${ready.key.id}`);
  return signRecord(unsigned, key, ready.key.certificate, JSON.parse(ready.key.chain) as string[]);
}

/**
 * Seals a document: JSON is canonicalised (RFC 8785) first, bytes are taken as they are. Returns the
 * detached signature record; the use is logged and audited in the same transaction.
 * @throws SEAL.NOT_FOUND, SEAL.USE_FORBIDDEN (403), SEAL.INVALID_STATE / SEAL.EXPIRED (409), SEAL.INVALID (400)
 */
export async function sealDocument(ctx: ServiceContext, sealId: string, input: SealInput): Promise<SignatureRecord> {
  return inTransaction(ctx, async (trx) => {
    const ready = await keyForUse(ctx, trx, sealId);
    const bytes = input.format === 'json' ? contentBytes('json', Buffer.from(JSON.stringify(input.json ?? null))) : input.bytes;
    if (!bytes) throw invalid('SEAL.INVALID', '待盖章的 JSON 无法规范化', [{ path: 'body.json', message: 'JSON 无法规范化' }]);
    const record = sign(ctx, ready, unsignedRecord(ctx, ready, input.format, input.name, bytes));
    await logUse(ctx, trx, ready, record, input.purpose);
    return record;
  });
}

export interface PdfRequest {
  title: string;
  paragraphs: string[];
  name?: string;
  purpose?: string;
  /** Origin of the public verify page printed at the foot of the page when QINGDAN_PUBLIC_BASE_URL is not set. */
  verifyUrl?: string;
}

/**
 * Renders and seals a one-page PDF: the seal picture on the page, a CMS signature (P-256 twin
 * certificate) that PDF readers check, and the SM2 sealing record over the same signed bytes.
 * @throws as sealDocument; SEAL.PDF_FONT_MISSING (503) when the machine has no CJK font
 */
export async function sealPdf(ctx: ServiceContext, sealId: string, input: PdfRequest): Promise<{ pdf: Buffer; record: SignatureRecord; useId: string }> {
  return inTransaction(ctx, async (trx) => {
    const ready = await keyForUse(ctx, trx, sealId);
    const day = new Date(ctx.now.getTime() + 8 * 3600_000); // dates on the page are China time
    const verifyBase = ctx.config.publicBaseUrl ?? input.verifyUrl;
    let pdf: Buffer;
    try {
      pdf = await renderPdf(
        {
          title: input.title,
          paragraphs: input.paragraphs,
          issuer: ready.org.nameZh,
          date: `${day.getUTCFullYear()}年${day.getUTCMonth() + 1}月${day.getUTCDate()}日`,
          seal: { rim: ready.seal.picture_rim, bottom: ready.seal.picture_bottom },
          sealPng: ready.seal.picture_png ? Buffer.from(ready.seal.picture_png, 'base64') : undefined,
          footer: `本文件加盖${ready.seal.name}（电子印章），可在 ${verifyBase ? `${verifyBase}/verify` : '本系统公开的验证页面（/verify）'} 上传本文件验证。`,
        },
        ctx.now,
      );
    } catch (error) {
      if (error instanceof NoCjkFontError) {
        throw new DomainError(503, 'SEAL.PDF_FONT_MISSING', '服务器未安装中文字体，无法生成 PDF：请安装 fonts-noto-cjk，或以 QINGDAN_PDF_FONT 指定字体文件');
      }
      throw error;
    }
    const pdfKey = openKey(ctx, ready.key.pdf_key_envelope, `seal_key_pdf:${ready.key.id}`);
    const pdfRoot = await ensureAuthority(ctx, trx, 'p256');
    const signed = await signPdf(
      pdf,
      { key: pdfKey, certificate: parseCertificate(ready.key.pdf_certificate)!.der, chain: [pdfRoot.info.der] },
      { name: ready.org.nameZh, reason: input.purpose ?? ready.seal.name, location: ready.org.nameZh, contactInfo: '' },
      ctx.now,
    );
    const signature = extractPdfSignature(signed)!;
    const record = sign(ctx, ready, unsignedRecord(ctx, ready, 'pdf', input.name ?? `${input.title}.pdf`, signature.signedBytes));
    const useId = await logUse(ctx, trx, ready, record, input.purpose);
    return { pdf: signed, record, useId };
  });
}
