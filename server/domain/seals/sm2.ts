// The only door to SM2 in Qingdan: sm-crypto-v2 with the GB/T 35276 defaults, never Node's built-in SM2
// (which signs with an empty user id or as plain ECDSA and so disagrees with every other SM2 tool).
import { createHash } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';

/** The default signer id of GB/T 35276 / GM/T 0009 that OpenSSL calls distid. */
export const SM2_USER_ID = '1234567812345678';

const OPTIONS = { hash: true, der: true, userId: SM2_USER_ID } as const;

export interface Sm2KeyPair {
  /** 32-byte private scalar, lower-case hex. */
  privateKeyHex: string;
  /** Uncompressed point 04‖X‖Y, lower-case hex. */
  publicKeyHex: string;
}

/** A fresh SM2 key pair on the recommended curve (GB/T 32918.5). */
export function generateSm2KeyPair(): Sm2KeyPair {
  const pair = sm2.generateKeyPairHex();
  return { privateKeyHex: pair.privateKey, publicKeyHex: pair.publicKey };
}

/** The public key of a private scalar. */
export function sm2PublicKeyOf(privateKeyHex: string): string {
  return sm2.getPublicKeyFromPrivateKey(privateKeyHex);
}

/** SM2 signature (DER SEQUENCE{r,s}) over SM3(Z_A ‖ data), Z_A with the default user id. */
export function sm2Sign(data: Uint8Array, privateKeyHex: string): Buffer {
  return Buffer.from(sm2.doSignature(data, privateKeyHex, { ...OPTIONS, publicKey: sm2PublicKeyOf(privateKeyHex) }), 'hex');
}

/** Verifies a DER SM2 signature over `data`; malformed input is a failed verification, not an error. */
export function sm2Verify(data: Uint8Array, signatureDer: Uint8Array, publicKeyHex: string): boolean {
  try {
    return sm2.doVerifySignature(data, Buffer.from(signatureDer).toString('hex'), publicKeyHex, OPTIONS);
  } catch {
    return false;
  }
}

/** SM3 digest (GB/T 32905) through node:crypto's OpenSSL. */
export function sm3(data: Uint8Array | string): Buffer {
  return createHash('sm3').update(data).digest();
}

/** SHA-256 digest, carried next to SM3 for verifiers without SM3. */
export function sha256(data: Uint8Array | string): Buffer {
  return createHash('sha256').update(data).digest();
}
