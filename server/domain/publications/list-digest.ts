// A publication's commitment to the whole list, kept up to date with the list's changes instead of re-reading the list:
// MSet-Mu-Hash over the items' "implementationCode:versionNo" lines (docs/decisions/0008-incremental-list-digest.md).
import { hash } from 'node:crypto';

/** 2^3072 − 1103717: a safe prime (the modulus of Bitcoin Core's MuHash3072). */
const P = (1n << 3072n) - 1103717n;
const C = 1103717n;
const BITS = 3072n;
const MASK = (1n << BITS) - 1n;
const BYTES = 384;

/** What a publication document says its `listDigest` is (docs/decisions/0008 shows how to recompute it). */
export const LIST_DIGEST = {
  algorithm: 'muhash3072-shake256',
  over: 'the set of "implementationCode:versionNo" (UTF-8) of the items effective at publishedAt',
  definition: 'SHA-256 of the 384-byte big-endian product, mod 2^3072 - 1103717, of SHAKE256(line, 384 bytes) read big-endian',
} as const;

// a·b mod P without a division: 2^3072 ≡ C (mod P), so the bits above 3072 fold back multiplied by C.
function mulMod(a: bigint, b: bigint): bigint {
  let x = a * b;
  while (x >> BITS) x = (x & MASK) + (x >> BITS) * C;
  return x >= P ? x - P : x;
}

// Extended Euclid; P is prime and a is not a multiple of it, so the inverse exists.
function inverse(a: bigint): bigint {
  let [r0, r1] = [P, a % P];
  let [t0, t1] = [0n, 1n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  return t0 < 0n ? t0 + P : t0;
}

/** The group element of one item line ("implementationCode:versionNo"): SHAKE256 to 384 bytes, big-endian, mod p. */
export function elementOf(line: string): bigint {
  return BigInt(`0x${hash('shake256', line, { outputLength: BYTES, outputEncoding: 'hex' })}`) % P;
}

/** The state of an empty list. */
export const EMPTY_STATE = 1n;

/** The state with these lines added to the list. */
export function withLines(state: bigint, lines: Iterable<string>): bigint {
  let x = state;
  for (const line of lines) x = mulMod(x, elementOf(line));
  return x;
}

/** The state after a change of the list: lines that entered it multiplied in, lines that left it divided out. */
export function withChanges(state: bigint, entered: string[], left: string[]): bigint {
  const gone = withLines(EMPTY_STATE, left);
  return mulMod(withLines(state, entered), gone === EMPTY_STATE ? EMPTY_STATE : inverse(gone));
}

/** A state as stored with its publication: 768 hex digits, big-endian. */
export function encodeState(state: bigint): string {
  return state.toString(16).padStart(BYTES * 2, '0');
}

export function decodeState(hex: string): bigint {
  return BigInt(`0x${hex}`);
}

/** The published value of a state: SHA-256 (hex) of its 384 big-endian bytes. */
export function digestOf(state: bigint): string {
  return hash('sha256', Buffer.from(encodeState(state), 'hex'), 'hex');
}
