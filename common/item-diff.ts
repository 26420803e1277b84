// Structured element-level diff between two element sets (version history, review flags, publications).

export interface ElementChange {
  /** Dotted path: `materials[营业执照].copies`, `statutoryTimeLimit.amount`, `name`. */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

// Ids and timestamps are bookkeeping, not content: they never make a material difference.
const IGNORED_KEYS = new Set(['id', 'createdAt', 'updatedAt', 'created_at', 'updated_at']);

// Chinese text has no spaces between words: whitespace next to a CJK character or punctuation mark is layout only.
const CJK_SPACE = /(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef]) | (?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])/gu;

/** Normalises a value for comparison: whitespace folded in strings (dropped beside Chinese), bookkeeping keys dropped. */
export function normalise(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim().replace(CJK_SPACE, '');
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (IGNORED_KEYS.has(key) || v === undefined || v === null || v === '') continue;
      out[key] = normalise(v);
    }
    return out;
  }
  return value;
}

// Wrapped, so that a missing, null or empty value compares equal at the top level as it does inside objects.
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalise({ v: a })) === JSON.stringify(normalise({ v: b }));
}

const keyText = (v: unknown) => String(normalise(String(v)));

/** The identity of an entry in a list element, so a reordered or edited entry is matched, not re-added. */
function entryKey(entry: unknown, index: number): string {
  if (entry && typeof entry === 'object') {
    const e = entry as Record<string, unknown>;
    if (typeof e.law === 'string') return `${keyText(e.law)}${e.article ? ` ${keyText(e.article)}` : ''}`;
    if (typeof e.seq === 'number') return String(e.seq);
    if (typeof e.name === 'string') return keyText(e.name);
    if (typeof e.question === 'string') return keyText(e.question);
  }
  return typeof entry === 'string' || typeof entry === 'number' ? String(entry) : `#${index}`;
}

function diffValue(path: string, a: unknown, b: unknown, out: ElementChange[]): void {
  if (same(a, b)) return;
  const isObj = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (a === undefined || a === null) {
    out.push({ path, kind: 'added', after: b });
    return;
  }
  if (b === undefined || b === null) {
    out.push({ path, kind: 'removed', before: a });
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const left = new Map(a.map((e, i) => [entryKey(e, i), e]));
    const right = new Map(b.map((e, i) => [entryKey(e, i), e]));
    if (left.size !== a.length || right.size !== b.length || [...a, ...b].every((e) => typeof e !== 'object' || e === null)) {
      // Scalar lists (recipients, themes) and lists with duplicate keys compare as a whole.
      out.push({ path, kind: 'changed', before: a, after: b });
      return;
    }
    for (const [key, e] of left) {
      if (!right.has(key)) out.push({ path: `${path}[${key}]`, kind: 'removed', before: e });
      else diffValue(`${path}[${key}]`, e, right.get(key), out);
    }
    for (const [key, e] of right) if (!left.has(key)) out.push({ path: `${path}[${key}]`, kind: 'added', after: e });
    const order = (m: Map<string, unknown>, other: Map<string, unknown>) => [...m.keys()].filter((k) => other.has(k)).join('\u0000');
    if (order(left, right) !== order(right, left)) out.push({ path, kind: 'changed', before: [...left.keys()], after: [...right.keys()] });
    return;
  }
  if (isObj(a) && isObj(b)) {
    const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
    for (const key of [...keys].sort()) {
      if (IGNORED_KEYS.has(key)) continue;
      diffValue(path ? `${path}.${key}` : key, (a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], out);
    }
    return;
  }
  out.push({ path, kind: 'changed', before: a, after: b });
}

/**
 * Differences from `before` to `after`, element by element (only `keys` when given).
 * Whitespace-only edits, ids and timestamps are not differences.
 */
export function diffElements(before: object | null, after: object | null, keys?: readonly string[]): ElementChange[] {
  const out: ElementChange[] = [];
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  const all = keys ?? [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  for (const key of all) {
    if (IGNORED_KEYS.has(key)) continue;
    diffValue(key, a[key], b[key], out);
  }
  return out;
}
