import { describe, expect, it } from 'vitest';
import { decodeState, digestOf, EMPTY_STATE, encodeState, withChanges, withLines } from './list-digest.ts';

describe('list digest (MSet-Mu-Hash over SHAKE256)', () => {
  it('matches the recomputation of docs/decisions/0008 (values from its Python lines)', () => {
    // python3: p = 2**3072 - 1103717; acc = 1
    //   for line in ["a:1", "b:2", "150626:3"]: acc = acc * int.from_bytes(hashlib.shake_256(line.encode()).digest(384), 'big') % p
    //   hashlib.sha256(acc.to_bytes(384, 'big')).hexdigest()
    expect(digestOf(withLines(EMPTY_STATE, ['a:1', 'b:2', '150626:3']))).toBe('bf08aa16cc2356c9e2706f7df68ff5a802d203b3462846529373f386bfebf653');
    expect(digestOf(EMPTY_STATE)).toBe('ab1642a5fbec142ed166521affcb32a1018793ccff8a30ce6b951a790f5d56a5');
  });

  it('is a digest of the set: order does not matter, every line does', () => {
    const a = digestOf(withLines(EMPTY_STATE, ['x:1', 'y:1', 'z:2']));
    expect(digestOf(withLines(EMPTY_STATE, ['z:2', 'x:1', 'y:1']))).toBe(a);
    expect(digestOf(withLines(EMPTY_STATE, ['x:1', 'y:1', 'z:3']))).not.toBe(a);
    expect(digestOf(withLines(EMPTY_STATE, ['x:1', 'y:1']))).not.toBe(a);
  });

  it('follows changes: the updated state equals the state of the changed list computed from scratch', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `CODE${i}:1`);
    const before = withLines(EMPTY_STATE, lines);
    const entered = ['CODE3:2', 'CODE7:2', 'NEW1:1'];
    const left = ['CODE3:1', 'CODE7:1', 'CODE9:1'];
    const after = lines.filter((l) => !left.includes(l)).concat(entered);
    expect(digestOf(withChanges(before, entered, left))).toBe(digestOf(withLines(EMPTY_STATE, after)));
    // Back again, and no change at all.
    expect(withChanges(withChanges(before, entered, left), left, entered)).toBe(before);
    expect(withChanges(before, [], [])).toBe(before);
  });

  it('stores a state as 768 hex digits and reads it back', () => {
    const state = withLines(EMPTY_STATE, ['a:1']);
    expect(encodeState(state)).toMatch(/^[0-9a-f]{768}$/);
    expect(decodeState(encodeState(state))).toBe(state);
    expect(encodeState(EMPTY_STATE)).toBe(`${'0'.repeat(767)}1`);
  });
});
