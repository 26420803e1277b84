// Typed client for the list endpoints (issue 3): items, drafts, versions, diff, catalogue, consistency, import/export.
import type { ElementChange } from '../../common/item-diff.ts';
import type {
  CatalogueDetail, CatalogueItem, CatalogueListEntry, CatalogueVersion, CatalogueVersionResult, Deviation, DraftEntry, DraftResult,
  HandlingItemView, ItemDetail, ItemListEntry, ItemListPage, ItemListQuery, ItemVersion, ItemVersionSummary, NewCatalogueItem,
  NewCatalogueVersion, NewItem, VersionDiff, VersionState,
} from '../../common/item-views.ts';
import type { ItemElements, Problem, TimeLimit, UniformElements } from '../../common/item-elements.ts';
import { api, ApiError, type FieldError } from './api.ts';

export type {
  CatalogueDetail, CatalogueItem, CatalogueListEntry, CatalogueVersion, CatalogueVersionResult, Deviation, DraftEntry, DraftResult, ElementChange,
  HandlingItemView, ItemDetail, ItemElements, ItemListEntry, ItemListPage, ItemListQuery, ItemVersion, ItemVersionSummary, NewCatalogueItem,
  NewCatalogueVersion, NewItem, Problem, TimeLimit, UniformElements, VersionDiff, VersionState,
};

export type ImportMode = 'all' | 'validRows';

export interface ImportError {
  sheet: string;
  row: number;
  column: string;
  value: string | null;
  code: string;
  message: string;
}

export interface ImportReport {
  mode: ImportMode;
  /** false: mode=all found errors and nothing was written. */
  committed: boolean;
  rows: number;
  materialRows: number;
  imported: number;
  updated: number;
  unchanged: number;
  createdCatalogueItems: number;
  /** true: versions became effective (bureau); false: drafts (department). */
  effective: boolean;
  errorCount: number;
  errors: ImportError[];
}

export type ExportFormat = 'xlsx' | 'json';

const code = (value: string) => encodeURIComponent(value);
const query = (q: object) => q as Record<string, string | number | undefined>;

export const itemsApi = {
  list: (q: ItemListQuery) => api.get<ItemListPage>('/api/items', query(q)),
  drafts: (org?: string) => api.get<{ items: DraftEntry[] }>('/api/items/drafts', query({ org })).then((r) => r.items),
  create: (input: NewItem) => api.post<ItemDetail>('/api/items', input),
  detail: (implementationCode: string) => api.get<ItemDetail>(`/api/items/${code(implementationCode)}`),
  /** Opens a draft from the current version; `takeOver` copies the catalogue's new uniform elements into it. */
  startDraft: (implementationCode: string, takeOver = false) =>
    api.post<DraftResult>(`/api/items/${code(implementationCode)}/drafts`, takeOver ? { takeOver: true } : {}),
  saveDraft: (implementationCode: string, versionNo: number, elements: ItemElements, changeNote?: string) =>
    api.put<DraftResult>(`/api/items/${code(implementationCode)}/versions/${versionNo}`, changeNote ? { elements, changeNote } : { elements }),
  validateDraft: (implementationCode: string, versionNo: number) =>
    api.post<DraftResult>(`/api/items/${code(implementationCode)}/versions/${versionNo}/validate`),
  discardDraft: (implementationCode: string, versionNo: number) =>
    api.post<void>(`/api/items/${code(implementationCode)}/versions/${versionNo}/discard`),
  /** bureau_admin only: the draft becomes effective from `effectiveFrom` (YYYY-MM-DD, default now). */
  loadDraft: (implementationCode: string, versionNo: number, effectiveFrom?: string) =>
    api.post<ItemDetail>(`/api/items/${code(implementationCode)}/versions/${versionNo}/load`, effectiveFrom ? { effectiveFrom } : {}),
  diff: (implementationCode: string, from: number, to: number) => api.get<VersionDiff>(`/api/items/${code(implementationCode)}/diff`, { from, to }),
  consistency: () => api.get<{ deviations: Deviation[] }>('/api/consistency').then((r) => r.deviations),
};

export const catalogueApi = {
  list: (q: { q?: string; type?: string; cursor?: string; limit?: number }) =>
    api.get<{ items: CatalogueListEntry[]; nextCursor: string | null }>('/api/catalogue-items', query(q)),
  detail: (id: string) => api.get<CatalogueDetail>(`/api/catalogue-items/${code(id)}`),
  create: (input: NewCatalogueItem) => api.post<CatalogueItem>('/api/catalogue-items', input),
  addVersion: (id: string, input: NewCatalogueVersion) => api.post<CatalogueVersionResult>(`/api/catalogue-items/${code(id)}/versions`, input),
};

// ---- files: multipart upload and downloads go around the JSON wrapper, with the same error envelope.

async function apiErrorOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string; details?: unknown; requestId?: string } };
    if (body.error?.message) {
      const details = Array.isArray(body.error.details) ? (body.error.details as FieldError[]).filter((d) => typeof d?.message === 'string') : [];
      return new ApiError(response.status, body.error.code ?? `HTTP.${response.status}`, body.error.message, details, body.error.requestId);
    }
  } catch {
    // Not JSON: a generic message below.
  }
  const message = response.status === 404 ? '该功能暂不可用' : response.status >= 500 ? '服务器暂时无法处理请求，请稍后再试' : `请求失败（${response.status}）`;
  return new ApiError(response.status, `HTTP.${response.status}`, message);
}

function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // Malformed: try the plain name.
    }
  }
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? fallback;
}

/** Fetches a file and hands it to the browser as a download. @throws ApiError (404 when the server has no such endpoint) */
export async function downloadFile(path: string, q: Record<string, string | number | undefined>, fallbackName: string): Promise<void> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(q)) if (value !== undefined && value !== '') params.set(key, String(value));
  const url = params.size > 0 ? `${path}?${params}` : path;
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (!response.ok) throw await apiErrorOf(response);
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileNameOf(response, fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

let transferAvailable: Promise<boolean> | null = null;

/**
 * Whether the server offers spreadsheet import/export (one cheap HEAD on the template, once per page load).
 * A 404 hides the buttons instead of offering something that fails.
 */
export function transferEndpointsAvailable(): Promise<boolean> {
  transferAvailable ??= fetch('/api/items/import-template.xlsx', { method: 'HEAD', credentials: 'same-origin' })
    .then((r) => r.status !== 404)
    .catch(() => true);
  return transferAvailable;
}

/** Remembers that a transfer endpoint answered 404 (buttons stay hidden until reload). */
export function markTransferUnavailable(): void {
  transferAvailable = Promise.resolve(false);
}

export const transferApi = {
  template: () => downloadFile('/api/items/import-template.xlsx', {}, '事项清单导入模板.xlsx'),
  export: (format: ExportFormat, q: Omit<ItemListQuery, 'cursor' | 'limit'>) =>
    downloadFile('/api/items/export', { ...query(q), format }, `事项清单.${format}`),
  /** Uploads an .xlsx; the CSRF token comes from the signed-in user (the JSON wrapper keeps its own copy). */
  import: async (file: File, mode: ImportMode, csrfToken: string): Promise<ImportReport> => {
    const body = new FormData();
    body.set('mode', mode);
    body.set('file', file, file.name);
    let response: Response;
    try {
      response = await fetch('/api/items/import', { method: 'POST', body, credentials: 'same-origin', headers: { 'x-csrf-token': csrfToken, accept: 'application/json' } });
    } catch {
      throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
    }
    if (!response.ok) throw await apiErrorOf(response);
    return (await response.json()) as ImportReport;
  },
};
