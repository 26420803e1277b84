// RFC 8785 JSON Canonicalization Scheme (JCS): the one byte form of a JSON value that seals sign.

/**
 * The JCS form of a JSON value: object members sorted by UTF-16 code units, no whitespace,
 * numbers in ECMAScript shortest form, strings escaped as JSON.stringify does (which RFC 8785 adopts).
 * @throws TypeError for values JSON cannot carry (undefined, functions, non-finite numbers, bigint)
 */
export function canonicalize(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('JCS: non-finite numbers have no JSON form');
      // Object.is(-0, 0) aside, ECMAScript's Number→String is exactly RFC 8785's number serialisation.
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => canonicalize(v === undefined ? null : v)).join(',')}]`;
      const record = value as Record<string, unknown> & { toJSON?: () => unknown };
      if (typeof record.toJSON === 'function') return canonicalize(record.toJSON());
      // Default sort compares UTF-16 code units, which is what RFC 8785 §3.2.3 asks for.
      const keys = Object.keys(record)
        .filter((k) => record[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalize(record[k])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`JCS: a ${typeof value} has no JSON form`);
  }
}
