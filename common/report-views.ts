// Shapes of the report (报备) answers that the server sends and the workbench reads (one definition for both sides).

export const REPORT_STATES = ['prepared', 'sent', 'acknowledged', 'queried'] as const;
export type ReportState = (typeof REPORT_STATES)[number];
export type ReportAction = 'send' | 'acknowledge' | 'query';

export interface ReportFile {
  name: string;
  title: string;
  contentType: string;
  sha256: string;
  size: number;
}

export interface ReportEvent {
  seq: number;
  at: string;
  kind: string;
  fromState: string | null;
  toState: string;
  actorName: string | null;
  adapter: string | null;
  outcome: 'ok' | 'failed';
  error: string | null;
  reply: string | null;
  detail: Record<string, unknown> | null;
}

export interface Report {
  id: string;
  publicationNumber: string;
  state: ReportState;
  stateLabel: string;
  allowedActions: ReportAction[];
  recipient: string;
  preparedAt: string;
  sentAt: string | null;
  answeredAt: string | null;
  reply: string | null;
  /** Failed delivery attempts since the last successful send. */
  attempts: number;
  /** When the retry job tries again; null when no retry is scheduled (sent, or retries used up: send by hand). */
  nextAttemptAt: string | null;
  lastError: string | null;
  files: ReportFile[];
}

export interface ReportDetail extends Report {
  history: ReportEvent[];
}
