import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from './formErrors.ts';

/** One keyset page, as the list endpoints answer. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

type RowOf<P> = P extends CursorPage<infer T> ? T : never;

/** What a table of the rows shows (CursorTable). */
export interface PagedRows<T> {
  /** Every row loaded so far for the current query. */
  rows: T[];
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
  /** Appends the next page of the current query. */
  more: () => Promise<void>;
}

export interface CursorPages<Q, P extends CursorPage<unknown>> extends PagedRows<RowOf<P>> {
  /** The last page received (its totals, where the endpoint counts), kept while the next query loads. */
  lastPage: P | null;
  /** Starts `query` afresh: the rows are cleared and its first page loaded. */
  load: (query: Q) => Promise<void>;
}

/**
 * Rows of a keyset-paged list, one page at a time. Answers to a load that a newer one has superseded are dropped,
 * so a slow first page never overwrites the rows of the query typed after it.
 */
export function useCursorPages<Q, P extends CursorPage<unknown>>(fetchPage: (query: Q, cursor: string | undefined) => Promise<P>): CursorPages<Q, P> {
  const [rows, setRows] = useState<RowOf<P>[]>([]);
  const [lastPage, setLastPage] = useState<P | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const current = useRef<{ query: Q; cursor: string | null } | null>(null);
  // The latest fetchPage, so that callers may pass a new function on every render.
  const fetcher = useRef(fetchPage);
  useEffect(() => {
    fetcher.current = fetchPage;
  });

  const fetchInto = useCallback(async (query: Q, cursor: string | null) => {
    const mine = ++generation.current;
    setLoading(true);
    setError(null);
    try {
      const page = await fetcher.current(query, cursor ?? undefined);
      if (mine !== generation.current) return;
      const items = page.items as RowOf<P>[];
      setRows((prev) => (cursor ? [...prev, ...items] : items));
      setLastPage(page);
      setNextCursor(page.nextCursor);
      current.current = { query, cursor: page.nextCursor };
    } catch (e) {
      if (mine === generation.current) setError(errorMessage(e));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);

  const load = useCallback(async (query: Q) => {
    setRows([]);
    setNextCursor(null);
    current.current = { query, cursor: null };
    await fetchInto(query, null);
  }, [fetchInto]);

  const more = useCallback(async () => {
    if (current.current?.cursor) await fetchInto(current.current.query, current.current.cursor);
  }, [fetchInto]);

  return { rows, lastPage, nextCursor, loading, error, load, more };
}
