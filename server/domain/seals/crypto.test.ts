import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';
import { certificateSerial, certificateSignedBy, issueCertificate, parseCertificate } from './certs.ts';
import { KekError, loadSealKek, openPrivateKey, sealPrivateKey } from './kek.ts';
import { generateKeyPair, parsePrivateKeyPem, parseSpki, publicSpkiOf, signData, sm2Spki, toPem, verifyData } from './keys.ts';
import { sm2Sign, sm2Verify, sm3 } from './sm2.ts';

// "Small" tests of the primitives every seal rests on, against the national standards' own examples.

describe('SM2 / SM3 / SM4 test vectors', () => {
  // GM/T 0003.5-2012 (GB/T 32918.5-2017) Annex A: signature on the recommended curve,
  // message "message digest", signer id 1234567812345678.
  const vector = {
    privateKey: '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8',
    publicKey:
      '04' + '09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020' + 'ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13',
    r: 'f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3',
    s: 'b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa',
  };
  // DER SEQUENCE { INTEGER r, INTEGER s } (both need a leading zero: their top bit is set).
  const der = Buffer.from(`3046022100${vector.r}022100${vector.s}`, 'hex');
  const message = Buffer.from('message digest');

  it('SM2 verifies the standard example signature and rejects it for another message', () => {
    expect(sm2Verify(message, der, vector.publicKey)).toBe(true);
    expect(sm2Verify(Buffer.from('message digesT'), der, vector.publicKey)).toBe(false);
  });

  it("SM2 signatures made with the example's private key verify under its public key", () => {
    const signature = sm2Sign(message, vector.privateKey);
    expect(sm2Verify(message, signature, vector.publicKey)).toBe(true);
    // Signing is randomised (k): two signatures differ, both verify.
    expect(sm2Sign(message, vector.privateKey).equals(signature)).toBe(false);
  });

  it('SM3 matches GB/T 32905 examples 1 and 2', () => {
    expect(sm3('abc').toString('hex')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(sm3('abcd'.repeat(16)).toString('hex')).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });

  it("SM4 (node:crypto) matches GB/T 32907's example", () => {
    const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const cipher = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
    expect(Buffer.concat([cipher.update(key), cipher.final()]).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });
});

describe('keys and certificates', () => {
  it.each(['sm2', 'p256', 'ed25519'] as const)('%s keys sign and verify; a changed byte fails', (algorithm) => {
    const pair = generateKeyPair(algorithm);
    const data = Buffer.from('乌审旗政务服务局');
    const signature = signData(pair.privateKey, data);
    expect(verifyData(pair.spki, data, signature)).toBe(true);
    expect(verifyData(pair.spki, Buffer.from('乌审旗政务服务所'), signature)).toBe(false);
    expect(parseSpki(pair.spki)?.algorithm).toBe(algorithm);
    expect(publicSpkiOf(pair.privateKey).equals(pair.spki)).toBe(true);
  });

  it('reads PEM private keys: SM2 PKCS#8 and SEC1, P-256, Ed25519; refuses garbage', () => {
    const sm2 = generateKeyPair('sm2');
    const d = Buffer.from(sm2.privateKey.secret, 'hex');
    // SEC1 ECPrivateKey with the SM2 curve OID, as `openssl ecparam -name SM2 -genkey` writes it.
    const sec1 = Buffer.concat([Buffer.from('30310201010420', 'hex'), d, Buffer.from('a00a06082a811ccf5501822d', 'hex')]);
    expect(parsePrivateKeyPem(toPem('EC PRIVATE KEY', sec1))).toEqual(sm2.privateKey);
    const pkcs8 = Buffer.concat([Buffer.from('3041020100301306072a8648ce3d020106082a811ccf5501822d042730250201010420', 'hex'), d]);
    expect(parsePrivateKeyPem(toPem('PRIVATE KEY', pkcs8))).toEqual(sm2.privateKey);
    for (const algorithm of ['p256', 'ed25519'] as const) {
      const pair = generateKeyPair(algorithm);
      expect(parsePrivateKeyPem(pair.privateKey.secret)?.algorithm).toBe(algorithm);
    }
    expect(parsePrivateKeyPem('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----')).toBeUndefined();
  });

  it('issues an SM2-with-SM3 certificate with a Chinese subject that chains to its root', () => {
    const root = generateKeyPair('sm2');
    const rootName = { commonName: '测试根证书', organization: '乌审旗政务服务局' };
    const now = new Date('2026-01-01T00:00:00Z');
    const later = new Date('2036-01-01T00:00:00Z');
    const issuer = { name: rootName, key: root.privateKey, spki: root.spki };
    const rootDer = issueCertificate({ subject: rootName, issuer, subjectSpki: root.spki, notBefore: now, notAfter: later, ca: true });
    const seal = generateKeyPair('sm2');
    const der = issueCertificate({ subject: { commonName: '乌审旗政务服务局电子印章', organization: '乌审旗政务服务局' }, issuer, subjectSpki: seal.spki, notBefore: now, notAfter: later, ca: false });
    const info = parseCertificate(toPem('CERTIFICATE', der))!;
    expect(info.subject).toBe('C=CN, O=乌审旗政务服务局, CN=乌审旗政务服务局电子印章');
    expect(info.issuer).toBe('C=CN, O=乌审旗政务服务局, CN=测试根证书');
    expect(info.signatureAlgorithm).toBe('1.2.156.10197.1.501');
    expect(info.spki.equals(sm2Spki(parseSpki(seal.spki)!.key.toString('hex')))).toBe(true);
    expect(info.notAfter.toISOString()).toBe(later.toISOString());
    expect(certificateSignedBy(der, root.spki)).toBe(true);
    expect(certificateSignedBy(der, seal.spki)).toBe(false);
    expect(certificateSignedBy(rootDer, root.spki)).toBe(true);
  });
});

describe('certificate serial numbers', () => {
  it('are positive INTEGERs in minimal DER form, every time (OpenSSL refuses illegal padding)', () => {
    for (let i = 0; i < 20_000; i++) {
      const serial = certificateSerial();
      expect(serial).toHaveLength(16);
      // Positive (top bit clear) and minimal (no leading zero byte: the next byte would then have to be ≥ 0x80).
      if (serial[0] >= 0x80 || serial[0] === 0x00) expect.fail(`serial ${serial.toString('hex')} is not a minimal positive INTEGER`);
    }
  });
});

describe('private keys at rest (KEK)', () => {
  const kek = randomBytes(32);

  it('an envelope opens only with its KEK and for the row it is bound to; it never contains the key', () => {
    const pair = generateKeyPair('sm2');
    const envelope = sealPrivateKey(kek, pair.privateKey, 'seal_key:1');
    expect(envelope).not.toContain(pair.privateKey.secret);
    expect(Buffer.from(envelope).includes(Buffer.from(pair.privateKey.secret, 'hex'))).toBe(false);
    expect(openPrivateKey(kek, envelope, 'seal_key:1')).toEqual(pair.privateKey);
    expect(() => openPrivateKey(kek, envelope, 'seal_key:2')).toThrow(KekError);
    expect(() => openPrivateKey(randomBytes(32), envelope, 'seal_key:1')).toThrow(/another KEK/);
  });

  it('development creates the KEK file once with mode 0600; production never creates one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-kek-'));
    const file = path.join(dir, 'data', 'seal-kek.key');
    const key = loadSealKek({ kind: 'file', path: file, create: true });
    expect(key).toHaveLength(32);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64').equals(key)).toBe(true);
    expect(() => loadSealKek({ kind: 'file', path: path.join(dir, 'missing.key'), create: false })).toThrow(KekError);
    fs.rmSync(dir, { recursive: true });
  });
});

describe('KEK configuration', () => {
  const production = { NODE_ENV: 'production', QINGDAN_DEMO: 'false' };

  it('production refuses to start without a KEK, with a bad one, or with an unreadable file', () => {
    expect(() => loadConfig(production)).toThrow(/QINGDAN_SEAL_KEK_FILE/);
    expect(() => loadConfig({ ...production, QINGDAN_SEAL_KEK: 'c2hvcnQ=' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...production, QINGDAN_SEAL_KEK_FILE: '/nonexistent/kek' })).toThrow(/cannot be read/);
  });

  it('takes an inline base64 KEK or a file; development defaults to a file under the data dir', () => {
    const key = randomBytes(32);
    expect(loadConfig({ ...production, QINGDAN_SEAL_KEK: key.toString('base64') }).sealKek).toEqual({ kind: 'inline', key });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-kek-'));
    fs.writeFileSync(path.join(dir, 'kek'), key.toString('base64'));
    expect(loadConfig({ ...production, QINGDAN_SEAL_KEK_FILE: path.join(dir, 'kek') }).sealKek).toEqual({ kind: 'file', path: path.join(dir, 'kek'), create: false });
    expect(loadConfig({ NODE_ENV: 'development', QINGDAN_DATA_DIR: dir }).sealKek).toEqual({ kind: 'file', path: path.join(dir, 'seal-kek.key'), create: true });
    fs.rmSync(dir, { recursive: true });
  });
});
