import type { FormInstance } from 'antd';
import { ApiError } from './api.ts';

// Labels for fields a form does not show (e.g. the parent chosen outside the dialog).
const FIELD_LABELS: Record<string, string> = {
  parentId: '上级机构',
  orgId: '机构',
  roles: '角色',
  password: '密码',
  username: '用户名',
  uscc: '统一社会信用代码',
  level: '行使层级',
  kind: '机构类别',
  days: '日期',
  from: '开始时间',
  to: '结束时间',
};

/**
 * Puts the server's 400 field messages onto the form's fields. Returns the messages that did not
 * match a field (shown above the form), or the whole error message when there were no details.
 */
export function applyApiError(form: FormInstance, error: unknown, fieldNames: string[]): string | null {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  if (error.details.length === 0) return error.message;
  const byField = new Map<string, string[]>();
  const unmatched: string[] = [];
  for (const detail of error.details) {
    // Paths come as "/nameZh", "body.nameZh", "nameZh" or "/days/3/date": match the first known segment.
    const segments = detail.path.split(/[/.[\]]+/).filter(Boolean);
    const field = segments.find((s) => fieldNames.includes(s));
    if (field) byField.set(field, [...(byField.get(field) ?? []), detail.message]);
    else {
      const label = segments.map((seg) => FIELD_LABELS[seg]).find(Boolean);
      unmatched.push(label ? `${label}：${detail.message}` : detail.message);
    }
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  if (unmatched.length > 0) return unmatched.join('；');
  return byField.size > 0 ? null : error.message;
}

/** The message to show for any failure. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return error instanceof Error ? error.message : '操作失败';
}
