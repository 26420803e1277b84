// Pure helpers of the adjustment pages: element labels and values for people (no JSON on screen), deadline
// colours, the request body the wizard sends. Tested in adjustmentFormat.test.ts.
import { REASONS, type AdjustmentKind } from '../../common/adjustment-states.ts';
import {
  CASE_KINDS, IMPLEMENTER_NATURES, itemTypeLabel, ONLINE_DEPTHS, POWER_SOURCES, SERVICE_RECIPIENTS, TIME_UNITS, type TimeUnit,
} from '../../common/dictionaries.ts';
import type { ItemElements } from '../../common/item-elements.ts';
import type { RequestInput } from './adjustmentsApi.ts';

export { ELEMENT_LABELS } from '../../common/element-labels.ts';
import { ELEMENT_LABELS } from '../../common/element-labels.ts';

const FIELD_LABELS: Readonly<Record<string, string>> = {
  amount: '数量',
  unit: '单位',
  note: '说明',
  law: '法律法规',
  article: '条款',
  clause: '条文内容',
  level: '效力层级',
  url: '链接',
  kind: '类型',
  copies: '份数',
  required: '必要性',
  source: '来源',
  legalBasis: '依据',
  blankForm: '空白表格',
  sample: '示例样表',
  fillGuide: '填写说明',
  satisfiedBy: '免提交依据',
  actor: '办理人员',
  timeLimit: '时限',
  description: '说明',
  standard: '收费标准',
  basis: '收费依据',
  question: '问题',
  answer: '解答',
  seq: '序号',
  splitReason: '拆分情形',
  materialsBefore: '优化前材料数',
  stepsBefore: '优化前环节数',
  visitsBefore: '优化前跑动次数',
  timeLimitBefore: '优化前时限',
  category: '备案类别',
  output: '备案结果',
  promisedDays: '办理时限（工作日）',
  secret: '涉密',
  sampleFile: '结果样本',
  issuesLicenceType: '电子证照类型',
  providerRequirement: '服务机构要求',
  fee: '费用',
  name: '名称',
};

export const elementLabel = (key: string): string => ELEMENT_LABELS[key] ?? FIELD_LABELS[key] ?? key;

/**
 * Splits a diff path like `materials[营业执照].copies` into its parts: keys and `[entry]` selectors.
 * Entry keys may contain dots (a law's name); brackets delimit them.
 */
export function splitPath(path: string): Array<{ key: string } | { entry: string }> {
  const out: Array<{ key: string } | { entry: string }> = [];
  let i = 0;
  let key = '';
  const flush = () => {
    if (key) out.push({ key });
    key = '';
  };
  while (i < path.length) {
    const c = path[i]!;
    if (c === '.') {
      flush();
      i += 1;
    } else if (c === '[') {
      flush();
      const end = path.indexOf(']', i + 1);
      const stop = end === -1 ? path.length : end;
      out.push({ entry: path.slice(i + 1, stop) });
      i = stop + 1;
    } else {
      key += c;
      i += 1;
    }
  }
  flush();
  return out;
}

/** `materials[营业执照].copies` → `申请材料 · 营业执照 · 份数`. */
export function pathLabel(path: string): string {
  return splitPath(path)
    .map((part, index) => ('entry' in part ? part.entry.trim() || '（未命名）' : index === 0 ? elementLabel(part.key) : (FIELD_LABELS[part.key] ?? elementLabel(part.key))))
    .join(' · ');
}

/** The top-level element a path belongs to. */
export function topElement(path: string): string {
  const first = splitPath(path)[0];
  return first && 'key' in first ? first.key : path;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export function timeLimitText(limit: unknown): string {
  if (!isRecord(limit) || typeof limit.amount !== 'number') return '—';
  const unit = TIME_UNITS[limit.unit as TimeUnit] ?? String(limit.unit ?? '');
  return `${limit.amount}${unit}${typeof limit.note === 'string' && limit.note ? `（${limit.note}）` : ''}`;
}

const isTimeLimit = (v: unknown) => isRecord(v) && typeof v.amount === 'number' && typeof v.unit === 'string' && Object.keys(v).every((k) => ['amount', 'unit', 'note'].includes(k));

const joinParts = (parts: Array<string | false | null | undefined>) => parts.filter(Boolean).join('，');

/** One entry of a list element in a line (material, step, citation, fee, …). */
export function entryText(entry: unknown): string {
  if (!isRecord(entry)) return scalarText(entry);
  const e = entry;
  if (typeof e.law === 'string') return `${e.law}${e.article ? ` ${String(e.article)}` : ''}${e.level ? `（${String(e.level)}）` : ''}`;
  if (typeof e.question === 'string') return `问：${e.question} 答：${String(e.answer ?? '')}`;
  if (typeof e.seq === 'number' && typeof e.name === 'string') return `${e.seq}. ${e.name}${e.splitReason && !e.name.includes(String(e.splitReason)) ? `（${String(e.splitReason)}）` : ''}`;
  if (typeof e.name === 'string' && typeof e.standard === 'string') return `${e.name}：${e.standard}${e.basis ? `（依据：${String(e.basis)}）` : ''}`;
  if (typeof e.name === 'string' && typeof e.copies === 'number') {
    return `${e.name}（${joinParts([String(e.kind ?? ''), `${e.copies}份`, String(e.required ?? ''), String(e.source ?? ''), e.satisfiedBy ? `免提交：${String(e.satisfiedBy)}` : null])}）`;
  }
  if (typeof e.name === 'string' && typeof e.actor === 'string') {
    return `${e.name}（${joinParts([e.actor, e.timeLimit ? timeLimitText(e.timeLimit) : null])}）${e.description ? `：${String(e.description)}` : ''}`;
  }
  if (typeof e.name === 'string' && typeof e.providerRequirement === 'string') return `${e.name}（依据：${String(e.legalBasis ?? '')}）`;
  return objectText(e);
}

function scalarText(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
}

function objectText(o: Record<string, unknown>): string {
  return Object.entries(o)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${FIELD_LABELS[k] ?? elementLabel(k)}：${isTimeLimit(v) ? timeLimitText(v) : Array.isArray(v) ? v.map(entryText).join('、') : isRecord(v) ? objectText(v) : scalarText(v)}`)
    .join('；');
}

const CODE_LABELS: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  caseKind: CASE_KINDS,
  powerSource: POWER_SOURCES,
  implementerNature: IMPLEMENTER_NATURES,
  onlineDepth: ONLINE_DEPTHS,
};

/**
 * A value of the element at `path` as people read it: time limits as "10个工作日", codes by their labels, lists one
 * entry per line. `orgName` resolves org ids (委托机关).
 */
export function valueText(path: string, value: unknown, orgName?: (id: string) => string | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const parts = splitPath(path);
  const last = parts[parts.length - 1];
  const key = last && 'key' in last ? last.key : undefined;
  const top = topElement(path);
  if (isTimeLimit(value)) return timeLimitText(value);
  if (typeof value === 'number' && parts.length === 1 && CODE_LABELS[top]) return CODE_LABELS[top][value] ?? String(value);
  if (top === 'type' && typeof value === 'string') return itemTypeLabel(value);
  if (top === 'entrustingOrgId' && typeof value === 'string') return orgName?.(value) ?? value;
  if (top === 'serviceRecipients' && Array.isArray(value)) return value.map((r) => SERVICE_RECIPIENTS[Number(r)] ?? String(r)).join('、') || '—';
  if (key === 'unit' && typeof value === 'string') return TIME_UNITS[value as TimeUnit] ?? value;
  if (top === 'filing' && isRecord(value)) {
    return joinParts([value.category === 'confirmation' ? '确认类' : '告知类', value.output ? String(value.output) : null, value.promisedDays ? `${String(value.promisedDays)}个工作日` : null, value.secret ? '涉密' : null]);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '（无）';
    if (value.every((v) => typeof v !== 'object' || v === null)) return value.map(scalarText).join('、');
    return value.map(entryText).join('\n');
  }
  if (isRecord(value)) {
    if (last && 'entry' in last) return entryText(value);
    return parts.length === 1 && top === 'result' ? resultText(value) : objectText(value);
  }
  return scalarText(value);
}

function resultText(r: Record<string, unknown>): string {
  return `${String(r.name ?? '')}${r.kind ? `（${String(r.kind)}）` : ''}${r.issuesLicenceType ? `，电子证照：${String(r.issuesLicenceType)}` : ''}`;
}

/** Whether a diff entry only records a changed order of a list element's entries (its before/after are entry keys). */
export function isReorder(change: { path: string; kind: string; before?: unknown; after?: unknown }): boolean {
  return (
    change.kind === 'changed' &&
    !change.path.includes('[') &&
    Array.isArray(change.before) &&
    Array.isArray(change.after) &&
    ['legalBasis', 'process', 'materials', 'handlingItems', 'fees', 'faq', 'intermediaryServices'].includes(change.path) &&
    [...change.before, ...change.after].every((v) => typeof v === 'string')
  );
}

const squash = (v: unknown) => String(v ?? '').replace(/\s+/g, '');

/** The entry of a list element that a diff path's `[key]` names (the identity item-diff gives entries). */
function findEntry(list: unknown[], key: string): unknown {
  const k = squash(key);
  return list.find((e, i) => {
    if (!isRecord(e)) return squash(e) === k || `#${i}` === key;
    if (typeof e.law === 'string') return squash(`${e.law}${e.article ? String(e.article) : ''}`) === k;
    if (typeof e.seq === 'number') return String(e.seq) === key;
    if (typeof e.name === 'string') return squash(e.name) === k;
    if (typeof e.question === 'string') return squash(e.question) === k;
    return `#${i}` === key;
  });
}

/** The value at a diff path inside an element set, or undefined. */
export function valueAt(elements: unknown, path: string): unknown {
  let v: unknown = elements;
  for (const part of splitPath(path)) {
    if ('entry' in part) v = Array.isArray(v) ? findEntry(v, part.entry) : undefined;
    else v = isRecord(v) ? v[part.key] : undefined;
    if (v === undefined) return undefined;
  }
  return v;
}

/**
 * A time limit whose amount changed shows as "3个工作日 → 1个工作日", not "数量 3 → 1": leaf changes of a time limit
 * fold into one change of the whole limit, rebuilt from the proposed elements.
 */
export function foldTimeLimits<C extends { path: string; kind: string; before?: unknown; after?: unknown }>(changes: C[], proposed: unknown): C[] {
  const out: C[] = [];
  const folded = new Map<string, C>();
  for (const c of changes) {
    const m = /^(.*)\.(amount|unit|note)$/.exec(c.path);
    const parent = m ? valueAt(proposed, m[1]!) : undefined;
    if (!m || !isTimeLimit(parent)) {
      out.push(c);
      continue;
    }
    const path = m[1]!;
    let merged = folded.get(path);
    if (!merged) {
      merged = { ...c, path, kind: 'changed', before: { ...(parent as object) }, after: parent };
      folded.set(path, merged);
      out.push(merged);
    }
    const before = merged.before as Record<string, unknown>;
    if (c.kind === 'added') delete before[m[2]!];
    else before[m[2]!] = c.before;
  }
  return out;
}

// ---- deadlines

export type DueStatus = 'overdue' | 'soon' | 'ok' | 'closed';

/** Red past the due date, orange within 5 working days, otherwise plain (DOMAIN §3, issue 4 §6). */
export function dueStatus(t: { overdue: boolean; status?: 'open' | 'closed'; dueSoon?: boolean; workingDaysLeft?: number | null }): DueStatus {
  if (t.status === 'closed') return 'closed';
  if (t.overdue) return 'overdue';
  if (t.dueSoon || (t.workingDaysLeft !== undefined && t.workingDaysLeft !== null && t.workingDaysLeft <= 5)) return 'soon';
  return 'ok';
}

export const DUE_COLORS: Readonly<Record<DueStatus, string>> = { overdue: 'red', soon: 'orange', ok: 'default', closed: 'green' };

/** "剩余 3 个工作日", "今日到期", "已超期 9 个工作日"; null (no calendar for that year) says nothing. */
export function workingDaysLeftText(left: number | null | undefined): string {
  if (left === null || left === undefined) return '';
  if (left > 0) return `剩余 ${left} 个工作日`;
  if (left === 0) return '今日到期';
  return `已超期 ${-left} 个工作日`;
}

/** "3 个工作日" of a request waiting for review. */
export function ageText(days: number | null | undefined): string {
  if (days === null || days === undefined) return '—';
  return days === 0 ? '今日' : `${days} 个工作日`;
}

// ---- the request wizard

export function reasonOptions(kind: AdjustmentKind | undefined): Array<{ value: string; label: string }> {
  if (!kind) return [];
  return Object.entries(REASONS[kind]).map(([value, label]) => ({ value, label }));
}

export const reasonLabel = (kind: AdjustmentKind, code: string): string => REASONS[kind]?.[code] ?? code;

/** Which request kinds name a receiving org: delegate and entrust must, cancel may (DOMAIN §3). */
export function receivingOrg(kind: AdjustmentKind | undefined): 'required' | 'optional' | 'none' {
  if (kind === 'delegate' || kind === 'entrust') return 'required';
  if (kind === 'cancel') return 'optional';
  return 'none';
}

/** Which kinds carry a proposed element set the filer edits: add and change; delegate/entrust may; cancel has none. */
export function editsElements(kind: AdjustmentKind | undefined): 'main' | 'optional' | 'none' {
  if (kind === 'add' || kind === 'change') return 'main';
  if (kind === 'delegate' || kind === 'entrust') return 'optional';
  return 'none';
}

/** A Beijing-time calendar day as the instant the request takes effect (start of that day). */
export function effectiveFromOf(date: string | null | undefined): string | null {
  return date ? `${date}T00:00:00+08:00` : null;
}

/** The Beijing calendar day of an effective-from instant. */
export function beijingDate(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
}

export { defaultLocalElements } from '../../common/item-elements.ts';

/** Problems of one element (the path's first segment), for the editor's fields. */
export function problemsByElement(problems: Array<{ path: string; message: string }>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of problems) {
    const key = topElement(p.path);
    out.set(key, [...(out.get(key) ?? []), p.message]);
  }
  return out;
}

/** A notification's link (absolute, /admin/...) as a path of the workbench router (basename /admin). */
export function routerPath(link: string): string {
  return link.replace(/^\/admin(?=\/|$)/, '') || '/';
}

/**
 * A fresh idempotency key for filing a request (the server returns the first request for a repeated key).
 * crypto.randomUUID exists only in secure contexts; an intranet served over plain http still has getRandomValues.
 */
export function newClientTxId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** One item chosen in the request wizard, with its effective elements (for the diff) and the proposal. */
export interface WizardItem {
  /** itemCode, or the catalogue item id for add. */
  key: string;
  itemCode: string | null;
  catalogueItemId: string | null;
  name: string;
  /** The effective element set (null for add, or while loading). */
  current: ItemElements | null;
  /** The proposed element set (null: not loaded yet, or a cancel). */
  elements: ItemElements | null;
  /** Delegate/entrust: whether the receiving org's version differs from the current one. */
  editElements: boolean;
}

/** The wizard's first step: the request's own fields, with the effective day as picked (not yet an instant). */
export interface WizardBasics extends Pick<RequestInput, 'kind' | 'reasonCode' | 'reasonText' | 'title' | 'triggerIds' | 'receivingOrgId'> {
  /** YYYY-MM-DD (Beijing) or null: effective on approval. */
  effectiveDate?: string | null;
}

/** The body of POST/PUT /api/adjustments from the wizard's state: only what the kind carries. */
export function requestInputOf(b: WizardBasics, items: WizardItem[], clientTxId?: string): RequestInput {
  const elements = editsElements(b.kind);
  return {
    kind: b.kind,
    reasonCode: b.reasonCode,
    reasonText: b.reasonText?.trim() || null,
    title: b.title.trim(),
    triggerIds: b.triggerIds ?? [],
    receivingOrgId: receivingOrg(b.kind) === 'none' ? null : b.receivingOrgId || null,
    effectiveFrom: effectiveFromOf(b.effectiveDate),
    items: items.map((it) =>
      b.kind === 'add'
        ? { catalogueItemId: it.catalogueItemId, elements: it.elements }
        : elements === 'none'
          ? { itemCode: it.itemCode }
          : elements === 'optional' && !it.editElements
            ? { itemCode: it.itemCode }
            : { itemCode: it.itemCode, elements: it.elements },
    ),
    ...(clientTxId ? { clientTxId } : {}),
  };
}

/** A title to start from when the filer has not written one. */
export function suggestedTitle(kind: AdjustmentKind, items: Array<{ name: string }>, receivingOrgName?: string): string {
  const first = items[0]?.name;
  if (!first) return '';
  const names = items.length > 1 ? `“${first}”等${items.length}项事项` : `“${first}”`;
  switch (kind) {
    case 'add':
      return `增加${names}`;
    case 'cancel':
      return `取消${names}`;
    case 'delegate':
      return `下放${names}${receivingOrgName ? `至${receivingOrgName}` : ''}`;
    case 'entrust':
      return `委托${receivingOrgName ?? ''}实施${names}`;
    case 'change':
      return `变更${names}的实施要素`;
  }
}
