// Content-addressed file storage (ARCHITECTURE "Scaling past one machine"): a local directory by default; an
// S3-compatible store implements the same two calls. Same bytes, same name: a put is idempotent.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';

export interface BlobStore {
  /** Stores the bytes and returns their SHA-256 (hex), which is their name. */
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes named by `sha256`, or undefined when absent. @throws BlobCorruptError when the stored bytes no longer match their name */
  get(sha256: string): Promise<Buffer | undefined>;
}

/** Thrown when stored bytes do not hash to their name (disk corruption or tampering). */
export class BlobCorruptError extends Error {}

const SHA256 = /^[0-9a-f]{64}$/;

/** SHA-256 of bytes, hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A blob store in a local directory: <dir>/ab/cd/<sha256>. */
export function localBlobStore(dir: string): BlobStore {
  const fileOf = (sha256: string) => {
    if (!SHA256.test(sha256)) throw new Error('blob name must be a lowercase hex SHA-256');
    return path.join(dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };
  return {
    async put(bytes) {
      const sha256 = sha256Hex(bytes);
      const file = fileOf(sha256);
      if (fs.existsSync(file)) return sha256;
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      // Write then rename: a reader never sees half a file, and two writers of the same bytes both succeed.
      const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      await fs.promises.writeFile(tmp, bytes, { mode: 0o640 });
      await fs.promises.rename(tmp, file);
      return sha256;
    },
    async get(sha256) {
      let bytes: Buffer;
      try {
        bytes = await fs.promises.readFile(fileOf(sha256));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      if (sha256Hex(bytes) !== sha256) throw new BlobCorruptError(`blob ${sha256} does not match its hash`);
      return bytes;
    },
  };
}

/** The deployment's blob store: <dataDir>/blobs. */
export function blobStoreOf(config: Pick<Config, 'dataDir'>): BlobStore {
  return localBlobStore(path.join(config.dataDir, 'blobs'));
}
