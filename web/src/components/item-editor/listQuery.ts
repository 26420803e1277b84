// The list page keeps its query in the URL (back from an item returns to the same search); these convert.
import type { ItemListQuery } from '../../itemsApi.ts';

const NUMERIC = ['recipient', 'caseKind', 'onlineDepth'] as const;
const TEXT = ['q', 'org', 'type', 'theme', 'asOf'] as const;

/** The list query a URL's search parameters describe; malformed values are ignored. */
export function itemListQueryFrom(params: URLSearchParams): ItemListQuery {
  const query: ItemListQuery = {};
  for (const key of TEXT) {
    const value = params.get(key)?.trim();
    if (value) query[key] = value;
  }
  if (query.type && !/^\d{2}$/.test(query.type)) delete query.type;
  if (query.asOf && !/^\d{4}-\d{2}-\d{2}$/.test(query.asOf)) delete query.asOf;
  for (const key of NUMERIC) {
    const raw = params.get(key);
    const value = raw === null || raw === '' ? NaN : Number(raw);
    if (Number.isInteger(value)) query[key] = value;
  }
  return query;
}

/** Search parameters for a list query, in a stable order, without empty values or paging. */
export function itemListSearchParams(query: ItemListQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of [...TEXT, ...NUMERIC]) {
    const value = query[key];
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  return params;
}

/** "共 1234 项" / "共 10000+ 项" / "找到 12 项与“食品”相关的事项", with the as-of date when set. */
export function totalText(total: number, capped: boolean, query: Pick<ItemListQuery, 'q' | 'asOf'>): string {
  const count = capped ? `${total}+` : String(total);
  const when = query.asOf ? `${query.asOf} 当日有效的清单中` : '';
  return query.q ? `${when}找到 ${count} 项与“${query.q}”相关的事项` : `${when}共 ${count} 项`;
}
