// Private keys at rest: AES-256-GCM under the key-encryption key (KEK) from config, which lives
// outside the database. The envelope names the KEK by a short fingerprint so a wrong KEK fails loudly.
import fs from 'node:fs';
import path from 'node:path';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { decodeSealKek, type SealKekConfig } from '../../config.ts';
import type { PrivateKey } from './keys.ts';

interface Envelope {
  v: 1;
  alg: 'A256GCM';
  kid: string;
  iv: string;
  tag: string;
  ct: string;
}

const cache = new Map<string, Buffer>();

/** Thrown when the KEK cannot be read or does not open an envelope; the message never contains key bytes. */
export class KekError extends Error {}

/**
 * The KEK: inline from config, or read from its file; in development and test the file is created
 * (mode 0600) on first use.
 * @throws KekError when the file is missing (and may not be created) or malformed
 */
export function loadSealKek(config: SealKekConfig): Buffer {
  if (config.kind === 'inline') return config.key;
  const cached = cache.get(config.path);
  if (cached) return cached;
  if (!fs.existsSync(config.path)) {
    if (!config.create) throw new KekError(`seal KEK file ${config.path} is missing`);
    fs.mkdirSync(path.dirname(config.path), { recursive: true, mode: 0o700 });
    try {
      // 'wx': two processes starting at once must not each write a different KEK.
      fs.writeFileSync(config.path, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const key = decodeSealKek(fs.readFileSync(config.path));
  if (!key) throw new KekError(`seal KEK file ${config.path} must hold 32 bytes (raw or base64)`);
  cache.set(config.path, key);
  return key;
}

function kidOf(kek: Buffer): string {
  return createHash('sha256').update('qingdan-seal-kek').update(kek).digest('hex').slice(0, 16);
}

/** Encrypts a private key; `binding` (e.g. the row id) is authenticated so envelopes cannot be swapped between rows. */
export function sealPrivateKey(kek: Buffer, key: PrivateKey, binding: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(`qingdan-seal-key:${binding}`));
  const ct = Buffer.concat([cipher.update(JSON.stringify(key), 'utf8'), cipher.final()]);
  const envelope: Envelope = { v: 1, alg: 'A256GCM', kid: kidOf(kek), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ct: ct.toString('base64') };
  return JSON.stringify(envelope);
}

/**
 * Decrypts an envelope written by sealPrivateKey.
 * @throws KekError when the KEK is not the one that wrote it, or the envelope was altered
 */
export function openPrivateKey(kek: Buffer, envelopeText: string, binding: string): PrivateKey {
  const envelope = JSON.parse(envelopeText) as Envelope;
  if (envelope.v !== 1 || envelope.alg !== 'A256GCM') throw new KekError('unknown key envelope');
  if (envelope.kid !== kidOf(kek)) throw new KekError(`key envelope was written under another KEK (${envelope.kid})`);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(envelope.iv, 'base64'));
    decipher.setAAD(Buffer.from(`qingdan-seal-key:${binding}`));
    decipher.setAuthTag(Buffer.from(envelope.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(envelope.ct, 'base64')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as PrivateKey;
  } catch {
    throw new KekError('key envelope does not open: altered, or bound to another row');
  }
}
