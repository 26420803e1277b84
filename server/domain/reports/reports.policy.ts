import type { Role } from '../../../common/roles.ts';

import type { ReportAction, ReportState } from '../../../common/report-views.ts';

export const REPORT_STATE_LABELS: Readonly<Record<ReportState, string>> = {
  prepared: '已生成待报送',
  sent: '已报送',
  acknowledged: '市局已确认',
  queried: '市局有疑问',
};

// The state table: a failed send leaves the package `prepared` (retryable); after a query the bureau may send again.
const TRANSITIONS: Readonly<Record<ReportState, Partial<Record<ReportAction, ReportState>>>> = {
  prepared: { send: 'sent' },
  sent: { acknowledge: 'acknowledged', query: 'queried' },
  queried: { send: 'sent', acknowledge: 'acknowledged' },
  acknowledged: {},
};

/** Actions the state allows. */
export function allowedReportActions(state: ReportState): ReportAction[] {
  return Object.keys(TRANSITIONS[state]) as ReportAction[];
}

/** The state an action leads to, or undefined when the state does not allow it. */
export function nextReportState(state: ReportState, action: ReportAction): ReportState | undefined {
  return TRANSITIONS[state][action];
}

const BUREAU: readonly Role[] = ['bureau_admin', 'bureau_reviewer'];

/** The bureau prepares, sends and records the city's answer. */
export function canWorkReports(roles: readonly Role[]): boolean {
  return roles.some((r) => BUREAU.includes(r));
}

/** The bureau and auditors read reports; to anyone else they do not exist. */
export function canReadReports(roles: readonly Role[]): boolean {
  return canWorkReports(roles) || roles.includes('auditor');
}

/** Seconds to wait before retry number `attempt` + 1 after `attempt` failures: base · 2^(attempt-1), at most a day. */
export function retryDelaySeconds(attempt: number, baseSeconds: number): number {
  return Math.min(baseSeconds * 2 ** Math.max(0, attempt - 1), 86_400);
}
