// In-process memory of the portal: rendered pages and the stamps they were rendered for. Nothing here decides on its
// own that a page is fresh: entries are keyed by stamps read from the database (portal.repo.ts), and stamps are
// remembered only while the database says nothing was written (change-token.ts), so nodes sharing a database never
// serve each other's stale pages (ADR 0010).
import { changeTokenSoon } from '../../db/change-token.ts';
import type { ServiceContext } from '../../platform/context.ts';

/** Rendered page bodies by key, bounded by their total size: the least recently used go first. */
export class PageCache {
  readonly maxBytes: number;
  #entries = new Map<string, Buffer>();
  #bytes = 0;

  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
  }

  get(key: string): Buffer | undefined {
    const body = this.#entries.get(key);
    if (body) {
      this.#entries.delete(key);
      this.#entries.set(key, body);
    }
    return body;
  }

  set(key: string, body: Buffer): void {
    // Keys hold URLs, which a visitor chooses: they count too.
    const size = (b: Buffer, k: string) => b.length + 2 * k.length;
    if (size(body, key) > this.maxBytes) return;
    const old = this.#entries.get(key);
    if (old) {
      this.#bytes -= size(old, key);
      this.#entries.delete(key);
    }
    this.#entries.set(key, body);
    this.#bytes += size(body, key);
    for (const [k, b] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(k);
      this.#bytes -= size(b, k);
    }
  }

  /** Bytes held, keys included (for tests and metrics). */
  get bytes(): number {
    return this.#bytes;
  }
}

/** A stamp and the instant it stops being the truth by time alone (a version's end), in ms. */
export interface Timed<T> {
  value: T;
  until: number;
}

/**
 * Stamps by key, remembered while the database's change token stays the same and their time has not run out: on
 * SQLite a share of one tiny query per turn of the event loop then stands in for the stamp query. Where the dialect
 * has no token (PostgreSQL), every call loads.
 */
export class StampMemo<T> {
  readonly maxEntries: number;
  #token: string | null = null;
  #entries = new Map<string, Timed<T>>();

  constructor(maxEntries: number) {
    this.maxEntries = maxEntries;
  }

  async get(ctx: ServiceContext, key: string, load: () => Promise<Timed<T> | undefined>): Promise<T | undefined> {
    // The token is read before the stamp: a write after it moves the token, so what was loaded is never kept too long.
    const token = await changeTokenSoon(ctx.db, ctx.dialect);
    if (token === null) return (await load())?.value;
    if (token !== this.#token) {
      this.#token = token;
      this.#entries.clear();
    }
    const hit = this.#entries.get(key);
    if (hit && ctx.now.getTime() < hit.until) return hit.value;
    const loaded = await load();
    // Another request may have seen a newer token meanwhile: then this stamp belongs to an older state.
    if (loaded && this.#token === token) {
      this.#entries.delete(key);
      this.#entries.set(key, loaded);
      if (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    }
    return loaded?.value;
  }
}
