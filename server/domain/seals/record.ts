// The detached signature record of a sealed document (a JSON object anyone can check offline):
// the seal's signature covers the RFC 8785 canonical form of the record without its
// signature, certificate and chain — so seal, signer, signing time and both digests are all signed.
import { canonicalize } from '../../../common/jcs.ts';
import { SIGNATURE_ALGORITHMS, signData, verifyData, type KeyAlgorithm, type PrivateKey } from './keys.ts';
import { SM2_USER_ID, sha256, sm3 } from './sm2.ts';

export const RECORD_TYPE = 'qingdan.seal-signature';

export type ContentFormat = 'json' | 'bytes' | 'pdf';

export interface SignatureRecord {
  type: typeof RECORD_TYPE;
  version: 1;
  seal: { id: string; keyId: string; keyVersion: number; name: string; orgId: string; orgName: string; uscc: string };
  signer: { id: string; name: string } | null;
  signedAt: string;
  content: { format: ContentFormat; name: string | null; sm3: string; sha256: string };
  /** SM2-with-SM3, ECDSA-P256-SHA256 or Ed25519. */
  algorithm: string;
  /** The SM2 signer id (distid), present for SM2 only. */
  userId?: string;
  /** DER signature, base64. */
  signature: string;
  /** The seal certificate, PEM. */
  certificate: string;
  /** Issuer certificates up to the root, PEM. */
  chain: string[];
}

export type UnsignedRecord = Omit<SignatureRecord, 'signature' | 'certificate' | 'chain'>;

/** The bytes a document is hashed as: JSON in its JCS form, anything else as given. */
export function contentBytes(format: ContentFormat, input: Buffer): Buffer | undefined {
  if (format !== 'json') return input;
  try {
    return Buffer.from(canonicalize(JSON.parse(input.toString('utf8'))), 'utf8');
  } catch {
    return undefined;
  }
}

/** SM3 and SHA-256 of the content bytes, lower-case hex. */
export function digestsOf(bytes: Uint8Array): { sm3: string; sha256: string } {
  return { sm3: sm3(bytes).toString('hex'), sha256: sha256(bytes).toString('hex') };
}

/** The signed input of a record: UTF-8 of the JCS form of every field but signature, certificate and chain. */
export function recordTbs(record: UnsignedRecord | SignatureRecord): Buffer {
  const { signature: _s, certificate: _c, chain: _ch, ...unsigned } = record as SignatureRecord;
  return Buffer.from(canonicalize(unsigned), 'utf8');
}

/** The record's algorithm fields for a key algorithm. */
export function algorithmFields(algorithm: KeyAlgorithm): { algorithm: string; userId?: string } {
  return algorithm === 'sm2' ? { algorithm: SIGNATURE_ALGORITHMS.sm2.name, userId: SM2_USER_ID } : { algorithm: SIGNATURE_ALGORITHMS[algorithm].name };
}

/** Signs an unsigned record with the seal key. */
export function signRecord(unsigned: UnsignedRecord, key: PrivateKey, certificatePem: string, chainPems: string[]): SignatureRecord {
  const signature = signData(key, recordTbs(unsigned)).toString('base64');
  return { ...unsigned, signature, certificate: certificatePem, chain: chainPems };
}

/** Whether the record's signature verifies under the key in `spki`. */
export function recordSignatureValid(record: SignatureRecord, spki: Buffer): boolean {
  return verifyData(spki, recordTbs(record), Buffer.from(record.signature, 'base64'));
}

const isString = (v: unknown): v is string => typeof v === 'string';

/** A signature record from untrusted JSON (text or parsed); undefined when its shape is wrong. */
export function parseRecord(input: unknown): SignatureRecord | undefined {
  let value = input;
  if (typeof input === 'string' || Buffer.isBuffer(input)) {
    try {
      value = JSON.parse(input.toString());
    } catch {
      return undefined;
    }
  }
  const r = value as Partial<SignatureRecord> | null;
  if (!r || typeof r !== 'object' || r.type !== RECORD_TYPE || r.version !== 1) return undefined;
  const seal = r.seal;
  const content = r.content;
  if (!seal || !isString(seal.id) || !isString(seal.keyId) || !isString(seal.orgId) || !isString(seal.name) || !isString(seal.orgName)) return undefined;
  if (!content || !['json', 'bytes', 'pdf'].includes(content.format as string) || !isString(content.sm3) || !isString(content.sha256)) return undefined;
  if (!isString(r.signedAt) || Number.isNaN(Date.parse(r.signedAt)) || !isString(r.signature) || !isString(r.certificate) || !isString(r.algorithm)) return undefined;
  if (!Array.isArray(r.chain) || !r.chain.every(isString)) return undefined;
  return r as SignatureRecord;
}
