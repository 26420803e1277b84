// Shapes of the publication (清单公布) answers that the server sends and the workbench and portal read, with the kinds of
// change a publication counts (one definition for both sides).

/** The kinds of change between two publications, in the order they are listed and counted. */
export const CHANGE_KINDS = ['added', 'cancelled', 'delegated', 'entrusted', 'changed'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CHANGE_KIND_LABELS: Readonly<Record<ChangeKind, string>> = { added: '新增', cancelled: '取消', delegated: '下放', entrusted: '委托', changed: '变更' };

/** A publication as listed (GET /api/public/publications) and as the publish answer begins. */
export interface PublicationSummary {
  number: string;
  publishedAt: string;
  previous: string | null;
  itemCount: number;
  counts: Record<ChangeKind, number>;
  logIndex: number | null;
}
