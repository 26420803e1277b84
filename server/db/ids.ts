import { randomFillSync } from 'node:crypto';

// Random bytes are drawn 4 KiB at a time (one randomBytes(16) call per id was most of a bulk import's id cost); each
// 16-byte slice of the CSPRNG output is used for one id only.
const pool = Buffer.alloc(4096);
let used = pool.length;

/** A UUIDv7: time-ordered, so ids sort by creation time and serve as keyset cursors. */
export function newId(now = Date.now()): string {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const at = used;
  used += 16;
  pool.writeUIntBE(now, at, 6);
  pool[at + 6] = (pool[at + 6] & 0x0f) | 0x70;
  pool[at + 8] = (pool[at + 8] & 0x3f) | 0x80;
  const hex = pool.toString('hex', at, at + 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
