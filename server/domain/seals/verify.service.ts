import type { ServiceContext } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';
import { orgsByIds } from '../orgs/orgs.service.ts';
import { certificateFingerprint, parseCertificate } from './certs.ts';
import { parseSpki, type KeyAlgorithm } from './keys.ts';
import { cmsVerify, extractPdfSignature } from './pdf.ts';
import { contentBytes, digestsOf, parseRecord, recordSignatureValid, type SignatureRecord } from './record.ts';
import type { SealStatus } from './seals.policy.ts';
import * as repo from './seals.repo.ts';

/** What a verification concludes; each failure has its own verdict so a reader knows what went wrong. */
export const VERDICTS = ['valid', 'tampered', 'seal_mismatch', 'unknown_seal', 'revoked_seal', 'expired_seal', 'outside_validity'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  valid: '签章有效',
  tampered: '文件已被篡改',
  seal_mismatch: '印章被替换',
  unknown_seal: '未知印章',
  revoked_seal: '印章已吊销',
  expired_seal: '印章已过期',
  outside_validity: '盖章时间不在有效期内',
};

const MESSAGES: Readonly<Record<string, string>> = {
  valid: '验证通过：文件自盖章后未被改动，盖章时印章有效。',
  digest_mismatch: '文件内容与签章记录中的摘要不一致：文件在盖章后被改动过。',
  signature_invalid: '签章记录的签名无法通过验证：签章记录被改动过。',
  pdf_signature_invalid: 'PDF 的数字签名无法通过验证：文件在盖章后被改动过。',
  pdf_modified_after_signing: 'PDF 在盖章后被追加了内容，签名未覆盖整个文件。',
  pdf_record_mismatch: '所附签章记录与该 PDF 不对应。',
  seal_mismatch: '签章记录声明的印章与签名所用的印章证书不符：印章被替换。',
  unknown_seal: '签名证书不是本平台发布的印章证书，无法确认盖章单位。',
  no_signature: '文件中没有找到电子签章。',
  malformed_record: '签章记录格式不正确。',
  revoked_seal: '该印章已被吊销，签章不再有效。',
  expired_seal: '盖章时印章证书已过有效期。',
  before_validity: '盖章时间早于印章证书生效时间。',
  key_retired: '盖章时间晚于该印章密钥的停用（轮换）时间。',
};

export interface Verification {
  verdict: Verdict;
  /** The precise cause (e.g. digest_mismatch, key_retired); `valid` when valid. */
  reason: string;
  label: string;
  message: string;
  seal: {
    id: string;
    name: string;
    orgId: string;
    orgName: string;
    uscc: string;
    status: SealStatus;
    algorithm: KeyAlgorithm;
    keyVersion: number;
    notBefore: string;
    notAfter: string;
    retiredAt: string | null;
  } | null;
  signedAt: string | null;
  signer: string | null;
  document: { format: string; name: string | null; sm3: string | null; sha256: string | null } | null;
}

function outcome(verdict: Verdict, reason: string, rest: Partial<Omit<Verification, 'verdict' | 'reason' | 'label' | 'message'>> = {}): Verification {
  return { verdict, reason, label: VERDICT_LABELS[verdict], message: MESSAGES[reason] ?? MESSAGES[verdict], seal: null, signedAt: null, signer: null, document: null, ...rest };
}

async function sealFacts(ctx: ServiceContext, key: repo.SealKeyRow): Promise<NonNullable<Verification['seal']>> {
  const seal = (await repo.findSealRow(ctx.db, key.seal_id))!;
  const org = (await orgsByIds(ctx, [seal.org_id])).get(seal.org_id);
  return {
    id: seal.id,
    name: seal.name,
    orgId: seal.org_id,
    orgName: org?.nameZh ?? '',
    uscc: org?.uscc ?? '',
    status: seal.status as SealStatus,
    algorithm: key.algorithm as KeyAlgorithm,
    keyVersion: key.version,
    notBefore: key.not_before,
    notAfter: key.not_after,
    retiredAt: key.retired_at,
  };
}

// The seal's state and the signing time against the key's validity, once the bytes are known to be intact.
// Times compare as instants: a record may write its signing time with any UTC offset. No signing time
// at all (a PDF without one) is not within validity.
function judgeTime(seal: NonNullable<Verification['seal']>, signedAt: string | null): { verdict: Verdict; reason: string } {
  if (seal.status === 'revoked') return { verdict: 'revoked_seal', reason: 'revoked_seal' };
  const at = signedAt ? Date.parse(signedAt) : Number.NaN;
  if (at > Date.parse(seal.notAfter)) return { verdict: 'expired_seal', reason: 'expired_seal' };
  if (!(at >= Date.parse(seal.notBefore))) return { verdict: 'outside_validity', reason: 'before_validity' };
  if (seal.retiredAt && at >= Date.parse(seal.retiredAt)) return { verdict: 'outside_validity', reason: 'key_retired' };
  return { verdict: 'valid', reason: 'valid' };
}

/**
 * Verifies a document against its detached signature record. Order: known certificate → the record
 * names that certificate's seal → record signature → document digests → revocation → validity.
 */
export async function verifyDetached(ctx: ServiceContext, document: Buffer, recordInput: unknown): Promise<Verification> {
  const record = parseRecord(recordInput);
  if (!record) return outcome('tampered', 'malformed_record');
  const base = { signedAt: record.signedAt, signer: record.signer?.name ?? null, document: { format: record.content.format, name: record.content.name, sm3: record.content.sm3, sha256: record.content.sha256 } };
  const cert = parseCertificate(record.certificate);
  const key = cert ? await repo.findKeyByFingerprint(ctx.db, cert.fingerprint) : undefined;
  if (!key) return outcome('unknown_seal', 'unknown_seal', base);
  const seal = await sealFacts(ctx, key);
  if (record.seal.id !== key.seal_id || record.seal.keyId !== key.id || record.seal.orgId !== seal.orgId) return outcome('seal_mismatch', 'seal_mismatch', { ...base, seal });
  // The stored certificate, not the record's copy, decides (they are the same DER by fingerprint).
  if (!recordSignatureValid(record, parseCertificate(key.certificate)!.spki)) return outcome('tampered', 'signature_invalid', { ...base, seal });
  const bytes = contentBytes(record.content.format, document);
  const digests = bytes ? digestsOf(bytes) : undefined;
  if (!digests || digests.sm3 !== record.content.sm3 || digests.sha256 !== record.content.sha256) return outcome('tampered', 'digest_mismatch', { ...base, seal });
  const judged = judgeTime(seal, record.signedAt);
  return outcome(judged.verdict, judged.reason, { ...base, seal });
}

/**
 * Verifies a sealed PDF by its embedded CMS signature (and, when given, the SM2 sealing record of the
 * same signed bytes).
 */
export async function verifyPdf(ctx: ServiceContext, pdf: Buffer, recordInput?: unknown): Promise<Verification> {
  const signature = extractPdfSignature(pdf);
  if (!signature) return outcome('tampered', 'no_signature');
  const cms = cmsVerify(signature.cms, signature.signedBytes);
  if (!cms?.signerCertificate) return outcome('tampered', 'pdf_signature_invalid');
  const key = await repo.findKeyByPdfFingerprint(ctx.db, certificateFingerprint(cms.signerCertificate));
  const signedAt = cms.signingTime?.toISOString() ?? null;
  const digests = digestsOf(signature.signedBytes);
  const base = { signedAt, signer: null, document: { format: 'pdf', name: null, ...digests } };
  if (!key) return outcome('unknown_seal', 'unknown_seal', base);
  const seal = await sealFacts(ctx, key);
  if (!cms.digestMatches || !cms.signatureValid) return outcome('tampered', 'pdf_signature_invalid', { ...base, seal });
  if (!signature.coversWholeFile) return outcome('tampered', 'pdf_modified_after_signing', { ...base, seal });
  let record: SignatureRecord | undefined;
  if (recordInput !== undefined && recordInput !== null && recordInput !== '') {
    record = parseRecord(recordInput);
    if (!record) return outcome('tampered', 'malformed_record', { ...base, seal });
    const recordCert = parseCertificate(record.certificate);
    const recordKey = recordCert ? await repo.findKeyByFingerprint(ctx.db, recordCert.fingerprint) : undefined;
    if (!recordKey) return outcome('unknown_seal', 'unknown_seal', { ...base, seal });
    if (recordKey.seal_id !== key.seal_id || record.seal.id !== key.seal_id) return outcome('seal_mismatch', 'seal_mismatch', { ...base, seal });
    if (!recordSignatureValid(record, recordCert!.spki)) return outcome('tampered', 'signature_invalid', { ...base, seal });
    if (record.content.sm3 !== digests.sm3 || record.content.sha256 !== digests.sha256) return outcome('tampered', 'pdf_record_mismatch', { ...base, seal });
  }
  const judged = judgeTime(seal, signedAt);
  return outcome(judged.verdict, judged.reason, { ...base, seal, signer: record?.signer?.name ?? null, document: { ...base.document, name: record?.content.name ?? null } });
}

function b64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

/** A JWK (RFC 7517) of a seal public key: EC P-256, OKP Ed25519, or EC with the SM2 curve (crv "SM2"). */
function jwkOf(spki: Buffer): Record<string, string> {
  const info = parseSpki(spki)!;
  if (info.algorithm === 'ed25519') return { kty: 'OKP', crv: 'Ed25519', x: b64url(info.key) };
  // Uncompressed point 04‖X‖Y.
  return { kty: 'EC', crv: info.algorithm === 'sm2' ? 'SM2' : 'P-256', x: b64url(info.key.subarray(1, 33)), y: b64url(info.key.subarray(33, 65)) };
}

function derB64(pem: string): string {
  return parseCertificate(pem)!.der.toString('base64');
}

/**
 * Every seal certificate ever issued (current, rotated out, suspended, revoked) and the authority
 * roots, JWKS-style: enough to verify any signature record offline.
 */
export async function publishedSeals(ctx: ServiceContext): Promise<Record<string, unknown>> {
  const seals = await repo.listSealRows(ctx.db);
  const keys = await repo.listKeyRows(ctx.db);
  const orgs = await orgsByIds(ctx, seals.map((s) => s.org_id));
  const byId = new Map(seals.map((s) => [s.id, s]));
  const authorities = await repo.listAuthorities(ctx.db);
  return {
    issuer: [...orgs.values()].find((o) => o.kind === 'bureau')?.nameZh ?? null,
    generatedAt: ctx.now.toISOString(),
    signatureInput: 'UTF-8 of the RFC 8785 (JCS) form of the signature record without "signature", "certificate" and "chain"; SM2 signs with user id 1234567812345678',
    authorities: authorities.map((a) => ({ id: a.id, algorithm: a.algorithm, subject: a.subject, fingerprint: a.fingerprint, notBefore: a.not_before, notAfter: a.not_after, active: Boolean(a.active), certificate: a.certificate })),
    keys: keys.map((k) => {
      const seal = byId.get(k.seal_id)!;
      const org = orgs.get(seal.org_id);
      const cert = parseCertificate(k.certificate)!;
      return {
        ...jwkOf(cert.spki),
        kid: k.id,
        use: 'sig',
        alg: k.algorithm === 'sm2' ? 'SM2SM3' : k.algorithm === 'p256' ? 'ES256' : 'EdDSA',
        x5c: [derB64(k.certificate), ...(JSON.parse(k.chain) as string[]).map(derB64)],
        'x5t#S256': Buffer.from(k.fingerprint, 'hex').toString('base64url'),
        sealId: seal.id,
        sealName: seal.name,
        keyVersion: k.version,
        org: { id: seal.org_id, name: org?.nameZh ?? '', uscc: org?.uscc ?? '' },
        status: seal.status,
        statusChangedAt: seal.status_changed_at,
        notBefore: k.not_before,
        notAfter: k.not_after,
        retiredAt: k.retired_at,
        pdfCertificate: { 'x5t#S256': Buffer.from(k.pdf_fingerprint, 'hex').toString('base64url'), x5c: [derB64(k.pdf_certificate)] },
      };
    }),
  };
}

export interface Submission {
  pdf?: Buffer;
  document?: Buffer;
  json?: unknown;
  signature?: unknown;
}

/**
 * Verifies what a person or program submitted: a sealed PDF (with or without its sealing record),
 * or a document with its detached signature record. A PDF sent as the document is recognised.
 * @throws VERIFY.INVALID (400) when neither a PDF nor a document with its signature was given
 */
export async function verifySubmission(ctx: ServiceContext, input: Submission): Promise<Verification> {
  const hasSignature = input.signature !== undefined && input.signature !== null && input.signature !== '';
  const pdf = input.pdf ?? (input.document && input.document.subarray(0, 5).toString('latin1') === '%PDF-' ? input.document : undefined);
  if (pdf) return verifyPdf(ctx, pdf, hasSignature ? input.signature : undefined);
  const document = input.document ?? (input.json !== undefined ? Buffer.from(JSON.stringify(input.json), 'utf8') : undefined);
  if (!document || !hasSignature) {
    throw invalid('VERIFY.INVALID', '请提供已盖章的 PDF，或提供文件及其签章记录', [
      ...(document ? [] : [{ path: 'body.document', message: '缺少待验证的文件' }]),
      ...(hasSignature ? [] : [{ path: 'body.signature', message: '缺少签章记录' }]),
    ]);
  }
  return verifyDetached(ctx, document, input.signature);
}
