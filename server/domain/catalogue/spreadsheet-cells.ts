// Cell formats of the list workbook, both ways: multi-part lines (`|` between parts, `\` escapes), time limits,
// citations, dictionary labels, booleans, integers, dates, item types and levels. Pure: a bad cell throws a CellError
// with a stable code, which the row parser turns into an issue on that cell.
import {
  CASE_KINDS, CITATION_LEVELS, FILING_TYPE_LABEL, IMPLEMENTER_NATURES, ITEM_TYPES, MATERIAL_KINDS, MATERIAL_REQUIRED, ONLINE_DEPTHS, POWER_SOURCES,
  SERVICE_RECIPIENTS, SPLIT_REASONS, TIME_UNITS,
} from '../../../common/dictionaries.ts';
import type { Citation, TimeLimit } from '../../../common/item-elements.ts';
import { LEVEL_LABELS } from '../../../common/roles.ts';
import { FILING_OUTPUTS } from './spreadsheet-columns.ts';

/** A cell problem before it gets its row and header: the column key, a stable code and a Chinese message. */
export interface CellIssue {
  column: string;
  code: string;
  message: string;
}

/** A cell that does not parse: a stable code (IMPORT.…) and a Chinese message. */
export class CellError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

/** @throws CellError, always. */
export const fail = (code: string, message: string): never => {
  throw new CellError(code, message);
};

// `\` escapes the separators inside a line, so any text survives a round trip through one cell.
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\', '|': '|', '｜': '｜', '#': '#', n: '\n', r: '\r' };

function escapeField(text: string, extra = ''): string {
  // Most fields hold nothing to escape: return them as they are (the export calls this for every part of every line).
  if (!/[\\|｜\n\r]/.test(text) && (!extra || ![...extra].some((ch) => text.includes(ch)))) return text;
  let out = '';
  for (const ch of text) {
    if (ch === '\\' || ch === '|' || ch === '｜' || extra.includes(ch)) out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else out += ch;
  }
  return out;
}

function unescapeField(raw: string): string {
  return raw.replace(/\\(.)/gu, (m, ch: string) => ESCAPES[ch] ?? m);
}

/** Splits a raw line on unescaped `|` / `｜`; fields stay escaped (trimmed). */
function splitRaw(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\' && i + 1 < line.length) {
      current += ch + line[i + 1];
      i++;
    } else if (ch === '|' || ch === '｜') {
      fields.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  fields.push(current.trim());
  return fields;
}

/** Non-empty lines of a cell, each split into unescaped fields. */
export function lineFields(text: string): Array<{ raw: string[]; fields: string[] }> {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const raw = splitRaw(l);
      return { raw, fields: raw.map(unescapeField) };
    });
}

/** One line from fields, trailing empty fields dropped. */
export function joinFields(fields: Array<string | undefined | null>, extra: string[] = []): string {
  const out = fields.map((f, i) => escapeField(f ?? '', extra[i] ?? ''));
  while (out.length > 1 && out[out.length - 1] === '') out.pop();
  return out.join('|');
}

/** The entries of a list cell (、，,；; or line breaks between them). */
export const listOf = (text: string) =>
  text
    .split(/[、，,；;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);

const UNIT_WORDS: ReadonlyArray<[string, TimeLimit['unit']]> = [
  ['个工作日', 'workday'], ['工作日', 'workday'], ['个自然日', 'day'], ['自然日', 'day'], ['个日历日', 'day'], ['日历日', 'day'],
  ['日', 'day'], ['天', 'day'], ['个月', 'month'], ['月', 'month'],
];
const TIME_LIMIT = new RegExp(`^(\\d+)\\s*(${UNIT_WORDS.map(([w]) => w).join('|')})\\s*(?:[（(]([\\s\\S]*)[）)])?$`);

/** "20个工作日", "30日", "1个月", "20个工作日（不含公示期）", "即办" → a time limit. @throws CellError IMPORT.BAD_TIME_LIMIT */
export function parseTimeLimit(text: string): TimeLimit {
  const t = text.trim();
  if (/^即(时)?办(结)?$/.test(t)) return { amount: 0, unit: 'workday' };
  const m = TIME_LIMIT.exec(t);
  if (!m) {
    return fail('IMPORT.BAD_TIME_LIMIT', /^\d+(\.\d+)?$/.test(t) ? '时限须注明单位，如“20个工作日”“30日”“1个月”' : '时限格式应为“20个工作日”“30日”或“1个月”');
  }
  const amount = Number(m[1]);
  if (amount > 3650) fail('IMPORT.BAD_TIME_LIMIT', '时限不能超过 3650');
  const unit = UNIT_WORDS.find(([w]) => w === m[2])![1];
  const note = m[3]?.trim();
  return note ? { amount, unit, note } : { amount, unit };
}

/** The sheet form of a time limit: amount + Chinese unit, note in brackets. */
export function formatTimeLimit(limit: TimeLimit): string {
  return `${limit.amount}${TIME_UNITS[limit.unit as keyof typeof TIME_UNITS]}${limit.note ? `（${limit.note}）` : ''}`;
}

const ARTICLE = /^(.*?)(第[一二三四五六七八九十百千万零〇两\d]+条[\s\S]*)$/;

/** Splits "《法》第X条" (or "法第X条"); an unescaped `#` separates law and article explicitly. */
export function parseCitationPart(raw: string): { law: string; article?: string } {
  let hash = -1;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '\\') i++;
    else if (raw[i] === '#') {
      hash = i;
      break;
    }
  }
  const withArticle = (law: string, article: string) => (article ? { law, article } : { law });
  if (hash >= 0) return withArticle(unescapeField(raw.slice(0, hash)).trim(), unescapeField(raw.slice(hash + 1)).trim());
  const text = unescapeField(raw).trim();
  const close = text.indexOf('》');
  if (text.startsWith('《') && close > 0) return withArticle(text.slice(0, close + 1), text.slice(close + 1).trim());
  const m = ARTICLE.exec(text);
  if (m && m[1].trim()) return withArticle(m[1].trim(), m[2].trim());
  return { law: text };
}

/** The first field of a citation line: "《法》第X条", or law#article when reading it back would split it elsewhere. */
export function formatCitationPart(c: Pick<Citation, 'law' | 'article'>): string {
  const plain = escapeField(c.law) + escapeField(c.article ?? '');
  const back = parseCitationPart(plain);
  if (back.law === c.law && (back.article ?? '') === (c.article ?? '')) return plain;
  return `${escapeField(c.law, '#')}#${escapeField(c.article ?? '', '#')}`;
}

/** Whether a cell is an http(s) link; or (isUrlOrPath) also a site path. */
export const isUrl = (v: string) => /^https?:\/\/\S+$/.test(v);
export const isUrlOrPath = (v: string) => /^(https?:\/\/|\/)\S*$/.test(v);

/** The dictionary value of a label or code. @throws CellError IMPORT.UNKNOWN_VALUE */
export function enumValue<T>(text: string, byLabel: ReadonlyMap<string, T>, what: string): T {
  const hit = byLabel.get(text.trim());
  if (hit === undefined) fail('IMPORT.UNKNOWN_VALUE', `${what}“${text.trim()}”不在字典中，可选：${[...new Set([...byLabel.keys()].filter((k) => !/^\d+$/.test(k)))].join('、')}`);
  return hit as T;
}

function numberedDictionary(r: Readonly<Record<number, string>>): Map<string, number> {
  const m = new Map<string, number>();
  for (const [k, v] of Object.entries(r)) {
    m.set(v, Number(k));
    m.set(k, Number(k));
  }
  return m;
}

export const RECIPIENT_BY_LABEL = numberedDictionary(SERVICE_RECIPIENTS);
export const CASE_KIND_BY_LABEL = numberedDictionary(CASE_KINDS);
export const POWER_SOURCE_BY_LABEL = numberedDictionary(POWER_SOURCES);
export const NATURE_BY_LABEL = numberedDictionary(IMPLEMENTER_NATURES);
export const DEPTH_BY_LABEL = numberedDictionary(ONLINE_DEPTHS);
export const SPLIT_BY_LABEL = new Map(SPLIT_REASONS.map((s) => [s, s]));
export const KIND_BY_LABEL = new Map(MATERIAL_KINDS.map((s) => [s as string, s]));
export const REQUIRED_BY_LABEL = new Map(MATERIAL_REQUIRED.map((s) => [s as string, s]));
export const CITATION_LEVEL_BY_LABEL = new Map(CITATION_LEVELS.map((s) => [s as string, s]));
export const FILING_CATEGORY_BY_LABEL = new Map<string, 'notice' | 'confirmation'>([['告知性', 'notice'], ['确认性', 'confirmation'], ['告知性备案', 'notice'], ['确认性备案', 'confirmation'], ['notice', 'notice'], ['confirmation', 'confirmation']]);
export const FILING_OUTPUT_BY_LABEL = new Map(FILING_OUTPUTS.map((s) => [s as string, s]));

/** 是/否 (and y/n, true/false, 1/0, √/×). @throws CellError IMPORT.BAD_BOOLEAN */
export function parseBoolean(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (['是', 'y', 'yes', 'true', '1', '√'].includes(t)) return true;
  if (['否', 'n', 'no', 'false', '0', '×'].includes(t)) return false;
  return fail('IMPORT.BAD_BOOLEAN', '应填“是”或“否”');
}

/** An integer in [min, max] ("3.0" is 3). @throws CellError IMPORT.BAD_NUMBER */
export function parseInteger(text: string, min: number, max: number): number {
  const t = text.trim();
  if (!/^\d+(\.0+)?$/.test(t)) fail('IMPORT.BAD_NUMBER', `应为 ${min}–${max} 的整数`);
  const n = Number(t);
  if (n < min || n > max) fail('IMPORT.BAD_NUMBER', `应为 ${min}–${max} 的整数`);
  return n;
}

/** "2026-01-01", "2026/1/1", "2026年1月1日" → "2026-01-01". @throws CellError IMPORT.BAD_DATE */
export function parseSheetDate(text: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  const iso = m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : '';
  const d = new Date(`${iso}T00:00:00Z`);
  if (!m || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return fail('IMPORT.BAD_DATE', '日期格式应为 YYYY-MM-DD');
  return iso;
}

/** Item type code from a label or code; the configured filing code stands for 行政备案. @throws CellError IMPORT.UNKNOWN_VALUE */
export function parseType(text: string, filingTypeCode: string): string {
  const t = text.trim();
  if (t === FILING_TYPE_LABEL) return filingTypeCode;
  const byLabel = Object.entries(ITEM_TYPES).find(([, v]) => v.label === t);
  if (byLabel) return byLabel[0];
  if (/^\d{1,2}$/.test(t)) {
    const code = t.padStart(2, '0');
    if (code === filingTypeCode || code in ITEM_TYPES) return code;
  }
  return fail('IMPORT.UNKNOWN_VALUE', `事项类型“${t}”不在国家事项类型字典中`);
}

/** The label of an item type code (行政备案 for the configured filing code). */
export function typeLabel(code: string, filingTypeCode: string): string {
  return code === filingTypeCode ? FILING_TYPE_LABEL : (ITEM_TYPES[code]?.label ?? code);
}

// Common spellings of 行使层级 in provincial sheets (Inner Mongolia: 旗 = county, 苏木 = town, 嘎查 = village).
const LEVEL_ALIASES: Readonly<Record<string, number>> = {
  国家级: 1, 省级: 2, 自治区级: 2, 市级: 3, 盟市级: 3, 县级: 4, 旗级: 4, '县（旗）级': 4, '旗（县）级': 4, 旗县级: 4,
  镇级: 5, 乡镇级: 5, 乡级: 5, 苏木镇级: 5, 街道级: 5, 村级: 6, 社区级: 6, 嘎查村级: 6,
  ...Object.fromEntries(Object.entries(LEVEL_LABELS).map(([k, v]) => [v, Number(k)])),
};

/** 行使层级 from a digit or a label. @throws CellError IMPORT.INVALID_LEVEL */
export function parseLevel(text: string): number {
  const t = text.trim();
  if (/^[1-6]$/.test(t)) return Number(t);
  const hit = LEVEL_ALIASES[t];
  if (hit) return hit;
  return fail('IMPORT.INVALID_LEVEL', '行使层级应为 1–6 或“县级”“镇(乡、街道)级”等名称');
}

