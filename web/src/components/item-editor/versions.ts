// Version bookkeeping for the history tab: what state a version is in today, where it came from.
export interface VersionLike {
  versionNo: number;
  state: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
}

export type VersionStatus = 'draft' | 'current' | 'scheduled' | 'superseded';

export const VERSION_STATUS_LABELS: Record<VersionStatus, { label: string; color: string }> = {
  draft: { label: '草稿', color: 'blue' },
  current: { label: '现行', color: 'green' },
  scheduled: { label: '待生效', color: 'cyan' },
  superseded: { label: '已失效', color: 'default' },
};

/** A version's status at `now`: drafts are drafts; a final version is current inside its [from, to) interval. */
export function versionStatus(v: VersionLike, now: Date): VersionStatus {
  if (v.state === 'draft' || !v.effectiveFrom) return 'draft';
  const t = now.getTime();
  if (Date.parse(v.effectiveFrom) > t) return 'scheduled';
  if (v.effectiveTo && Date.parse(v.effectiveTo) <= t) return 'superseded';
  return 'current';
}

export const VERSION_SOURCE_LABELS: Record<string, string> = {
  load: '初始载入',
  takeover: '承接目录',
  adjustment: '动态调整',
  import: '表格导入',
  generated: '系统生成',
};

export const versionSourceLabel = (source: string) => VERSION_SOURCE_LABELS[source] ?? source;

/** The two picked version numbers as a diff request, older first. */
export function diffPair(picked: readonly number[]): { from: number; to: number } | null {
  if (picked.length !== 2) return null;
  const [a, b] = [...picked].sort((x, y) => x - y);
  return { from: a!, to: b! };
}

/**
 * Final versions a new effective date would collide with: any that starts on or after it (the server refuses
 * those with 409 ITEM.INTERVAL_OVERLAP; an open earlier interval is simply closed).
 */
export function overlappingVersions<T extends VersionLike>(versions: readonly T[], effectiveFrom: Date): T[] {
  return versions.filter((v) => v.state === 'final' && v.effectiveFrom && Date.parse(v.effectiveFrom) >= effectiveFrom.getTime());
}

/**
 * The first day a draft can take effect from without overlapping (YYYY-MM-DD, local days): today, or the day
 * after the latest final version started when that was today or later.
 */
export function firstFreeLoadDate(versions: readonly VersionLike[], now: Date, dayOf: (d: Date) => string): string {
  const today = dayOf(now);
  const starts = versions.filter((v) => v.state === 'final' && v.effectiveFrom).map((v) => dayOf(new Date(v.effectiveFrom!)));
  const latest = starts.sort().at(-1);
  if (!latest || latest < today) return today;
  const next = new Date(`${latest}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
