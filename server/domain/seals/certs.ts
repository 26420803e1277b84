// X.509 certificates assembled by hand with pkijs/asn1js and signed with our own signers:
// WebCrypto cannot do SM2, so the TBSCertificate is encoded, signed, and the signature put in place.
import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID, SIGNATURE_ALGORITHMS, fromPem, parseSpki, signData, toPem, verifyData, type KeyAlgorithm, type PrivateKey } from './keys.ts';

const OID_COUNTRY = '2.5.4.6';
const OID_ORG = '2.5.4.10';
const OID_ORG_UNIT = '2.5.4.11';
const OID_COMMON_NAME = '2.5.4.3';

export interface DistinguishedName {
  commonName: string;
  organization: string;
  organizationalUnit?: string;
}

export interface CertificateSpec {
  subject: DistinguishedName;
  /** The issuer's name and key; the subject's own for a self-signed root. */
  issuer: { name: DistinguishedName; key: PrivateKey; spki: Buffer };
  subjectSpki: Buffer;
  notBefore: Date;
  notAfter: Date;
  /** CA certificates sign certificates; seal certificates sign documents (non-repudiation). */
  ca: boolean;
}

function rdn(name: DistinguishedName): pkijs.RelativeDistinguishedNames {
  const attr = (type: string, value: asn1js.BaseStringBlock) =>
    new asn1js.Set({ value: [new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: type }), value] })] });
  // One attribute per RDN (pkijs would put them all in one multi-valued RDN). Chinese names are
  // UTF8String (RFC 5280 §4.1.2.6); the country code stays PrintableString.
  const sequence = new asn1js.Sequence({
    value: [
      attr(OID_COUNTRY, new asn1js.PrintableString({ value: 'CN' })),
      attr(OID_ORG, new asn1js.Utf8String({ value: name.organization })),
      ...(name.organizationalUnit ? [attr(OID_ORG_UNIT, new asn1js.Utf8String({ value: name.organizationalUnit }))] : []),
      attr(OID_COMMON_NAME, new asn1js.Utf8String({ value: name.commonName })),
    ],
  });
  return pkijs.RelativeDistinguishedNames.fromBER(sequence.toBER(false));
}

function keyIdentifier(spki: Buffer): Buffer {
  const info = parseSpki(spki);
  // RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits.
  return createHash('sha1').update(info ? info.key : spki).digest();
}

function extension(extnID: string, critical: boolean, value: asn1js.AsnType): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });
}

function signatureAlgorithm(algorithm: KeyAlgorithm): pkijs.AlgorithmIdentifier {
  return new pkijs.AlgorithmIdentifier({ algorithmId: SIGNATURE_ALGORITHMS[algorithm].oid });
}

/**
 * 16 random bytes as a positive DER INTEGER in minimal form (RFC 5280 §4.1.2.2): the top byte in 0x01–0x7f. A top
 * byte of 0x00 before one below 0x80 is illegal padding, which OpenSSL refuses to read (about one certificate in 256
 * when the top bit alone was cleared).
 */
export function certificateSerial(): Buffer {
  const serial = randomBytes(16);
  serial[0] = (serial[0] & 0x7f) || 0x01;
  return serial;
}

/** Issues a certificate; returns its DER. SM2 issuers sign SM2-with-SM3 (OID 1.2.156.10197.1.501). */
export function issueCertificate(spec: CertificateSpec): Buffer {
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ valueHex: certificateSerial() });
  cert.issuer = rdn(spec.issuer.name);
  cert.subject = rdn(spec.subject);
  cert.notBefore = new pkijs.Time({ type: 0, value: spec.notBefore });
  cert.notAfter = new pkijs.Time({ type: spec.notAfter.getUTCFullYear() >= 2050 ? 1 : 0, value: spec.notAfter });
  cert.subjectPublicKeyInfo = pkijs.PublicKeyInfo.fromBER(new Uint8Array(spec.subjectSpki));
  cert.signature = signatureAlgorithm(spec.issuer.key.algorithm);
  cert.signatureAlgorithm = signatureAlgorithm(spec.issuer.key.algorithm);
  const keyUsage = spec.ca
    ? new asn1js.BitString({ valueHex: new Uint8Array([0x06]), unusedBits: 1 }) // keyCertSign, cRLSign
    : new asn1js.BitString({ valueHex: new Uint8Array([0xc0]), unusedBits: 6 }); // digitalSignature, nonRepudiation
  cert.extensions = [
    extension('2.5.29.19', true, new pkijs.BasicConstraints({ cA: spec.ca }).toSchema()),
    extension('2.5.29.15', true, keyUsage),
    extension('2.5.29.14', false, new asn1js.OctetString({ valueHex: keyIdentifier(spec.subjectSpki) })),
    extension('2.5.29.35', false, new asn1js.Sequence({ value: [new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: keyIdentifier(spec.issuer.spki) })] })),
  ];
  const tbs = cert.encodeTBS().toBER(false);
  const signature = signData(spec.issuer.key, new Uint8Array(tbs));
  cert.signatureValue = new asn1js.BitString({ valueHex: signature });
  return Buffer.from(cert.toSchema(true).toBER(false));
}

export interface CertificateInfo {
  der: Buffer;
  pem: string;
  /** SHA-256 of the DER, lower-case hex: the certificate's identity everywhere in Qingdan. */
  fingerprint: string;
  serialHex: string;
  subject: string;
  /** The subject as fields, for issuing certificates under this one. */
  subjectName: DistinguishedName;
  issuer: string;
  notBefore: Date;
  notAfter: Date;
  spki: Buffer;
  algorithm: KeyAlgorithm;
  /** Signature algorithm OID of the issuer's signature. */
  signatureAlgorithm: string;
}

function nameFields(name: pkijs.RelativeDistinguishedNames): DistinguishedName {
  const get = (oid: string) => name.typesAndValues.find((tv) => tv.type === oid)?.value.valueBlock.value as string | undefined;
  return { commonName: get(OID_COMMON_NAME) ?? '', organization: get(OID_ORG) ?? '', organizationalUnit: get(OID_ORG_UNIT) };
}

function nameText(name: pkijs.RelativeDistinguishedNames): string {
  const short: Record<string, string> = { [OID_COUNTRY]: 'C', [OID_ORG]: 'O', [OID_ORG_UNIT]: 'OU', [OID_COMMON_NAME]: 'CN' };
  return name.typesAndValues.map((tv) => `${short[tv.type] ?? tv.type}=${String(tv.value.valueBlock.value)}`).join(', ');
}

/** SHA-256 fingerprint of a certificate's DER. */
export function certificateFingerprint(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('hex');
}

/** Parses a PEM or DER certificate; undefined when it is not one or carries a key of another algorithm. */
export function parseCertificate(input: string | Uint8Array): CertificateInfo | undefined {
  try {
    const der = typeof input === 'string' ? fromPem(input, ['CERTIFICATE']) : Buffer.from(input);
    if (!der) return undefined;
    const cert = pkijs.Certificate.fromBER(new Uint8Array(der));
    const spki = Buffer.from(cert.subjectPublicKeyInfo.toSchema().toBER(false));
    const info = parseSpki(spki);
    if (!info) return undefined;
    return {
      der,
      pem: toPem('CERTIFICATE', der),
      fingerprint: certificateFingerprint(der),
      serialHex: Buffer.from(cert.serialNumber.valueBlock.valueHexView).toString('hex'),
      subject: nameText(cert.subject),
      subjectName: nameFields(cert.subject),
      issuer: nameText(cert.issuer),
      notBefore: cert.notBefore.value,
      notAfter: cert.notAfter.value,
      spki,
      algorithm: info.algorithm,
      signatureAlgorithm: cert.signatureAlgorithm.algorithmId,
    };
  } catch {
    return undefined;
  }
}

/** Whether `issuerSpki`'s key signed this certificate (SM2-with-SM3, ECDSA-SHA256 or Ed25519). */
export function certificateSignedBy(der: Uint8Array, issuerSpki: Buffer): boolean {
  try {
    const cert = pkijs.Certificate.fromBER(new Uint8Array(der));
    const issuer = parseSpki(issuerSpki);
    if (!issuer || cert.signatureAlgorithm.algorithmId !== SIGNATURE_ALGORITHMS[issuer.algorithm].oid) return false;
    return verifyData(issuerSpki, new Uint8Array(cert.tbsView), new Uint8Array(cert.signatureValue.valueBlock.valueHexView));
  } catch {
    return false;
  }
}

export { OID };
