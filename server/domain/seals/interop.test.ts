import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, TEST_DIALECT, type Session, type TestApp } from '../../test/test-app.ts';
import { contentBytes, recordTbs, type SignatureRecord } from './record.ts';

// Independent tools agree: what Qingdan seals, the OpenSSL command line and poppler's pdfsig verify
// without any of our code. (CI installs openssl and poppler-utils; elsewhere these tests say they skipped.)

function has(tool: string): boolean {
  return spawnSync(tool, ['-v'], { stdio: 'ignore' }).error === undefined;
}

function run(cmd: string, args: string[]): { status: number | null; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe.skipIf(!has('openssl'))(`OpenSSL agrees with Qingdan's SM2 seals (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let reviewer: Session;
  let dir: string;
  let record: SignatureRecord;
  const receipt = { 备案编号: '150626-2026-000123', 备案人: '乌审旗草原牧业有限公司', 事项: '食品经营备案' };

  beforeAll(async () => {
    t = await buildTestApp({ sealKek: { kind: 'inline', key: randomBytes(32) } });
    const admin = await t.login('admin');
    reviewer = await t.login('reviewer');
    const orgs = (await t.call(admin, 'GET', '/api/orgs')).json().items as Array<{ id: string; kind: string }>;
    const seal = (await t.call(admin, 'POST', '/api/seals', { orgId: orgs.find((o) => o.kind === 'bureau')!.id })).json() as { id: string };
    record = (await t.call(reviewer, 'POST', `/api/seals/${seal.id}/seal`, { json: receipt, name: 'receipt.json' })).json() as SignatureRecord;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-interop-'));
    // What a third party exports from the record: the signing input, the DER signature and the certificates.
    fs.writeFileSync(path.join(dir, 'tbs.bin'), recordTbs(record));
    fs.writeFileSync(path.join(dir, 'sig.der'), Buffer.from(record.signature, 'base64'));
    fs.writeFileSync(path.join(dir, 'cert.pem'), record.certificate);
    fs.writeFileSync(path.join(dir, 'root.pem'), record.chain.join(''));
    fs.writeFileSync(path.join(dir, 'receipt.jcs.json'), contentBytes('json', Buffer.from(JSON.stringify(receipt)))!);
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('openssl x509 parses the certificate: SM2-with-SM3, SM2 curve, Chinese subject', () => {
    const text = execFileSync('openssl', ['x509', '-in', path.join(dir, 'cert.pem'), '-noout', '-text', '-nameopt', 'utf8,sep_comma_plus_space'], { encoding: 'utf8' });
    expect(text).toContain('Signature Algorithm: SM2-with-SM3');
    expect(text).toContain('ASN1 OID: SM2');
    expect(text).toContain('Subject: C=CN, O=乌审旗政务服务局, OU=统一社会信用代码 11150626990000017B, CN=乌审旗政务服务局电子印章');
    expect(text).toContain('Digital Signature, Non Repudiation');
  });

  it('openssl verify accepts the chain to the demo root (SM2 distid 1234567812345678)', () => {
    const r = run('openssl', ['verify', '-vfyopt', 'distid:1234567812345678', '-CAfile', path.join(dir, 'root.pem'), path.join(dir, 'cert.pem')]);
    expect(r.out).toContain('cert.pem: OK');
  });

  it('openssl pkeyutl verifies the SM2 signature over the exported signing input, and rejects a changed byte', () => {
    execFileSync('openssl', ['x509', '-in', path.join(dir, 'cert.pem'), '-noout', '-pubkey', '-out', path.join(dir, 'pub.pem')]);
    const args = (input: string) => ['pkeyutl', '-verify', '-pubin', '-inkey', path.join(dir, 'pub.pem'), '-rawin', '-in', input, '-sigfile', path.join(dir, 'sig.der'), '-digest', 'sm3', '-pkeyopt', 'distid:1234567812345678'];
    const ok = run('openssl', args(path.join(dir, 'tbs.bin')));
    expect(ok.out).toContain('Signature Verified Successfully');
    expect(ok.status).toBe(0);
    const tampered = Buffer.from(recordTbs(record));
    tampered[tampered.length - 3] ^= 0x01;
    fs.writeFileSync(path.join(dir, 'tbs-changed.bin'), tampered);
    const bad = run('openssl', args(path.join(dir, 'tbs-changed.bin')));
    expect(bad.status).not.toBe(0);
    expect(bad.out).toContain('Signature Verification Failure');
  });

  it("openssl's SM3 and SHA-256 of the canonical JSON equal the record's digests", () => {
    const digest = (alg: string) => execFileSync('openssl', ['dgst', `-${alg}`, '-r', path.join(dir, 'receipt.jcs.json')], { encoding: 'utf8' }).split(' ')[0];
    expect(digest('sm3')).toBe(record.content.sm3);
    expect(digest('sha256')).toBe(record.content.sha256);
  });
});

describe.skipIf(!has('pdfsig'))(`pdfsig agrees with Qingdan's sealed PDFs (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let dir: string;
  let pdf: Buffer;

  beforeAll(async () => {
    t = await buildTestApp({ sealKek: { kind: 'inline', key: randomBytes(32) } });
    const admin = await t.login('admin');
    const orgs = (await t.call(admin, 'GET', '/api/orgs')).json().items as Array<{ id: string; kind: string }>;
    const seal = (await t.call(admin, 'POST', '/api/seals', { orgId: orgs.find((o) => o.kind === 'bureau')!.id })).json() as { id: string };
    const res = await t.call(admin, 'POST', `/api/seals/${seal.id}/sealed-pdf`, { title: '行政备案受理回执', paragraphs: ['乌审旗草原牧业有限公司：你单位提交的食品经营备案材料已收到，经核对材料齐全，予以备案。'] });
    pdf = Buffer.from(res.json().pdfBase64, 'base64');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-pdfsig-'));
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('pdfsig: "Signature is Valid." for the sealed PDF, signed by the seal certificate, whole document signed', () => {
    fs.writeFileSync(path.join(dir, 'sealed.pdf'), pdf);
    const r = run('pdfsig', [path.join(dir, 'sealed.pdf')]);
    expect(r.out).toContain('Signature Validation: Signature is Valid.');
    expect(r.out).toContain('Signer Certificate Common Name: 乌审旗政务服务局电子印章');
    expect(r.out).toContain('Total document signed');
    // One page: title, text, the seal over the issuer's name, and the footer saying where to verify.
    expect(run('pdfinfo', [path.join(dir, 'sealed.pdf')]).out).toMatch(/Pages:\s+1\n/);
    expect(run('pdftotext', [path.join(dir, 'sealed.pdf'), '-']).out).toMatch(/行政备案受理回执[\s\S]*乌审旗政务服务局[\s\S]*\/verify/);
  });

  it('pdfsig: a one-byte change makes it fail', () => {
    const changed = Buffer.from(pdf);
    changed[changed.indexOf('stream\n') + 20] ^= 0x01;
    fs.writeFileSync(path.join(dir, 'changed.pdf'), changed);
    const r = run('pdfsig', [path.join(dir, 'changed.pdf')]);
    expect(r.out).toMatch(/Signature Validation: (Signature is Invalid|Digest Mismatch)/);
    expect(r.out).not.toContain('Signature is Valid.');
  });
});
