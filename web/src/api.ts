// A tiny client for the Qingdan JSON API: same-origin cookie session, CSRF header on every non-GET.
import type { AuditEvent, AuditEventPage, AuditQuery } from '../../common/audit-views.ts';
import type { NewOrg, Org, OrgNames } from '../../common/org-views.ts';
import type { OrgKind } from '../../common/roles.ts';

export type { AuditEvent, AuditEventPage, AuditQuery, NewOrg, Org, OrgKind, OrgNames };

export interface FieldError {
  path: string;
  message: string;
}

/** Thrown for every non-2xx answer; `message` is the server's Chinese message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: FieldError[];
  readonly requestId: string | undefined;

  constructor(status: number, code: string, message: string, details: FieldError[] = [], requestId?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }
}

export interface Membership {
  orgId: string;
  orgName: string;
  roles: string[];
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  orgId: string;
  orgName: string;
  roles: string[];
  memberships: Membership[];
  csrfToken: string;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  orgId: string;
  roles: string[];
  active: boolean;
  lockedUntil: string | null;
}

export type CalendarDayKind = 'holiday' | 'workday';

export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

export interface CalendarYear {
  year: number;
  loaded: boolean;
  days: CalendarDay[];
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Remembers the session's CSRF token; every Me answer carries the current one. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request answers 401 (session expired): the app returns to the login page. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

type Query = Record<string, string | number | null | undefined>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy error page, an empty body): fall through to a generic message.
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown; requestId?: unknown } } | null)?.error;
  if (error && typeof error.message === 'string') {
    const details = Array.isArray(error.details)
      ? error.details
          .filter((d): d is FieldError => !!d && typeof d === 'object' && typeof (d as FieldError).message === 'string')
          .map((d) => ({ path: String(d.path ?? ''), message: d.message }))
      : [];
    return new ApiError(
      response.status,
      typeof error.code === 'string' ? error.code : `HTTP.${response.status}`,
      error.message,
      details,
      typeof error.requestId === 'string' ? error.requestId : undefined,
    );
  }
  const fallback =
    response.status >= 500 ? '服务器暂时无法处理请求，请稍后再试' : response.status === 404 ? '请求的资源不存在' : `请求失败（${response.status}）`;
  return new ApiError(response.status, `HTTP.${response.status}`, fallback);
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: string | undefined;
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
    payload = JSON.stringify(body ?? {});
  }
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (!response.ok) {
    const error = await toApiError(response);
    // Login answers 401 for a wrong password; that is not an expired session.
    if (response.status === 401 && !path.startsWith('/api/auth/')) onUnauthorized?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body),
};

function rememberMe(me: Me): Me {
  setCsrfToken(me.csrfToken);
  return me;
}

const id = (value: string) => encodeURIComponent(value);

export const authApi = {
  login: (username: string, password: string) => api.post<Me>('/api/auth/login', { username, password }).then(rememberMe),
  logout: () => api.post<void>('/api/auth/logout').finally(() => setCsrfToken(null)),
  me: () => api.get<Me>('/api/me').then(rememberMe),
  switchOrg: (orgId: string) => api.post<Me>('/api/me/org', { orgId }).then(rememberMe),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<void>('/api/me/password', { currentPassword, newPassword }),
};

export const orgsApi = {
  list: () => api.get<{ items: Org[] }>('/api/orgs').then((r) => r.items),
  create: (input: NewOrg) => api.post<Org>('/api/orgs', input),
  rename: (orgId: string, names: OrgNames) => api.post<Org>(`/api/orgs/${id(orgId)}/rename`, names),
  move: (orgId: string, parentId: string) => api.post<Org>(`/api/orgs/${id(orgId)}/move`, { parentId }),
  deactivate: (orgId: string) => api.post<Org>(`/api/orgs/${id(orgId)}/deactivate`),
  activate: (orgId: string) => api.post<Org>(`/api/orgs/${id(orgId)}/activate`),
};

export interface NewUser {
  username: string;
  displayName: string;
  orgId: string;
  roles: string[];
  password: string;
}

export const usersApi = {
  list: (query: { orgId?: string; q?: string } = {}) => api.get<{ items: User[] }>('/api/users', query).then((r) => r.items),
  create: (input: NewUser) => api.post<User>('/api/users', input),
  setRoles: (userId: string, roles: string[]) => api.post<User>(`/api/users/${id(userId)}/roles`, { roles }),
  deactivate: (userId: string) => api.post<User>(`/api/users/${id(userId)}/deactivate`),
  activate: (userId: string) => api.post<User>(`/api/users/${id(userId)}/activate`),
  resetPassword: (userId: string, password: string) => api.post<User | void>(`/api/users/${id(userId)}/reset-password`, { password }),
};

export type DeadlineQuery = { from: string; workingDays: number } | { from: string; months: number };

export const calendarApi = {
  year: (year: number) => api.get<CalendarYear>(`/api/calendar/${year}`),
  /** `source` names the notice the days come from (e.g. 国办发明电〔2025〕7号). */
  load: (year: number, days: CalendarDay[], source?: string) => api.post<CalendarYear>(`/api/calendar/${year}`, { days, source }),
  deadline: (query: DeadlineQuery) => api.get<{ due: string }>('/api/calendar/deadline', query),
};

export const auditApi = {
  list: (query: AuditQuery) => api.get<AuditEventPage>('/api/audit', { ...query }),
};
