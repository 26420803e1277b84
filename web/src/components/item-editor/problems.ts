// Problems of an element set as the editor shows them: the shared rules (common/item-elements.ts), the
// structural schema checks, and the server's answer — all keyed by the path of the field that shows them.
import { Value } from 'typebox/value';
import {
  ItemElements, itemProblems, UniformElements, uniformProblems, type Problem,
} from '../../../../common/item-elements.ts';

export type { Problem };

// Lists of plain values are edited as one control: a problem of one entry shows on the list.
const SCALAR_LISTS = new Set(['serviceRecipients', 'themes', 'keywords']);

/**
 * The path of the field that shows a problem: server prefixes dropped (`body.elements.`, `body.uniform.`),
 * slashes as dots, entries of plain lists on the list, parts of a time limit on the time limit.
 */
export function fieldPath(path: string): string {
  let p = path.replace(/\//g, '.').replace(/^\.+/, '');
  p = p.replace(/^(body|query|params)\./, '').replace(/^(elements|uniform)\./, '');
  const segments = p.split('.').filter(Boolean);
  if (segments.length > 1 && SCALAR_LISTS.has(segments[0]!)) return segments[0]!;
  const last = segments[segments.length - 1];
  const previous = segments[segments.length - 2];
  if (last && previous && /^(amount|unit|note)$/.test(last) && /(TimeLimit|timeLimit|timeLimitBefore)$/.test(previous)) {
    return segments.slice(0, -1).join('.');
  }
  return segments.join('.');
}

/** Problems grouped by the field that shows them, duplicates dropped, in first-seen order. */
export function problemsByField(problems: readonly Problem[]): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  for (const problem of problems) {
    const key = fieldPath(problem.path);
    const list = byField.get(key) ?? [];
    if (!list.includes(problem.message)) list.push(problem.message);
    byField.set(key, list);
  }
  return byField;
}

/** Problems of `b` that `a` does not already hold (same field and message). */
export function problemsNotIn(b: readonly Problem[], a: readonly Problem[]): Problem[] {
  const seen = new Set(a.map((p) => `${fieldPath(p.path)}\u0000${p.message}`));
  return b.filter((p) => !seen.has(`${fieldPath(p.path)}\u0000${p.message}`));
}

/** How many problems fall under a path prefix (a section's badge). */
export function countUnder(byField: Map<string, string[]>, prefixes: readonly string[]): number {
  let n = 0;
  for (const [path, messages] of byField) {
    if (prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}.`))) n += messages.length;
  }
  return n;
}

const KEYWORD_MESSAGES: Record<string, (params: Record<string, unknown>) => string> = {
  required: () => '不能为空',
  minLength: (p) => `长度不能少于 ${String(p.limit)} 个字符`,
  maxLength: (p) => `长度不能超过 ${String(p.limit)} 个字符`,
  minimum: (p) => `不能小于 ${String(p.limit)}`,
  maximum: (p) => `不能大于 ${String(p.limit)}`,
  minItems: (p) => `至少需要 ${String(p.limit)} 项`,
  maxItems: (p) => `最多允许 ${String(p.limit)} 项`,
  pattern: () => '格式不正确',
  type: (p) => (p.type === 'integer' ? '须为整数' : '取值类型不正确'),
};

// anyOf/union noise repeats the branch errors: keep the specific ones.
const NOISE = new Set(['anyOf', 'oneOf', 'const', 'union']);

function schemaProblems(schema: typeof ItemElements | typeof UniformElements, value: unknown): Problem[] {
  const out: Problem[] = [];
  for (const error of Value.Errors(schema, value)) {
    if (NOISE.has(error.keyword)) continue;
    const params = error.params as Record<string, unknown>;
    const prop = error.keyword === 'required' && Array.isArray(params.requiredProperties) ? `/${String(params.requiredProperties[0])}` : '';
    out.push({ path: fieldPath(`${error.instancePath}${prop}`), message: KEYWORD_MESSAGES[error.keyword]?.(params) ?? '取值不正确' });
  }
  return out;
}

/**
 * Every problem of an item's element set, as the server will report it on save: the structure first (lengths,
 * integers), then the rules. Rules that need the work calendar use the shared estimate; the server's answer
 * after saving is authoritative.
 */
export function elementProblems(elements: ItemElements, filingTypeCode?: string): Problem[] {
  const structural = schemaProblems(ItemElements, elements);
  try {
    return [...structural, ...problemsNotIn(itemProblems(elements, { filingTypeCode }), structural)];
  } catch {
    // A structure the rules cannot read: its structural problems say what to fix first.
    return structural;
  }
}

/** Problems of a catalogue item's uniform elements (the catalogue forms). */
export function uniformElementProblems(uniform: UniformElements, filingTypeCode?: string): Problem[] {
  const structural = schemaProblems(UniformElements, uniform);
  try {
    return [...structural, ...problemsNotIn(uniformProblems(uniform, filingTypeCode), structural)];
  } catch {
    return structural;
  }
}
