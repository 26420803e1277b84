// Key material of the three seal algorithms behind one interface: SM2 (default, via ./sm2.ts),
// P-256 and Ed25519 (node:crypto, for international interop and PDF readers).
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import * as asn1js from 'asn1js';
import { generateSm2KeyPair, sm2PublicKeyOf, sm2Sign, sm2Verify } from './sm2.ts';

export const KEY_ALGORITHMS = ['sm2', 'p256', 'ed25519'] as const;
export type KeyAlgorithm = (typeof KEY_ALGORITHMS)[number];

export const OID = {
  ecPublicKey: '1.2.840.10045.2.1',
  sm2Curve: '1.2.156.10197.1.301',
  p256Curve: '1.2.840.10045.3.1.7',
  ed25519: '1.3.101.112',
  sm2WithSm3: '1.2.156.10197.1.501',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  sha256: '2.16.840.1.101.3.4.2.1',
} as const;

/** Signature algorithm of each key algorithm: its X.509/CMS OID and a display name. */
export const SIGNATURE_ALGORITHMS: Readonly<Record<KeyAlgorithm, { oid: string; name: string }>> = {
  sm2: { oid: OID.sm2WithSm3, name: 'SM2-with-SM3' },
  p256: { oid: OID.ecdsaWithSha256, name: 'ECDSA-P256-SHA256' },
  ed25519: { oid: OID.ed25519, name: 'Ed25519' },
};

/** A private key in the form its signer takes: SM2 as the hex scalar, the others as PKCS#8 PEM. */
export interface PrivateKey {
  algorithm: KeyAlgorithm;
  secret: string;
}

export interface KeyPair {
  privateKey: PrivateKey;
  /** DER SubjectPublicKeyInfo. */
  spki: Buffer;
}

function derOf(block: asn1js.AsnType): Buffer {
  return Buffer.from(block.toBER(false));
}

/** DER SubjectPublicKeyInfo of an SM2 point: id-ecPublicKey with the SM2 curve, as OpenSSL writes it. */
export function sm2Spki(publicKeyHex: string): Buffer {
  return derOf(
    new asn1js.Sequence({
      value: [
        new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID.ecPublicKey }), new asn1js.ObjectIdentifier({ value: OID.sm2Curve })] }),
        new asn1js.BitString({ valueHex: Buffer.from(publicKeyHex, 'hex') }),
      ],
    }),
  );
}

function parseDer(der: Uint8Array): asn1js.AsnType {
  const parsed = asn1js.fromBER(new Uint8Array(der).buffer);
  if (parsed.offset === -1) throw new Error('not DER');
  return parsed.result;
}

/** Which algorithm a SubjectPublicKeyInfo is for and its raw key bits; undefined for other keys. */
export function parseSpki(spki: Uint8Array): { algorithm: KeyAlgorithm; key: Buffer } | undefined {
  try {
    const seq = parseDer(spki) as asn1js.Sequence;
    const [alg, bits] = seq.valueBlock.value as [asn1js.Sequence, asn1js.BitString];
    const [oid, params] = alg.valueBlock.value as [asn1js.ObjectIdentifier, asn1js.AsnType | undefined];
    const key = Buffer.from(bits.valueBlock.valueHexView);
    const algorithmId = oid.valueBlock.toString();
    if (algorithmId === OID.ed25519) return { algorithm: 'ed25519', key };
    if (algorithmId !== OID.ecPublicKey || !(params instanceof asn1js.ObjectIdentifier)) return undefined;
    const curve = params.valueBlock.toString();
    if (curve === OID.sm2Curve) return { algorithm: 'sm2', key };
    if (curve === OID.p256Curve) return { algorithm: 'p256', key };
    return undefined;
  } catch {
    return undefined;
  }
}

/** A fresh key pair. */
export function generateKeyPair(algorithm: KeyAlgorithm): KeyPair {
  if (algorithm === 'sm2') {
    const pair = generateSm2KeyPair();
    return { privateKey: { algorithm, secret: pair.privateKeyHex }, spki: sm2Spki(pair.publicKeyHex) };
  }
  const { privateKey, publicKey } =
    algorithm === 'p256' ? generateKeyPairSync('ec', { namedCurve: 'prime256v1' }) : generateKeyPairSync('ed25519');
  return {
    privateKey: { algorithm, secret: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() },
    spki: publicKey.export({ type: 'spki', format: 'der' }),
  };
}

/** The SubjectPublicKeyInfo of a private key. */
export function publicSpkiOf(key: PrivateKey): Buffer {
  if (key.algorithm === 'sm2') return sm2Spki(sm2PublicKeyOf(key.secret));
  return createPublicKey(createPrivateKey(key.secret)).export({ type: 'spki', format: 'der' });
}

/** Signs `data`: SM2-with-SM3 (user id 1234567812345678), ECDSA P-256 with SHA-256, or Ed25519; DER signatures. */
export function signData(key: PrivateKey, data: Uint8Array): Buffer {
  switch (key.algorithm) {
    case 'sm2':
      return sm2Sign(data, key.secret);
    case 'p256':
      return nodeSign('sha256', data, { key: createPrivateKey(key.secret), dsaEncoding: 'der' });
    case 'ed25519':
      return nodeSign(null, data, createPrivateKey(key.secret));
  }
}

/** Verifies a signature made by signData with the key in `spki`; any malformed input answers false. */
export function verifyData(spki: Uint8Array, data: Uint8Array, signature: Uint8Array): boolean {
  const info = parseSpki(spki);
  if (!info) return false;
  try {
    if (info.algorithm === 'sm2') return sm2Verify(data, signature, info.key.toString('hex'));
    const publicKey = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
    if (info.algorithm === 'p256') return nodeVerify('sha256', data, { key: publicKey, dsaEncoding: 'der' }, signature);
    return nodeVerify(null, data, publicKey, signature);
  } catch {
    return false;
  }
}

function pemBody(pem: string, labels: string[]): { label: string; der: Buffer } | undefined {
  const match = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(pem);
  if (!match || !labels.includes(match[1])) return undefined;
  return { label: match[1], der: Buffer.from(match[2].replace(/\s+/g, ''), 'base64') };
}

// SEC1 ECPrivateKey ::= SEQUENCE { version 1, privateKey OCTET STRING, [0] parameters, [1] publicKey }
function sm2ScalarFromSec1(ecPrivateKey: asn1js.Sequence, curveFromOuter: string | undefined): string | undefined {
  const items = ecPrivateKey.valueBlock.value;
  const d = items[1];
  if (!(d instanceof asn1js.OctetString)) return undefined;
  const tagged = items.find((x) => x.idBlock.tagClass === 3 && x.idBlock.tagNumber === 0) as asn1js.Constructed | undefined;
  const inner = tagged?.valueBlock.value[0];
  const curve = inner instanceof asn1js.ObjectIdentifier ? inner.valueBlock.toString() : curveFromOuter;
  if (curve !== OID.sm2Curve) return undefined;
  return Buffer.from(d.valueBlock.valueHexView).toString('hex').padStart(64, '0');
}

/**
 * Reads a PEM private key (PKCS#8 "PRIVATE KEY" or SEC1 "EC PRIVATE KEY"; SM2, P-256 or Ed25519).
 * Encrypted PEM is refused: the KEK is what protects keys at rest here.
 */
export function parsePrivateKeyPem(pem: string): PrivateKey | undefined {
  const block = pemBody(pem, ['PRIVATE KEY', 'EC PRIVATE KEY']);
  if (!block) return undefined;
  try {
    const top = parseDer(block.der) as asn1js.Sequence;
    if (block.label === 'EC PRIVATE KEY') {
      const d = sm2ScalarFromSec1(top, undefined);
      if (d) return { algorithm: 'sm2', secret: d };
    } else {
      const [, alg, octets] = top.valueBlock.value as [asn1js.Integer, asn1js.Sequence, asn1js.OctetString];
      const params = alg.valueBlock.value[1];
      if (params instanceof asn1js.ObjectIdentifier && params.valueBlock.toString() === OID.sm2Curve) {
        const d = sm2ScalarFromSec1(parseDer(octets.valueBlock.valueHexView) as asn1js.Sequence, OID.sm2Curve);
        if (d) return { algorithm: 'sm2', secret: d };
      }
    }
    const key = createPrivateKey(pem);
    const pkcs8 = key.export({ type: 'pkcs8', format: 'pem' }).toString();
    if (key.asymmetricKeyType === 'ed25519') return { algorithm: 'ed25519', secret: pkcs8 };
    if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return { algorithm: 'p256', secret: pkcs8 };
    return undefined;
  } catch {
    return undefined;
  }
}

/** PEM armour of DER bytes. */
export function toPem(label: string, der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64');
  return `-----BEGIN ${label}-----\n${b64.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END ${label}-----\n`;
}

/** The DER inside the first PEM block with one of `labels`. */
export function fromPem(pem: string, labels: string[]): Buffer | undefined {
  return pemBody(pem, labels)?.der;
}
