// Renders an audit row's summary object in Chinese, e.g. "名称：民政局 → 乌审旗民政局".
import { orgKindLabel, roleLabel } from './labels.ts';

const KEY_LABELS: Record<string, string> = {
  username: '用户名',
  displayName: '姓名',
  nameZh: '名称',
  nameEn: '英文名称',
  nameMn: '蒙古文名称',
  kind: '类别',
  uscc: '信用代码',
  parentId: '上级机构',
  orgId: '机构',
  roles: '角色',
  from: '原',
  to: '新',
  lockedUntil: '锁定至',
  year: '年度',
  days: '天数',
  source: '依据',
  orgs: '机构数',
  users: '用户',
};

// Keys whose values are org ids, so they read as names.
const ORG_KEYS = new Set(['orgId', 'parentId', 'from', 'to']);

export type NameOf = (orgId: string) => string | undefined;

function value(key: string, v: unknown, orgName: NameOf): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (key === 'roles' && Array.isArray(v)) return v.map((r) => roleLabel(String(r))).join('、') || '（无）';
  if (Array.isArray(v)) return v.map(String).join('、');
  if (key === 'kind' && typeof v === 'string') return orgKindLabel(v);
  if (typeof v === 'string' && ORG_KEYS.has(key)) return orgName(v) ?? v;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** One line per fact; a { before, after } pair lists only what changed. */
export function summaryLines(summary: unknown, orgName: NameOf): string[] {
  if (summary === null || summary === undefined) return [];
  if (typeof summary !== 'object' || Array.isArray(summary)) return [String(summary)];
  const record = summary as Record<string, unknown>;
  const lines: string[] = [];
  const before = record.before as Record<string, unknown> | undefined;
  const after = record.after as Record<string, unknown> | undefined;
  if (before && after && typeof before === 'object' && typeof after === 'object') {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
      lines.push(`${KEY_LABELS[key] ?? key}：${value(key, before[key], orgName)} → ${value(key, after[key], orgName)}`);
    }
  }
  for (const [key, v] of Object.entries(record)) {
    if (key === 'before' || key === 'after') continue;
    lines.push(`${KEY_LABELS[key] ?? key}：${value(key, v, orgName)}`);
  }
  return lines;
}
