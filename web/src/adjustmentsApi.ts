// Client of the dynamic-adjustment API (DOMAIN §3): triggers, adjustment requests, handovers, the dashboard,
// notifications, and the two item look-ups the request wizard needs.
import { api, ApiError } from './api.ts';
import type { AdjustmentAction, AdjustmentKind, AdjustmentState } from '../../common/adjustment-states.ts';
import {
  ATTACHMENT_EXTENSIONS, ATTACHMENT_MAX_BYTES, HANDOVER_TASK_KINDS,
  type AdjustmentDashboard, type AdjustmentRequest, type Attachment, type AttachmentOwner, type Handover, type HandoverTask,
  type HandoverTaskDetail, type HandoverTaskKind, type NewHandoverTask, type NewTrigger, type ProposedItem, type RequestAction,
  type RequestInput, type RequestItem, type RequestSummary, type Trigger, type TriggerDetail, type TriggerResolution,
} from '../../common/adjustment-views.ts';
import type { ElementChange } from '../../common/item-diff.ts';
import type { CatalogueDetail, CatalogueListEntry, ItemDetail, ItemListPage } from '../../common/item-views.ts';
import type { ItemElements, Problem, UniformElements } from '../../common/item-elements.ts';
import type { Notification } from '../../common/notification-views.ts';

export type { AdjustmentAction, AdjustmentKind, AdjustmentState, ElementChange, ItemElements, Problem, UniformElements };
export { ATTACHMENT_MAX_BYTES, HANDOVER_TASK_KINDS };
export type {
  AdjustmentDashboard, AdjustmentRequest, Attachment, AttachmentOwner, Handover, HandoverTask, HandoverTaskDetail, HandoverTaskKind,
  NewHandoverTask, NewTrigger, ProposedItem, RequestAction, RequestInput, RequestItem, RequestSummary, Trigger, TriggerDetail, TriggerResolution,
};

const id = (value: string) => encodeURIComponent(value);

// ---- attachments (legal texts, decisions, source documents)

/** What the server accepts (it also checks the leading bytes). */
export const ATTACHMENT_ACCEPT = ATTACHMENT_EXTENSIONS.join(',');

const ownerPath = (owner: AttachmentOwner, ownerId: string) => `/api/${owner === 'trigger' ? 'triggers' : 'adjustments'}/${id(ownerId)}/attachments`;

async function uploadError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string; requestId?: string } };
    if (body.error?.message) return new ApiError(response.status, body.error.code ?? `HTTP.${response.status}`, body.error.message, [], body.error.requestId);
  } catch {
    // Not JSON (a proxy's 413 page): a generic message below.
  }
  return new ApiError(response.status, `HTTP.${response.status}`, response.status === 413 ? '文件不能超过 20 MB' : `上传失败（${response.status}）`);
}

export const attachmentsApi = {
  list: (owner: AttachmentOwner, ownerId: string) => api.get<{ items: Attachment[] }>(ownerPath(owner, ownerId)).then((r) => r.items),
  upload: async (owner: AttachmentOwner, ownerId: string, file: File, csrfToken: string): Promise<Attachment> => {
    const body = new FormData();
    body.set('file', file, file.name);
    let response: Response;
    try {
      response = await fetch(ownerPath(owner, ownerId), { method: 'POST', body, credentials: 'same-origin', headers: { 'x-csrf-token': csrfToken, accept: 'application/json' } });
    } catch {
      throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
    }
    if (!response.ok) throw await uploadError(response);
    return (await response.json()) as Attachment;
  },
  remove: (attachmentId: string) => api.post<Attachment>(`/api/attachments/${id(attachmentId)}/remove`),
};

// ---- triggers (调整事由)

export interface TriggerQuery {
  status?: 'open' | 'closed';
  overdue?: boolean;
}

export const triggersApi = {
  list: (query: TriggerQuery = {}) =>
    api.get<{ items: Trigger[] }>('/api/triggers', { status: query.status, overdue: query.overdue ? 'true' : undefined }).then((r) => r.items),
  get: (triggerId: string) => api.get<TriggerDetail>(`/api/triggers/${id(triggerId)}`),
  register: (input: NewTrigger) => api.post<TriggerDetail>('/api/triggers', input),
  noChange: (triggerId: string, orgId: string, reason: string) => api.post<TriggerDetail>(`/api/triggers/${id(triggerId)}/no-change`, { orgId, reason }),
};

// ---- adjustment requests (调整申请)

/** The state-table actions that have their own endpoint (edit is PUT). */
export type RequestTransition = Exclude<AdjustmentAction, 'edit'>;

const ACTION_PATHS: Record<RequestTransition, string> = {
  submit: 'submit',
  start_review: 'start-review',
  return: 'return',
  approve: 'approve',
  reject: 'reject',
  withdraw: 'withdraw',
};

export const adjustmentsApi = {
  list: (query: { state?: AdjustmentState; queue?: boolean } = {}) =>
    api.get<{ items: RequestSummary[] }>('/api/adjustments', { state: query.state, queue: query.queue ? 'true' : undefined }).then((r) => r.items),
  get: (requestId: string) => api.get<AdjustmentRequest>(`/api/adjustments/${id(requestId)}`),
  file: (input: RequestInput) => api.post<AdjustmentRequest>('/api/adjustments', input),
  edit: (requestId: string, input: RequestInput) => api.put<AdjustmentRequest>(`/api/adjustments/${id(requestId)}`, input),
  act: (requestId: string, action: RequestTransition, opinion?: string | null) =>
    api.post<AdjustmentRequest>(`/api/adjustments/${id(requestId)}/${ACTION_PATHS[action]}`, { opinion: opinion?.trim() || null }),
};

// ---- handovers (交接：指导与培训)

export const handoversApi = {
  list: (status?: 'open' | 'closed') => api.get<{ items: Handover[] }>('/api/handovers', { status }).then((r) => r.items),
  get: (handoverId: string) => api.get<Handover>(`/api/handovers/${id(handoverId)}`),
  addTask: (handoverId: string, task: NewHandoverTask) => api.post<Handover>(`/api/handovers/${id(handoverId)}/tasks`, task),
  completeTask: (handoverId: string, taskId: string) => api.post<Handover>(`/api/handovers/${id(handoverId)}/tasks/${id(taskId)}/complete`, {}),
  confirm: (handoverId: string, note?: string | null) => api.post<Handover>(`/api/handovers/${id(handoverId)}/confirm`, { note: note?.trim() || null }),
};

// ---- dashboard (动态调整工作台)

export const dashboardApi = {
  adjustments: () => api.get<AdjustmentDashboard>('/api/dashboard/adjustments'),
};

// ---- notifications (站内消息)

export type { Notification };

export const notificationsApi = {
  list: (unreadOnly = false) => api.get<{ unread: number; items: Notification[] }>('/api/notifications', { unread: unreadOnly ? 'true' : undefined }),
  markRead: (ids: string[] | 'all') => api.post<void>('/api/notifications/read', { ids }),
};

// ---- item look-ups for the wizard

export const lookupApi = {
  items: (query: { org?: string; q?: string; limit?: number }) =>
    api.get<ItemListPage>('/api/items', { org: query.org, q: query.q, limit: query.limit ?? 20 }),
  item: (code: string) => api.get<ItemDetail>(`/api/items/${id(code)}`),
  catalogue: (query: { q?: string; limit?: number }) =>
    api.get<{ items: CatalogueListEntry[]; nextCursor: string | null }>('/api/catalogue-items', { q: query.q, limit: query.limit ?? 20 }),
  catalogueItem: (catalogueId: string) => api.get<CatalogueDetail>(`/api/catalogue-items/${id(catalogueId)}`),
};
