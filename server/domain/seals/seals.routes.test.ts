import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { buildTestApp, TEST_DIALECT, type Session, type TestApp } from '../../test/test-app.ts';
import { issueCertificate, parseCertificate } from './certs.ts';
import { openPrivateKey } from './kek.ts';
import { generateKeyPair, toPem } from './keys.ts';
import { algorithmFields, contentBytes, digestsOf, recordTbs, signRecord, type SignatureRecord, type UnsignedRecord } from './record.ts';

// Route tests for seals and verification, in STYLE.md's order per route: 401 → 400 → 403/404 → 409 → happy path.

type Res = LightMyRequestResponse;

function expectError(res: Res, status: number, code: string, paths?: string[]): { code: string; message: string; details?: unknown } {
  expect(res.statusCode, res.body).toBe(status);
  const error = (res.json() as { error: { code: string; message: string; details?: Array<{ path: string }> } }).error;
  expect(error.code).toBe(code);
  expect(error.message).toMatch(/\p{Script=Han}/u);
  if (paths) expect([...new Set((error.details ?? []).map((d) => d.path))].sort()).toEqual([...paths].sort());
  return error;
}

interface SealBody {
  id: string;
  orgId: string;
  name: string;
  status: string;
  algorithm: string;
  allowedActions: string[];
  currentKey: { id: string; version: number; fingerprint: string; certificate: string; notBefore: string; notAfter: string; subject: string } | null;
  keys: Array<{ id: string; version: number; retiredAt: string | null }>;
}

interface VerificationBody {
  verdict: string;
  reason: string;
  seal: { id: string; orgName: string; status: string; keyVersion: number } | null;
  signedAt: string | null;
}

const KEK = randomBytes(32);

describe(`seal routes (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let admin: Session;
  let reviewer: Session;
  let auditor: Session;
  let scjgLeader: Session;
  let scjgEditor: Session;
  let orgIds: Record<string, string>;
  let bureauSeal: SealBody;

  beforeAll(async () => {
    t = await buildTestApp({ sealKek: { kind: 'inline', key: KEK }, login: { ...loadConfig({ NODE_ENV: 'test' }).login, perIpPerMinute: 10_000 } });
    [admin, reviewer, auditor, scjgLeader, scjgEditor] = await t.loginAll('admin', 'reviewer', 'auditor', 'scjg-leader', 'scjg');
    const orgs = (await t.call(admin, 'GET', '/api/orgs')).json().items as Array<{ id: string; nameZh: string; kind: string }>;
    const byName = (name: string) => orgs.find((o) => o.nameZh === name)!.id;
    orgIds = { bureau: byName('乌审旗政务服务局'), scjg: byName('乌审旗市场监督管理局'), mzj: byName('乌审旗民政局'), glt: byName('嘎鲁图镇'), city: orgs.find((o) => o.kind === 'external')!.id };
  });
  afterAll(() => t.close());

  const create = (body: Record<string, unknown>, as: Session = admin) => t.call(as, 'POST', '/api/seals', body);
  const seal = (sealId: string, body: Record<string, unknown>, as: Session = reviewer) => t.call(as, 'POST', `/api/seals/${sealId}/seal`, body);
  const verify = async (body: Record<string, unknown>): Promise<VerificationBody> => {
    const res = await t.call(undefined, 'POST', '/api/verify', body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as VerificationBody;
  };
  const keyOf = async (keyId: string) => t.database.db.selectFrom('seal_key').selectAll().where('id', '=', keyId).executeTakeFirstOrThrow();

  describe('POST /api/seals (create)', () => {
    it('401 without a session', async () => {
      expectError(await t.call(undefined, 'POST', '/api/seals', { orgId: orgIds.bureau }), 401, 'AUTH.REQUIRED');
    });

    it('400 names every malformed field', async () => {
      expectError(await create({ orgId: '', algorithm: 'rsa', validYears: 0, colour: 'red' }), 400, 'VALIDATION.FAILED', ['body', 'body.algorithm', 'body.orgId', 'body.validYears']);
    });

    it('400 for an external org and a picture that is not PNG', async () => {
      expectError(await create({ orgId: orgIds.city, picturePng: Buffer.from('GIF89a').toString('base64') }), 400, 'SEAL.INVALID', ['body.orgId', 'body.picturePng']);
    });

    it('403 for roles other than bureau_admin', async () => {
      expectError(await create({ orgId: orgIds.bureau }, reviewer), 403, 'ACCESS.FORBIDDEN');
    });

    it('404 for an unknown org', async () => {
      expectError(await create({ orgId: 'no-such-org' }), 404, 'ORG.NOT_FOUND');
    });

    it('201 makes an SM2 seal with a Chinese certificate from the demo root, audited; 409 for a second one of the same name', async () => {
      const res = await create({ orgId: orgIds.bureau });
      expect(res.statusCode, res.body).toBe(201);
      bureauSeal = res.json() as SealBody;
      expect(bureauSeal).toMatchObject({ name: '乌审旗政务服务局电子印章', status: 'active', algorithm: 'sm2', allowedActions: ['use', 'suspend', 'revoke', 'rotate'] });
      const cert = parseCertificate(bureauSeal.currentKey!.certificate)!;
      expect(cert.subject).toBe('C=CN, O=乌审旗政务服务局, OU=统一社会信用代码 11150626990000017B, CN=乌审旗政务服务局电子印章');
      expect(cert.issuer).toContain('电子印章根证书（演示）');
      expect(cert.signatureAlgorithm).toBe('1.2.156.10197.1.501');
      const audit = await t.auditRows('seal.create');
      expect(audit[0]).toMatchObject({ actor_id: admin.userId, target_id: bureauSeal.id });
      expect(JSON.parse(audit[0].summary)).toMatchObject({ algorithm: 'sm2', fingerprint: bureauSeal.currentKey!.fingerprint });
      expect(await t.auditRows('seal_authority.create')).toHaveLength(2); // SM2 root and the P-256 root for PDFs
      expectError(await create({ orgId: orgIds.bureau }), 409, 'SEAL.EXISTS');
    });

    it.each(['p256', 'ed25519'] as const)('201 makes a %s seal when asked (international interop)', async (algorithm) => {
      const res = await create({ orgId: orgIds.mzj, name: `民政局 ${algorithm} 印章`, algorithm, validYears: 1 });
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json() as SealBody;
      expect(parseCertificate(body.currentKey!.certificate)!.algorithm).toBe(algorithm);
      expect(Date.parse(body.currentKey!.notAfter) - Date.parse(body.currentKey!.notBefore)).toBeLessThanOrEqual(366 * 86_400_000);
    });
  });

  describe('private keys at rest', () => {
    it('the stored rows hold only encrypted envelopes: no key in any column, response or audit row', async () => {
      const row = await keyOf(bureauSeal.currentKey!.id);
      const key = openPrivateKey(KEK, row.key_envelope, `seal_key:${row.id}`);
      const pdfKey = openPrivateKey(KEK, row.pdf_key_envelope, `seal_key_pdf:${row.id}`);
      expect(key.algorithm).toBe('sm2');
      const stored = [
        JSON.stringify(await t.database.db.selectFrom('seal_key').selectAll().execute()),
        JSON.stringify(await t.database.db.selectFrom('seal_authority').selectAll().execute()),
        JSON.stringify(await t.database.db.selectFrom('seal').selectAll().execute()),
        JSON.stringify(await t.database.db.selectFrom('audit_event').selectAll().execute()),
        (await t.call(admin, 'GET', '/api/seals')).body,
        (await t.call(undefined, 'GET', '/.well-known/qingdan-seals.json')).body,
      ].join('\n');
      const secretForms = [key.secret, key.secret.toUpperCase(), Buffer.from(key.secret, 'hex').toString('base64'), pdfKey.secret.split('\n')[1]];
      for (const form of secretForms) expect(stored).not.toContain(form);
      expect(JSON.parse(row.key_envelope)).toMatchObject({ v: 1, alg: 'A256GCM' });
    });
  });

  describe('POST /api/seals/import', () => {
    // A stand-in for a real CA: its own SM2 root, which issues the seal certificate outside Qingdan.
    function caIssued(commonName: string) {
      const ca = generateKeyPair('sm2');
      const caName = { commonName: '某省电子认证服务机构根证书', organization: '某省电子认证服务有限公司' };
      const now = new Date(Date.now() - 60_000);
      const until = new Date(Date.now() + 365 * 86_400_000);
      const caDer = issueCertificate({ subject: caName, issuer: { name: caName, key: ca.privateKey, spki: ca.spki }, subjectSpki: ca.spki, notBefore: now, notAfter: until, ca: true });
      const pair = generateKeyPair('sm2');
      const der = issueCertificate({ subject: { commonName, organization: '嘎鲁图镇' }, issuer: { name: caName, key: ca.privateKey, spki: ca.spki }, subjectSpki: pair.spki, notBefore: now, notAfter: until, ca: false });
      const sec1 = Buffer.concat([Buffer.from('30310201010420', 'hex'), Buffer.from(pair.privateKey.secret, 'hex'), Buffer.from('a00a06082a811ccf5501822d', 'hex')]);
      return { certificatePem: toPem('CERTIFICATE', der), privateKeyPem: toPem('EC PRIVATE KEY', sec1), chainPem: toPem('CERTIFICATE', caDer) };
    }

    it('400 when the key does not belong to the certificate; 403 for non-admins', async () => {
      const a = caIssued('嘎鲁图镇电子印章');
      const b = caIssued('嘎鲁图镇电子印章');
      expectError(await t.call(admin, 'POST', '/api/seals/import', { orgId: orgIds.glt, certificatePem: a.certificatePem, privateKeyPem: b.privateKeyPem }), 400, 'SEAL.INVALID', ['body.privateKeyPem']);
      expectError(await t.call(admin, 'POST', '/api/seals/import', { orgId: orgIds.glt, certificatePem: 'x', privateKeyPem: 'y' }), 400, 'SEAL.INVALID', ['body.certificatePem', 'body.privateKeyPem']);
      expectError(await t.call(reviewer, 'POST', '/api/seals/import', { orgId: orgIds.glt, ...a }), 403, 'ACCESS.FORBIDDEN');
    });

    it("201 imports a CA's certificate and key; its seal verifies; importing it twice is 409", async () => {
      const material = caIssued('嘎鲁图镇电子印章');
      const res = await t.call(admin, 'POST', '/api/seals/import', { orgId: orgIds.glt, name: '嘎鲁图镇电子印章', ...material });
      expect(res.statusCode, res.body).toBe(201);
      const imported = res.json() as SealBody;
      expect(imported.currentKey!.subject).toBe('C=CN, O=嘎鲁图镇, CN=嘎鲁图镇电子印章');
      expect((await t.auditRows('seal.import'))[0].target_id).toBe(imported.id);
      expectError(await t.call(admin, 'POST', '/api/seals/import', { orgId: orgIds.glt, name: '嘎鲁图镇备用章', ...material }), 409, 'SEAL.CERTIFICATE_EXISTS');
      // 嘎鲁图镇's account is dept_editor + filing_officer: filing officers use their town's seal.
      const glt = await t.login('glt');
      const sealed = await seal(imported.id, { json: { receipt: 'GLT-1' } }, glt);
      expect(sealed.statusCode, sealed.body).toBe(200);
      expect(await verify({ json: { receipt: 'GLT-1' }, signature: sealed.json() })).toMatchObject({ verdict: 'valid', seal: { orgName: '嘎鲁图镇' } });
    });
  });

  describe('POST /api/seals/:id/seal (use)', () => {
    it('401 without a session', async () => {
      expectError(await t.call(undefined, 'POST', `/api/seals/${bureauSeal.id}/seal`, { json: {} }), 401, 'AUTH.REQUIRED');
    });

    it('400 unless exactly one of json or base64 is given', async () => {
      expectError(await seal(bureauSeal.id, { json: {}, base64: 'AA==' }), 400, 'SEAL.INVALID', ['body']);
      expectError(await seal(bureauSeal.id, { name: 'x' }), 400, 'SEAL.INVALID', ['body']);
    });

    it("404 for another org's seal; 403 for a role that may not use its own org's seal", async () => {
      expectError(await seal(bureauSeal.id, { json: {} }, scjgLeader), 404, 'SEAL.NOT_FOUND');
      const scjgSeal = (await create({ orgId: orgIds.scjg })).json() as SealBody;
      expectError(await seal(scjgSeal.id, { json: {} }, scjgEditor), 403, 'SEAL.USE_FORBIDDEN');
      expectError(await seal(scjgSeal.id, { json: {} }, auditor), 404, 'SEAL.NOT_FOUND');
      expect((await seal(scjgSeal.id, { json: { ok: true } }, scjgLeader)).statusCode).toBe(200);
    });

    it('200 returns the signature record, logs the use and audits it', async () => {
      const res = await seal(bureauSeal.id, { json: { 回执编号: 'WSQ-2026-0001', 申请人: '内蒙古草原有限公司' }, name: 'receipt.json', purpose: '受理回执' });
      expect(res.statusCode, res.body).toBe(200);
      const record = res.json() as SignatureRecord;
      expect(record).toMatchObject({ type: 'qingdan.seal-signature', algorithm: 'SM2-with-SM3', userId: '1234567812345678', signer: { id: reviewer.userId }, seal: { id: bureauSeal.id, orgName: '乌审旗政务服务局' } });
      expect(record.content.sm3).toBe(digestsOf(contentBytes('json', Buffer.from('{"申请人":"内蒙古草原有限公司","回执编号":"WSQ-2026-0001"}'))!).sm3);
      const audit = (await t.auditRows('seal.use'))[0];
      expect(audit).toMatchObject({ actor_id: reviewer.userId, target_id: bureauSeal.id });
      const uses = await t.call(admin, 'GET', `/api/seals/${bureauSeal.id}/uses`);
      expect(uses.json().items[0]).toMatchObject({ id: JSON.parse(audit.summary).useId, actorName: '审核员 张敏', format: 'json', documentName: 'receipt.json', purpose: '受理回执', keyVersion: 1 });
      expectError(await t.call(scjgLeader, 'GET', `/api/seals/${bureauSeal.id}/uses`), 404, 'SEAL.NOT_FOUND');
      expect((await t.call(auditor, 'GET', `/api/seals/${bureauSeal.id}/uses`)).statusCode).toBe(200);
    });
  });

  describe('POST /api/seals/:id/seal when the key cannot be used', () => {
    it('409 SEAL.EXPIRED once the current certificate has run out, and no use is logged', async () => {
      // The market regulator's seal (made by an earlier test: one active seal per org), used by its leader.
      const s = ((await t.call(admin, 'GET', '/api/seals')).json().items as SealBody[]).find((x) => x.orgId === orgIds.scjg && x.status === 'active')!;
      const usesBefore = (await t.call(admin, 'GET', `/api/seals/${s.id}/uses`)).json().items.length;
      const key = await keyOf(s.currentKey!.id);
      await t.database.db.updateTable('seal_key').set({ not_after: new Date(Date.now() - 60_000).toISOString() }).where('id', '=', key.id).execute();
      try {
        expectError(await seal(s.id, { json: { 回执编号: 'WSQ-2026-0002' } }, scjgLeader), 409, 'SEAL.EXPIRED');
        expect((await t.call(admin, 'GET', `/api/seals/${s.id}/uses`)).json().items).toHaveLength(usesBefore);
      } finally {
        await t.database.db.updateTable('seal_key').set({ not_after: key.not_after }).where('id', '=', key.id).execute();
      }
      expect((await seal(s.id, { json: { 回执编号: 'WSQ-2026-0002' } }, scjgLeader)).statusCode).toBe(200);
    });

    it('503 SEAL.KEK_UNAVAILABLE when the process holds another key-encryption key than the one the key was sealed under', async () => {
      const own = t.config.sealKek;
      t.config.sealKek = { kind: 'inline', key: randomBytes(32) };
      try {
        const res = await seal(bureauSeal.id, { json: { 回执编号: 'WSQ-2026-0003' } });
        expectError(res, 503, 'SEAL.KEK_UNAVAILABLE');
        expect(res.body).not.toMatch(/-----BEGIN|privateKey/);
      } finally {
        t.config.sealKek = own;
      }
      expect((await seal(bureauSeal.id, { json: { 回执编号: 'WSQ-2026-0003' } })).statusCode).toBe(200);
    });
  });

  describe('suspend / reinstate / revoke / rotate', () => {
    let target: SealBody;
    beforeAll(async () => {
      target = (await create({ orgId: orgIds.mzj })).json() as SealBody;
    });

    it('401, 400 (no reason), 403, 404', async () => {
      expectError(await t.call(undefined, 'POST', `/api/seals/${target.id}/suspend`, { reason: 'x' }), 401, 'AUTH.REQUIRED');
      expectError(await t.call(admin, 'POST', `/api/seals/${target.id}/suspend`, {}), 400, 'VALIDATION.FAILED', ['body.reason']);
      expectError(await t.call(reviewer, 'POST', `/api/seals/${target.id}/revoke`, { reason: 'x' }), 403, 'ACCESS.FORBIDDEN');
      expectError(await t.call(admin, 'POST', '/api/seals/nope/rotate', {}), 404, 'SEAL.NOT_FOUND');
    });

    it('suspend blocks use (409 naming the allowed actions), reinstate restores it; both audited', async () => {
      const suspended = await t.call(admin, 'POST', `/api/seals/${target.id}/suspend`, { reason: '印章管理员调岗' });
      expect(suspended.json()).toMatchObject({ status: 'suspended', statusReason: '印章管理员调岗', allowedActions: ['reinstate', 'revoke'] });
      const leader = await t.login('admin');
      // bureau_admin administers every seal but uses only the bureau's: 403 here, for the role rule.
      expectError(await seal(target.id, { json: {} }, leader), 403, 'SEAL.USE_FORBIDDEN');
      const mzjAdminUse = await t.call(admin, 'POST', `/api/seals/${target.id}/rotate`, {});
      expect(expectError(mzjAdminUse, 409, 'SEAL.INVALID_STATE').details).toMatchObject({ allowedActions: ['reinstate', 'revoke'] });
      expect((await t.call(admin, 'POST', `/api/seals/${target.id}/reinstate`, {})).json()).toMatchObject({ status: 'active' });
      expectError(await t.call(admin, 'POST', `/api/seals/${target.id}/reinstate`, {}), 409, 'SEAL.INVALID_STATE');
      expect((await t.auditRows('seal.suspend'))[0].target_id).toBe(target.id);
      expect((await t.auditRows('seal.reinstate'))[0].target_id).toBe(target.id);
    });

    it('rotate issues version 2 and keeps version 1 (retired) for verification; audited', async () => {
      const res = await t.call(admin, 'POST', `/api/seals/${target.id}/rotate`, { validYears: 2 });
      expect(res.statusCode, res.body).toBe(200);
      const rotated = res.json() as SealBody;
      expect(rotated.currentKey!.version).toBe(2);
      expect(rotated.keys.map((k) => [k.version, k.retiredAt !== null])).toEqual([
        [1, true],
        [2, false],
      ]);
      expect(JSON.parse((await t.auditRows('seal.rotate'))[0].summary)).toMatchObject({ fromVersion: 1, toVersion: 2 });
    });

    it('revoke is final: 409 for every later action', async () => {
      expect((await t.call(admin, 'POST', `/api/seals/${target.id}/revoke`, { reason: '机构撤并' })).json()).toMatchObject({ status: 'revoked', allowedActions: [] });
      expectError(await t.call(admin, 'POST', `/api/seals/${target.id}/revoke`, { reason: '再次吊销' }), 409, 'SEAL.INVALID_STATE');
      expectError(await t.call(admin, 'POST', `/api/seals/${target.id}/reinstate`, {}), 409, 'SEAL.INVALID_STATE');
      expect((await t.auditRows('seal.revoke'))[0].target_id).toBe(target.id);
    });
  });

  describe('POST /api/verify: each failure has its own verdict', () => {
    const receipt = { 回执编号: 'WSQ-2026-0002', 事项: '食品经营备案', 日期: '2026-11-29' };
    let record: SignatureRecord;

    // A forger holding the seal's key (or a client with a wrong clock): signs a record with any signing time.
    async function forged(base: SignatureRecord, keyId: string, signedAt: string): Promise<SignatureRecord> {
      const row = await keyOf(keyId);
      const key = openPrivateKey(KEK, row.key_envelope, `seal_key:${row.id}`);
      const { signature: _s, certificate: _c, chain: _ch, ...unsigned } = base;
      return signRecord({ ...(unsigned as UnsignedRecord), signedAt, seal: { ...base.seal, keyId: row.id, keyVersion: row.version } }, key, row.certificate, JSON.parse(row.chain) as string[]);
    }

    beforeAll(async () => {
      record = (await seal(bureauSeal.id, { json: receipt, name: 'receipt.json' })).json() as SignatureRecord;
    });

    it('400 when neither a PDF nor a document with its signature is given', async () => {
      expectError(await t.call(undefined, 'POST', '/api/verify', { json: receipt }), 400, 'VERIFY.INVALID', ['body.signature']);
      expectError(await t.call(undefined, 'POST', '/api/verify', { signature: record }), 400, 'VERIFY.INVALID', ['body.document']);
    });

    it('valid: the same JSON in any key order or spacing, as JSON or as uploaded bytes', async () => {
      const v = await verify({ json: { 日期: '2026-11-29', 事项: '食品经营备案', 回执编号: 'WSQ-2026-0002' }, signature: record });
      expect(v).toMatchObject({ verdict: 'valid', reason: 'valid', signedAt: record.signedAt, seal: { id: bureauSeal.id, orgName: '乌审旗政务服务局', status: 'active' } });
      const pretty = Buffer.from(JSON.stringify(receipt, null, 2)).toString('base64');
      expect((await verify({ document: pretty, signature: JSON.stringify(record) })).verdict).toBe('valid');
    });

    it('tampered: one changed character in the document', async () => {
      expect(await verify({ json: { ...receipt, 日期: '2026-11-28' }, signature: record })).toMatchObject({ verdict: 'tampered', reason: 'digest_mismatch' });
    });

    it('tampered: a changed signing time in the record (the record is signed too)', async () => {
      expect(await verify({ json: receipt, signature: { ...record, signedAt: '2026-01-01T00:00:00.000Z' } })).toMatchObject({ verdict: 'tampered', reason: 'signature_invalid' });
    });

    it('seal_mismatch: the record claims another seal than the one whose certificate signed it', async () => {
      const other = (await t.call(admin, 'GET', '/api/seals')).json().items.find((s: SealBody) => s.id !== bureauSeal.id && s.status === 'active') as SealBody;
      const swapped = { ...record, seal: { ...record.seal, id: other.id, keyId: other.currentKey!.id, orgId: other.orgId, name: other.name } };
      expect(await verify({ json: receipt, signature: swapped })).toMatchObject({ verdict: 'seal_mismatch', seal: { id: bureauSeal.id } });
    });

    it('unknown_seal: a certificate Qingdan never issued, even one naming the bureau', async () => {
      const stranger = generateKeyPair('sm2');
      const name = { commonName: '乌审旗政务服务局电子印章', organization: '乌审旗政务服务局' };
      const der = issueCertificate({ subject: name, issuer: { name, key: stranger.privateKey, spki: stranger.spki }, subjectSpki: stranger.spki, notBefore: new Date(Date.now() - 1000), notAfter: new Date(Date.now() + 86_400_000), ca: false });
      const { signature: _s, certificate: _c, chain: _ch, ...unsigned } = record;
      const fake = signRecord(unsigned as UnsignedRecord, stranger.privateKey, toPem('CERTIFICATE', der), []);
      expect(await verify({ json: receipt, signature: fake })).toMatchObject({ verdict: 'unknown_seal', seal: null });
    });

    it('expired_seal: sealed after the seal certificate had expired', async () => {
      const key = await keyOf(record.seal.keyId);
      const late = await forged(record, key.id, new Date(Date.parse(key.not_after) + 86_400_000).toISOString());
      expect(await verify({ json: receipt, signature: late })).toMatchObject({ verdict: 'expired_seal', reason: 'expired_seal' });
    });

    it('outside_validity: sealed before the certificate was valid, or with a key after rotation retired it', async () => {
      const key = await keyOf(record.seal.keyId);
      const early = await forged(record, key.id, new Date(Date.parse(key.not_before) - 86_400_000).toISOString());
      expect(await verify({ json: receipt, signature: early })).toMatchObject({ verdict: 'outside_validity', reason: 'before_validity' });

      const leader = scjgLeader;
      const scjg = (await t.call(admin, 'GET', '/api/seals')).json().items.find((s: SealBody) => s.orgId === orgIds.scjg) as SealBody;
      const before = (await seal(scjg.id, { json: receipt }, leader)).json() as SignatureRecord;
      await t.call(admin, 'POST', `/api/seals/${scjg.id}/rotate`, {});
      const retired = await keyOf(before.seal.keyId);
      // What the old key sealed before the rotation stays valid; the same key used afterwards does not.
      expect(await verify({ json: receipt, signature: before })).toMatchObject({ verdict: 'valid', seal: { keyVersion: 1 } });
      const after = await forged(before, retired.id, new Date(Date.parse(retired.retired_at!) + 1000).toISOString());
      expect(await verify({ json: receipt, signature: after })).toMatchObject({ verdict: 'outside_validity', reason: 'key_retired' });
      const fresh = (await seal(scjg.id, { json: receipt }, leader)).json() as SignatureRecord;
      expect(await verify({ json: receipt, signature: fresh })).toMatchObject({ verdict: 'valid', seal: { keyVersion: 2 } });
    });

    it('judges the signing time as the instant it names, not as text: an offset time outside validity is outside', async () => {
      // The same instant written with a UTC offset: the text sorts differently from the stored "…Z" times.
      const withOffset = (ms: number, hours: number) => {
        const local = new Date(ms + hours * 3_600_000).toISOString().slice(0, -1);
        return `${local}${hours < 0 ? '-' : '+'}${String(Math.abs(hours)).padStart(2, '0')}:00`;
      };
      const key = await keyOf(record.seal.keyId);
      const early = await forged(record, key.id, withOffset(Date.parse(key.not_before) - 3_600_000, 8));
      expect(await verify({ json: receipt, signature: early })).toMatchObject({ verdict: 'outside_validity', reason: 'before_validity' });
      const late = await forged(record, key.id, withOffset(Date.parse(key.not_after) + 3_600_000, -10));
      expect(await verify({ json: receipt, signature: late })).toMatchObject({ verdict: 'expired_seal', reason: 'expired_seal' });
      const inside = await forged(record, key.id, withOffset(Date.parse(key.not_before) + 3_600_000, -10));
      expect((await verify({ json: receipt, signature: inside })).verdict).toBe('valid');
    });

    it('revoked_seal: once revoked, even earlier signatures answer revoked', async () => {
      const doomed = (await create({ orgId: orgIds.bureau, name: '乌审旗政务服务局行政审批专用章', pictureBottom: '行政审批专用章' })).json() as SealBody;
      const signed = (await seal(doomed.id, { base64: Buffer.from('决定书正文').toString('base64'), name: 'decision.txt' })).json() as SignatureRecord;
      expect((await verify({ document: Buffer.from('决定书正文').toString('base64'), signature: signed })).verdict).toBe('valid');
      await t.call(admin, 'POST', `/api/seals/${doomed.id}/revoke`, { reason: '私钥泄露' });
      expect(await verify({ document: Buffer.from('决定书正文').toString('base64'), signature: signed })).toMatchObject({ verdict: 'revoked_seal', seal: { status: 'revoked' } });
    });

    it('tampered: a record that is not a signature record at all', async () => {
      expect(await verify({ json: receipt, signature: { hello: 'world' } })).toMatchObject({ verdict: 'tampered', reason: 'malformed_record' });
    });

    it('signs exactly the JCS form of the record minus signature, certificate and chain', () => {
      const tbs = recordTbs(record).toString('utf8');
      expect(tbs.startsWith('{"algorithm":"SM2-with-SM3","content":{')).toBe(true);
      expect(tbs).not.toContain('"signature"');
      expect(algorithmFields('p256')).toEqual({ algorithm: 'ECDSA-P256-SHA256' });
    });
  });

  describe('sealed PDFs', () => {
    let pdf: Buffer;
    let pdfRecord: SignatureRecord;

    it('401 anonymous, 400 without paragraphs, 404 other org; 200 renders and seals', async () => {
      expectError(await t.call(undefined, 'POST', `/api/seals/${bureauSeal.id}/sealed-pdf`, { title: 't', paragraphs: ['p'] }), 401, 'AUTH.REQUIRED');
      expectError(await t.call(reviewer, 'POST', `/api/seals/${bureauSeal.id}/sealed-pdf`, { title: 't', paragraphs: [] }), 400, 'VALIDATION.FAILED', ['body.paragraphs']);
      expectError(await t.call(scjgLeader, 'POST', `/api/seals/${bureauSeal.id}/sealed-pdf`, { title: 't', paragraphs: ['p'] }), 404, 'SEAL.NOT_FOUND');
      const res = await t.call(reviewer, 'POST', `/api/seals/${bureauSeal.id}/sealed-pdf`, { title: '行政备案受理回执', paragraphs: ['您提交的备案材料已收到，予以备案。'], purpose: '受理回执' });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      pdf = Buffer.from(res.json().pdfBase64, 'base64');
      pdfRecord = res.json().record;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdfRecord.content.format).toBe('pdf');
      expect(JSON.parse((await t.auditRows('seal.use'))[0].summary)).toMatchObject({ format: 'pdf', purpose: '受理回执' });
    });

    it('verifies valid by its embedded signature, alone or with its SM2 sealing record', async () => {
      expect(await verify({ pdf: pdf.toString('base64') })).toMatchObject({ verdict: 'valid', seal: { id: bureauSeal.id, orgName: '乌审旗政务服务局' } });
      expect(await verify({ pdf: pdf.toString('base64'), signature: pdfRecord })).toMatchObject({ verdict: 'valid' });
      // Uploaded as "the document", a PDF is recognised as such.
      expect((await verify({ document: pdf.toString('base64') })).verdict).toBe('valid');
    });

    it('tampered after a one-byte change or appended content; seal_mismatch with another seal’s record', async () => {
      const changed = Buffer.from(pdf);
      const at = changed.indexOf('stream\n') + 20;
      changed[at] ^= 0x01;
      expect(await verify({ pdf: changed.toString('base64') })).toMatchObject({ verdict: 'tampered', reason: 'pdf_signature_invalid' });
      const appended = Buffer.concat([pdf, Buffer.from('\n% appended\n')]);
      expect(await verify({ pdf: appended.toString('base64') })).toMatchObject({ verdict: 'tampered', reason: 'pdf_modified_after_signing' });
      const scjg = (await t.call(admin, 'GET', '/api/seals')).json().items.find((s: SealBody) => s.orgId === orgIds.scjg) as SealBody;
      const otherRecord = (await seal(scjg.id, { json: { x: 1 } }, scjgLeader)).json();
      expect(await verify({ pdf: pdf.toString('base64'), signature: otherRecord })).toMatchObject({ verdict: 'seal_mismatch' });
      expect(await verify({ pdf: Buffer.from('%PDF-1.7\nno signature').toString('base64') })).toMatchObject({ verdict: 'tampered', reason: 'no_signature' });
    });
  });

  describe('uploaded seal picture', () => {
    // A 1×1 red PNG stands in for a scanned seal picture.
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

    it('is served as PNG and drawn into sealed PDFs instead of the generated picture', async () => {
      const res = await create({ orgId: orgIds.bureau, name: '乌审旗政务服务局便民服务专用章', picturePng: png });
      expect(res.statusCode, res.body).toBe(201);
      const uploaded = res.json() as SealBody & { picture: { uploaded: boolean } };
      expect(uploaded.picture.uploaded).toBe(true);
      const picture = await t.call(undefined, 'GET', `/api/seals/${uploaded.id}/picture`);
      expect(picture.headers['content-type']).toBe('image/png');
      expect(picture.rawPayload.equals(Buffer.from(png, 'base64'))).toBe(true);
      const sealed = await t.call(reviewer, 'POST', `/api/seals/${uploaded.id}/sealed-pdf`, { title: '告知书', paragraphs: ['正文'] });
      expect(sealed.statusCode, sealed.body.slice(0, 200)).toBe(200);
      const pdf = Buffer.from(sealed.json().pdfBase64, 'base64');
      expect(pdf.includes(Buffer.from('/Subtype /Image'))).toBe(true);
      expect((await verify({ pdf: pdf.toString('base64') })).verdict).toBe('valid');
    });
  });

  describe('public pages', () => {
    it('/.well-known/qingdan-seals.json lists every key version with its status, incl. rotated-out and revoked ones', async () => {
      const res = await t.call(undefined, 'GET', '/.well-known/qingdan-seals.json');
      expect(res.statusCode).toBe(200);
      const doc = res.json() as { authorities: Array<{ algorithm: string }>; keys: Array<{ kid: string; kty: string; crv: string; x5c: string[]; status: string; retiredAt: string | null; keyVersion: number }> };
      expect(doc.authorities.map((a) => a.algorithm).sort()).toEqual(['p256', 'sm2']);
      const mine = doc.keys.find((k) => k.kid === bureauSeal.currentKey!.id)!;
      expect(mine).toMatchObject({ kty: 'EC', crv: 'SM2', status: 'active' });
      expect(parseCertificate(Buffer.from(mine.x5c[0], 'base64'))!.fingerprint).toBe(bureauSeal.currentKey!.fingerprint);
      expect(doc.keys.some((k) => k.retiredAt !== null)).toBe(true);
      expect(doc.keys.some((k) => k.status === 'revoked')).toBe(true);
      expect(doc.keys.some((k) => k.kty === 'OKP' && k.crv === 'Ed25519')).toBe(true);
    });

    it('GET /verify is a form that needs no JavaScript; the seal picture is public', async () => {
      const page = await t.call(undefined, 'GET', '/verify');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('enctype="multipart/form-data"');
      expect(page.body).not.toContain('<script');
      const picture = await t.call(undefined, 'GET', `/api/seals/${bureauSeal.id}/picture`);
      expect(picture.headers['content-type']).toContain('image/svg+xml');
      expect(picture.body).toContain('乌');
    });

    it('POST /verify with a sealed PDF shows the valid verdict with the org and time; without a file it explains', async () => {
      const res = await t.call(reviewer, 'POST', `/api/seals/${bureauSeal.id}/sealed-pdf`, { title: '告知书', paragraphs: ['正文'] });
      const pdf = Buffer.from(res.json().pdfBase64, 'base64');
      const boundary = '----qingdan' + randomBytes(8).toString('hex');
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="notice.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
        pdf,
        Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="signatureText"\r\n\r\n\r\n--${boundary}--\r\n`),
      ]);
      const page = await t.app.inject({ method: 'POST', url: '/verify', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('data-verdict="valid"');
      expect(page.body).toContain('签章有效');
      expect(page.body).toContain('乌审旗政务服务局');
      expect(page.body).toContain('北京时间');
      const empty = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="signatureText"\r\n\r\n{}\r\n--${boundary}--\r\n`);
      const missing = await t.app.inject({ method: 'POST', url: '/verify', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: empty });
      expect(missing.statusCode).toBe(400);
      expect(missing.body).toContain('无法验证');
    });
  });
});
