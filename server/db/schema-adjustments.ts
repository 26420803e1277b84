// Table types of the adjustment area (triggers, requests, actions, handovers), notifications and job leases.

import type { Generated } from 'kysely';

export interface AdjustmentTriggerTable {
  id: string;
  kind: string;
  title: string;
  doc_number: string | null;
  issuing_body: string | null;
  doc_effective_on: string | null;
  url: string | null;
  occurred_on: string;
  due_on: string;
  affected: string;
  status: string;
  registered_by: string | null;
  registered_org_id: string;
  created_at: string;
  closed_at: string | null;
}

export interface TriggerOrgTable {
  trigger_id: string;
  org_id: string;
  resolution: string | null;
  note: string | null;
  adjustment_id: string | null;
  resolved_at: string | null;
  resolved_by: string | null;
}

export interface AdjustmentRequestTable {
  id: string;
  org_id: string;
  kind: string;
  reason_code: string;
  reason_text: string | null;
  title: string;
  receiving_org_id: string | null;
  effective_from: string | null;
  state: string;
  action_count: number;
  decision_number: string | null;
  decision_year: number | null;
  decision_seq: number | null;
  submitted_at: string | null;
  approved_at: string | null;
  applied_at: string | null;
  client_tx_id: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface AdjustmentRequestTriggerTable {
  request_id: string;
  trigger_id: string;
}

export interface AdjustmentItemTable {
  id: string;
  request_id: string;
  seq: number;
  item_code: string | null;
  catalogue_item_id: string | null;
  elements: string | null;
  base_elements: string | null;
  result_code: string | null;
}

export interface AdjustmentActionTable {
  id: string;
  request_id: string;
  seq: number;
  action: string;
  from_state: string | null;
  to_state: string;
  actor_id: string | null;
  actor_name: string | null;
  role: string | null;
  org_id: string | null;
  opinion: string | null;
  at: string;
}

export interface DecisionCounterTable {
  year: number;
  last_seq: number;
}

export interface HandoverTable {
  id: string;
  request_id: string;
  kind: string;
  item_code: string;
  new_item_code: string | null;
  from_org_id: string;
  to_org_id: string;
  status: string;
  created_at: string;
  confirmed_at: string | null;
  confirmed_by: string | null;
  confirmation_note: string | null;
}

export interface HandoverTaskTable {
  id: string;
  handover_id: string;
  kind: string;
  title: string;
  detail: string;
  status: string;
  created_by: string | null;
  created_at: string;
  done_at: string | null;
}

export interface NotificationTable {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  dedupe_key: string | null;
  created_at: string;
  read_at: string | null;
  /** E-mail outbox: set once the e-mail went out (null: not sent, or the user has no address). */
  emailed_at: string | null;
  /** The last send failure (kept after a later success). */
  email_error: string | null;
  email_attempts: Generated<number>;
  /** After a failure: not retried before this time. */
  email_retry_at: string | null;
}

export interface JobLeaseTable {
  name: string;
  holder: string;
  until: string;
}

export interface AdjustmentTables {
  adjustment_trigger: AdjustmentTriggerTable;
  trigger_org: TriggerOrgTable;
  adjustment_request: AdjustmentRequestTable;
  adjustment_request_trigger: AdjustmentRequestTriggerTable;
  adjustment_item: AdjustmentItemTable;
  adjustment_action: AdjustmentActionTable;
  decision_counter: DecisionCounterTable;
  handover: HandoverTable;
  handover_task: HandoverTaskTable;
  notification: NotificationTable;
  job_lease: JobLeaseTable;
}
