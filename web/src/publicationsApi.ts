// Client of 清单公布, 报备 and 社会监督 (issues 5–6): publications, report packages to the city bureau, public feedback.
import { api, ApiError } from './api.ts';
import type { Deviation } from './itemsApi.ts';
import { CHANGE_KIND_LABELS, CHANGE_KINDS, type ChangeKind, type PublicationSummary } from '../../common/publication-views.ts';
import type { FeedbackCategory, FeedbackContact, StaffFeedback } from '../../common/feedback-views.ts';

export type { Deviation };

const id = (value: string) => encodeURIComponent(value);

// ---- publications (清单公布)

export { CHANGE_KIND_LABELS, CHANGE_KINDS };
export type { ChangeKind, PublicationSummary };

export const CHANGE_KIND_COLORS: Readonly<Record<ChangeKind, string>> = { added: 'green', cancelled: 'red', delegated: 'blue', entrusted: 'cyan', changed: 'orange' };

/** A problem of one item that blocks publishing (PUBLICATION.INVALID_ITEMS). */
export interface InvalidItem {
  implementationCode: string;
  problems: Array<{ path?: string; message?: string } | string>;
}

/**
 * Publishing answers 409 when the list is not fit to publish; `error.details` then carries what to fix
 * (the shared ApiError keeps only field errors, so this call reads the envelope itself).
 */
export class PublishBlocked extends ApiError {
  readonly deviations: Deviation[];
  readonly invalidItems: InvalidItem[];
  readonly total: number;

  constructor(status: number, code: string, message: string, deviations: Deviation[], invalidItems: InvalidItem[], total: number, requestId?: string) {
    super(status, code, message, [], requestId);
    this.name = 'PublishBlocked';
    this.deviations = deviations;
    this.invalidItems = invalidItems;
    this.total = total;
  }
}

async function publish(csrfToken: string): Promise<PublicationSummary> {
  let response: Response;
  try {
    response = await fetch('/api/publications', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: '{}',
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (response.ok) return (await response.json()) as PublicationSummary;
  let error: { code?: string; message?: string; details?: unknown; requestId?: string } | undefined;
  try {
    error = ((await response.json()) as { error?: typeof error }).error;
  } catch {
    // Not JSON: a generic message below.
  }
  const message = error?.message ?? (response.status >= 500 ? '服务器暂时无法处理请求，请稍后再试' : `公布失败（${response.status}）`);
  const code = error?.code ?? `HTTP.${response.status}`;
  const details = (error?.details ?? {}) as { deviations?: unknown; items?: unknown; count?: unknown };
  if (response.status === 409 && (Array.isArray(details.deviations) || Array.isArray(details.items))) {
    const deviations = Array.isArray(details.deviations) ? (details.deviations as Deviation[]) : [];
    const items = Array.isArray(details.items) ? (details.items as InvalidItem[]) : [];
    const total = typeof details.count === 'number' ? details.count : deviations.length || items.length;
    throw new PublishBlocked(response.status, code, message, deviations, items, total, error?.requestId);
  }
  throw new ApiError(response.status, code, message, [], error?.requestId);
}

export const publicationsApi = {
  list: () => api.get<{ items: PublicationSummary[] }>('/api/public/publications').then((r) => r.items),
  publish,
};

// ---- reports (报备)

import type { Report, ReportAction, ReportDetail, ReportEvent, ReportFile, ReportState } from '../../common/report-views.ts';

export type { Report, ReportAction, ReportDetail, ReportEvent, ReportFile, ReportState };

export const REPORT_STATE_TAGS: Readonly<Record<ReportState, { label: string; color: string }>> = {
  prepared: { label: '已生成待报送', color: 'default' },
  sent: { label: '已报送', color: 'processing' },
  acknowledged: { label: '市局已确认', color: 'success' },
  queried: { label: '市局有疑问', color: 'warning' },
};


export const reportsApi = {
  list: () => api.get<{ items: Report[] }>('/api/reports').then((r) => r.items),
  get: (reportId: string) => api.get<ReportDetail>(`/api/reports/${id(reportId)}`),
  prepare: (publicationNumber: string) => api.post<ReportDetail>('/api/reports', { publicationNumber }),
  send: (reportId: string) => api.post<ReportDetail>(`/api/reports/${id(reportId)}/send`),
  acknowledge: (reportId: string, reply: string) => api.post<ReportDetail>(`/api/reports/${id(reportId)}/acknowledge`, { reply }),
  query: (reportId: string, reply: string) => api.post<ReportDetail>(`/api/reports/${id(reportId)}/query`, { reply }),
  fileUrl: (reportId: string, name: string) => `/api/reports/${id(reportId)}/files/${id(name)}`,
};

// ---- feedback (社会监督)

export type { FeedbackCategory, FeedbackContact, StaffFeedback };

export type FeedbackStatus = 'open' | 'answered' | 'overdue';

export const feedbackApi = {
  list: (status?: FeedbackStatus) => api.get<{ items: StaffFeedback[] }>('/api/feedback', { status }).then((r) => r.items),
  overdue: () => api.get<{ count: number; items: StaffFeedback[] }>('/api/feedback/overdue'),
  answer: (feedbackId: string, answer: string) => api.post<StaffFeedback>(`/api/feedback/${id(feedbackId)}/answer`, { answer }),
};
