// Client of the dynamic-adjustment API (DOMAIN §3): triggers, adjustment requests, handovers, the dashboard,
// notifications, and the two item look-ups the request wizard needs.
import { api, ApiError } from './api.ts';
import type { AdjustmentAction, AdjustmentKind, AdjustmentState } from '../../common/adjustment-states.ts';
import type { ElementChange } from '../../common/item-diff.ts';
import type { ItemElements, Problem, UniformElements } from '../../common/item-elements.ts';

export type { AdjustmentAction, AdjustmentKind, AdjustmentState, ElementChange, ItemElements, Problem, UniformElements };

const id = (value: string) => encodeURIComponent(value);

// ---- attachments (legal texts, decisions, source documents)

export type AttachmentOwner = 'trigger' | 'adjustment';

export interface Attachment {
  id: string;
  ownerType: AttachmentOwner;
  ownerId: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedByName: string | null;
  uploadedAt: string;
  note: string | null;
  downloadUrl: string;
}

/** What the server accepts (it also checks the leading bytes). */
export const ATTACHMENT_ACCEPT = '.pdf,.ofd,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png';
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

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

export type TriggerResolution = 'adjusted' | 'no_change';

export interface Trigger {
  id: string;
  kind: string;
  kindLabel: string;
  title: string;
  docNumber: string | null;
  issuingBody: string | null;
  docEffectiveOn: string | null;
  url: string | null;
  occurredOn: string;
  dueOn: string;
  overdue: boolean;
  status: 'open' | 'closed';
  affected: { catalogueItemIds: string[]; itemCodes: string[] };
  responsible: Array<{ orgId: string; orgName: string; resolution: TriggerResolution | null; note: string | null; adjustmentId: string | null }>;
  createdAt: string;
  closedAt: string | null;
  /** Source documents; only in the detail answer. */
  attachments?: Attachment[];
}

export interface NewTrigger {
  kind: string;
  title: string;
  docNumber?: string | null;
  issuingBody?: string | null;
  docEffectiveOn?: string | null;
  url?: string | null;
  occurredOn: string;
  catalogueItemIds?: string[];
  itemCodes?: string[];
  responsibleOrgIds: string[];
}

export interface TriggerQuery {
  status?: 'open' | 'closed';
  overdue?: boolean;
}

export const triggersApi = {
  list: (query: TriggerQuery = {}) =>
    api.get<{ items: Trigger[] }>('/api/triggers', { status: query.status, overdue: query.overdue ? 'true' : undefined }).then((r) => r.items),
  get: (triggerId: string) => api.get<Trigger>(`/api/triggers/${id(triggerId)}`),
  register: (input: NewTrigger) => api.post<Trigger>('/api/triggers', input),
  noChange: (triggerId: string, orgId: string, reason: string) => api.post<Trigger>(`/api/triggers/${id(triggerId)}/no-change`, { orgId, reason }),
};

// ---- adjustment requests (调整申请)

export interface RequestItem {
  seq: number;
  itemCode: string | null;
  catalogueItemId: string | null;
  /** The implementation code after applying (new code for delegate/entrust/add). */
  resultCode: string | null;
  name: string;
  elements: ItemElements | null;
  /** Proposed elements against the currently effective version. */
  changes: ElementChange[];
  problems: Problem[];
}

export interface RequestAction {
  seq: number;
  action: string;
  fromState: string | null;
  toState: string;
  actorName: string | null;
  role: string | null;
  orgId: string | null;
  opinion: string | null;
  at: string;
}

export interface AdjustmentRequest {
  id: string;
  orgId: string;
  orgName: string;
  kind: AdjustmentKind;
  reasonCode: string;
  reasonText: string | null;
  title: string;
  receivingOrgId: string | null;
  receivingOrgName: string | null;
  effectiveFrom: string | null;
  state: AdjustmentState;
  stateLabel: string;
  allowedActions: AdjustmentAction[];
  decisionNumber: string | null;
  approvedAt: string | null;
  appliedAt: string | null;
  dueOn: string | null;
  triggers: Array<{ id: string; title: string; dueOn: string }>;
  items: RequestItem[];
  actions: RequestAction[];
  /** Legal texts, decisions and other files. */
  attachments?: Attachment[];
  createdAt: string;
  updatedAt: string;
}

export interface RequestSummary {
  id: string;
  orgId: string;
  orgName: string;
  kind: AdjustmentKind;
  title: string;
  state: AdjustmentState;
  stateLabel: string;
  decisionNumber: string | null;
  updatedAt: string;
  createdAt: string;
}

export interface ProposedItem {
  itemCode?: string | null;
  catalogueItemId?: string | null;
  elements?: ItemElements | null;
}

export interface RequestInput {
  kind: AdjustmentKind;
  reasonCode: string;
  reasonText?: string | null;
  title: string;
  triggerIds?: string[];
  receivingOrgId?: string | null;
  effectiveFrom?: string | null;
  items: ProposedItem[];
  /** Same id, same request: a double click or a retry does not file twice. */
  clientTxId?: string | null;
}

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

export type HandoverTaskKind = 'policy_document' | 'implementation_standard' | 'training';

export interface HandoverTaskDetail {
  date?: string;
  trainer?: string;
  attendees?: string[];
  materials?: string[];
  url?: string;
  note?: string;
}

export interface HandoverTask {
  id: string;
  kind: HandoverTaskKind | string;
  kindLabel: string;
  title: string;
  detail: HandoverTaskDetail;
  status: 'pending' | 'done' | string;
  doneAt: string | null;
}

export interface Handover {
  id: string;
  requestId: string;
  kind: string;
  itemCode: string;
  newItemCode: string | null;
  fromOrgId: string;
  fromOrgName: string;
  toOrgId: string;
  toOrgName: string;
  status: 'open' | 'closed';
  createdAt: string;
  confirmedAt: string | null;
  confirmationNote: string | null;
  tasks: HandoverTask[];
}

export interface NewHandoverTask {
  kind: HandoverTaskKind;
  title: string;
  detail: HandoverTaskDetail;
  done?: boolean;
}

export const handoversApi = {
  list: (status?: 'open' | 'closed') => api.get<{ items: Handover[] }>('/api/handovers', { status }).then((r) => r.items),
  get: (handoverId: string) => api.get<Handover>(`/api/handovers/${id(handoverId)}`),
  addTask: (handoverId: string, task: NewHandoverTask) => api.post<Handover>(`/api/handovers/${id(handoverId)}/tasks`, task),
  completeTask: (handoverId: string, taskId: string) => api.post<Handover>(`/api/handovers/${id(handoverId)}/tasks/${id(taskId)}/complete`, {}),
  confirm: (handoverId: string, note?: string | null) => api.post<Handover>(`/api/handovers/${id(handoverId)}/confirm`, { note: note?.trim() || null }),
};

// ---- dashboard (动态调整工作台)

export interface AdjustmentDashboard {
  scope: 'banner' | 'org';
  triggers: Array<{ id: string; title: string; dueOn: string; overdue: boolean; dueSoon: boolean; workingDaysLeft: number | null }>;
  reviewQueue: Array<{ id: string; title: string; orgName: string; state: string; submittedAt: string; ageWorkingDays: number | null }>;
  handovers: Array<{ id: string; itemCode: string; fromOrgName: string; toOrgName: string; createdAt: string; ageWorkingDays: number | null; alert: boolean }>;
  counts: { openTriggers: number; overdueTriggers: number; waitingReview: number; openHandovers: number; alertingHandovers: number };
}

export const dashboardApi = {
  adjustments: () => api.get<AdjustmentDashboard>('/api/dashboard/adjustments'),
};

// ---- notifications (站内消息)

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  /** Absolute path of the page it concerns, e.g. /admin/adjustments/<id>. */
  link: string | null;
  createdAt: string;
  read: boolean;
}

export const notificationsApi = {
  list: (unreadOnly = false) => api.get<{ unread: number; items: Notification[] }>('/api/notifications', { unread: unreadOnly ? 'true' : undefined }),
  markRead: (ids: string[] | 'all') => api.post<void>('/api/notifications/read', { ids }),
};

// ---- item look-ups for the wizard

export interface TimeLimitOut {
  amount: number;
  unit: string;
  note?: string;
}

export interface ListedItem {
  implementationCode: string;
  name: string;
  type: string;
  typeLabel: string;
  orgId: string;
  orgName: string;
  caseKind: number;
  onlineDepth: number;
  powerSource: number;
  promisedTimeLimit: TimeLimitOut;
  statutoryTimeLimit: TimeLimitOut;
  versionNo: number;
  effectiveFrom: string;
}

export interface ItemVersion {
  versionNo: number;
  state: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  elements: ItemElements;
  source: string;
}

export interface ItemDetail {
  implementationCode: string;
  orgId: string;
  orgName: string;
  catalogueItemId: string;
  basicCode: string;
  current: ItemVersion | null;
}

export interface CatalogueEntry {
  id: string;
  basicCode: string;
  localCode: string | null;
  origin: string;
  currentVersionNo: number;
  name: string;
  type: string;
  levels: number[];
}

export interface CatalogueDetail extends Omit<CatalogueEntry, 'name' | 'type' | 'levels'> {
  current: { versionNo: number; name: string; type: string; levels: number[]; uniform: UniformElements };
}

export const lookupApi = {
  items: (query: { org?: string; q?: string; limit?: number }) =>
    api.get<{ items: ListedItem[]; total: number }>('/api/items', { org: query.org, q: query.q, limit: query.limit ?? 20 }),
  item: (code: string) => api.get<ItemDetail>(`/api/items/${id(code)}`),
  catalogue: (query: { q?: string; limit?: number }) =>
    api.get<{ items: CatalogueEntry[]; nextCursor: string | null }>('/api/catalogue-items', { q: query.q, limit: query.limit ?? 20 }),
  catalogueItem: (catalogueId: string) => api.get<CatalogueDetail>(`/api/catalogue-items/${id(catalogueId)}`),
};
