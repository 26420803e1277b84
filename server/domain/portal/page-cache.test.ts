import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../platform/context.ts';
import { PageCache, StampMemo } from './page-cache.ts';

describe('PageCache', () => {
  it('drops the least recently used pages once the bytes (keys included) pass the bound', () => {
    const cache = new PageCache(90);
    cache.set('a', Buffer.alloc(30));
    cache.set('b', Buffer.alloc(30));
    expect(cache.bytes).toBe(64);
    expect(cache.get('a')?.length).toBe(30); // a is now the most recent
    cache.set('c', Buffer.alloc(30));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.length).toBe(30);
    expect(cache.get('c')?.length).toBe(30);
    cache.set('a', Buffer.alloc(10));
    expect(cache.bytes).toBe(44);
    cache.set('huge', Buffer.alloc(200));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.bytes).toBe(44);
  });
});

describe('StampMemo', () => {
  it('without a change token (PostgreSQL) loads every time', async () => {
    const memo = new StampMemo<number>(10);
    const ctx = { db: {}, dialect: 'postgres', now: new Date() } as unknown as ServiceContext;
    let loads = 0;
    const load = async () => ({ value: ++loads, until: Infinity });
    expect(await memo.get(ctx, 'k', load)).toBe(1);
    expect(await memo.get(ctx, 'k', load)).toBe(2);
  });
});
