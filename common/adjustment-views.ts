// Shapes of the dynamic-adjustment answers (and requests) that the server sends and the workbench reads:
// attachments, triggers (调整事由), adjustment requests (调整申请), handovers (交接) and the dashboard. One definition for both sides.
import type { AdjustmentAction, AdjustmentKind, AdjustmentState } from './adjustment-states.ts';
import type { ElementChange } from './item-diff.ts';
import type { ItemElements, Problem } from './item-elements.ts';

// ---- attachments (legal texts, decisions, source documents)

export type AttachmentOwner = 'trigger' | 'adjustment';

/** The largest file the server accepts (the web checks before uploading). */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

/** The extensions the server accepts (it also checks the leading bytes); the web's `accept`. */
export const ATTACHMENT_EXTENSIONS = ['.pdf', '.ofd', '.doc', '.docx', '.xls', '.xlsx', '.jpg', '.jpeg', '.png'] as const;
export type AttachmentExtension = (typeof ATTACHMENT_EXTENSIONS)[number];

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

// ---- triggers (调整事由)

export type TriggerResolution = 'adjusted' | 'no_change';

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

/** A trigger as listed. */
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
}

/** A trigger with its source documents (attachments not removed): the detail, register and no-change answers. */
export interface TriggerDetail extends Trigger {
  attachments: Attachment[];
}

// ---- adjustment requests (调整申请)

export interface ProposedItem {
  /** Existing item (change, cancel, delegate, entrust). */
  itemCode?: string | null;
  /** Catalogue item to implement (add). */
  catalogueItemId?: string | null;
  /** The proposed element set (add, change; optional for delegate/entrust: the receiving org's version). */
  elements?: ItemElements | null;
}

/** The body of POST/PUT /api/adjustments. */
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
  /** Legal texts, decisions and other files (not removed). */
  attachments: Attachment[];
  createdAt: string;
  updatedAt: string;
}

/** A request as listed. */
export interface RequestSummary {
  id: string;
  orgId: string;
  orgName: string;
  kind: AdjustmentKind;
  title: string;
  state: AdjustmentState;
  stateLabel: string;
  decisionNumber: string | null;
  receivingOrgId: string | null;
  receivingOrgName: string | null;
  effectiveFrom: string | null;
  submittedAt: string | null;
  updatedAt: string;
  createdAt: string;
}

// ---- handovers (交接：指导与培训)

export const HANDOVER_TASK_KINDS = { policy_document: '政策文件', implementation_standard: '实施标准', training: '业务培训' } as const;
export type HandoverTaskKind = keyof typeof HANDOVER_TASK_KINDS;

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
  kind: HandoverTaskKind;
  kindLabel: string;
  title: string;
  detail: HandoverTaskDetail;
  status: 'pending' | 'done';
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

/** The body of POST /api/handovers/:id/tasks. */
export interface NewHandoverTask {
  kind: HandoverTaskKind;
  title: string;
  detail: HandoverTaskDetail;
  done?: boolean;
}

// ---- dashboard (动态调整工作台)

export interface AdjustmentDashboard {
  scope: 'banner' | 'org';
  triggers: Array<{ id: string; title: string; dueOn: string; overdue: boolean; dueSoon: boolean; workingDaysLeft: number | null }>;
  reviewQueue: Array<{ id: string; title: string; orgName: string; state: string; submittedAt: string; ageWorkingDays: number | null }>;
  handovers: Array<{ id: string; itemCode: string; fromOrgName: string; toOrgName: string; createdAt: string; ageWorkingDays: number | null; alert: boolean }>;
  counts: { openTriggers: number; overdueTriggers: number; waitingReview: number; openHandovers: number; alertingHandovers: number };
}
