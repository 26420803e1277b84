// Table types of reports (报备) to the city bureau and public feedback (接受社会监督).

export interface ReportTable {
  id: string;
  publication_number: string;
  state: string;
  recipient: string;
  recipient_org_id: string | null;
  seal_id: string;
  manifest: string;
  prepared_at: string;
  prepared_by: string;
  sent_at: string | null;
  answered_at: string | null;
  reply: string | null;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  sending_until: string | null;
  event_count: number;
  updated_at: string;
}

export interface ReportEventTable {
  report_id: string;
  seq: number;
  at: string;
  kind: string;
  from_state: string | null;
  to_state: string;
  actor_id: string | null;
  actor_name: string | null;
  adapter: string | null;
  outcome: string;
  error: string | null;
  reply: string | null;
  detail: string | null;
}

export interface FeedbackTable {
  id: string;
  target_kind: string;
  target_ref: string;
  target_name: string;
  category: string;
  body: string;
  contact_sealed: string | null;
  org_id: string;
  submitted_at: string;
  due_on: string;
  answer: string | null;
  answered_at: string | null;
  answered_by: string | null;
  answered_by_name: string | null;
}

export interface ReportTables {
  report: ReportTable;
  report_event: ReportEventTable;
  feedback: FeedbackTable;
}
