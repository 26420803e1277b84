// The adjustment request's states and who may do what in each (DOMAIN §3). One table, used by the server
// to answer 409 with the allowed actions, and by the web app to show only the buttons that work.
import type { Role } from './roles.ts';

export const ADJUSTMENT_KINDS = ['add', 'cancel', 'delegate', 'entrust', 'change'] as const;
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];

export const ADJUSTMENT_KIND_LABELS: Readonly<Record<AdjustmentKind, string>> = {
  add: '增加', cancel: '取消', delegate: '下放', entrust: '委托', change: '变更',
};

/** Reason codes: Art 8 for add, Art 9 for cancel/delegate (entrust follows delegate), and our own list for change. */
export const REASONS: Readonly<Record<AdjustmentKind, Readonly<Record<string, string>>>> = {
  add: { superior_delegation: '承接上级下放事项', function_change: '职能调整', other: '其他' },
  cancel: { legal_basis_changed: '法律法规规章制定、修改或废止', superior_cancelled: '上级取消', function_change: '职能调整', other: '其他' },
  delegate: { legal_basis_changed: '法律法规规章制定、修改或废止', superior_cancelled: '上级取消', function_change: '职能调整', other: '其他' },
  entrust: { legal_basis_changed: '法律法规规章制定、修改或废止', superior_cancelled: '上级取消', function_change: '职能调整', other: '其他' },
  change: { element_change: '要素变化', legal_basis_change: '依据变化', process_optimisation: '流程优化', other: '其他' },
};

export const TRIGGER_KINDS: Readonly<Record<string, string>> = {
  law_enacted: '法律法规规章制定',
  law_amended: '法律法规规章修改',
  law_repealed: '法律法规规章废止',
  superior_delegation: '上级下放',
  superior_entrustment: '上级委托',
  superior_cancellation: '上级取消',
  function_change: '职能调整',
  element_standard_change: '要素标准变化',
};

export const ADJUSTMENT_STATES = ['draft', 'submitted', 'under_review', 'returned', 'approved', 'applied', 'rejected', 'withdrawn'] as const;
export type AdjustmentState = (typeof ADJUSTMENT_STATES)[number];

export const ADJUSTMENT_STATE_LABELS: Readonly<Record<AdjustmentState, string>> = {
  draft: '草稿', submitted: '已提交', under_review: '审核中', returned: '已退回', approved: '已批准（待生效）',
  applied: '已生效', rejected: '不予调整', withdrawn: '已撤回',
};

export const ADJUSTMENT_ACTIONS = ['edit', 'submit', 'start_review', 'return', 'approve', 'reject', 'withdraw'] as const;
export type AdjustmentAction = (typeof ADJUSTMENT_ACTIONS)[number];

export const ADJUSTMENT_ACTION_LABELS: Readonly<Record<AdjustmentAction, string>> = {
  edit: '修改', submit: '提交（负责人签发）', start_review: '开始审核', return: '退回修改', approve: '批准', reject: '不予调整', withdraw: '撤回',
};

/** Who acts: the filing org's staff, or the bureau. */
type Side = 'filer' | 'bureau';

interface Rule {
  to: AdjustmentState | null;
  roles: readonly Role[];
  side: Side;
  /** Returning and rejecting must say why. */
  opinionRequired?: boolean;
}

const FILER_EDIT: readonly Role[] = ['dept_editor'];
const FILER_ANY: readonly Role[] = ['dept_editor', 'dept_leader'];
const REVIEWERS: readonly Role[] = ['bureau_reviewer', 'bureau_admin'];

/** state → action → rule. `to: null` keeps the state (edit). Anything not listed is not allowed. */
export const ADJUSTMENT_TRANSITIONS: Readonly<Record<AdjustmentState, Partial<Record<AdjustmentAction, Rule>>>> = {
  draft: {
    edit: { to: null, roles: FILER_EDIT, side: 'filer' },
    submit: { to: 'submitted', roles: ['dept_leader'], side: 'filer' },
    withdraw: { to: 'withdrawn', roles: FILER_ANY, side: 'filer' },
  },
  submitted: {
    start_review: { to: 'under_review', roles: REVIEWERS, side: 'bureau' },
    withdraw: { to: 'withdrawn', roles: FILER_ANY, side: 'filer' },
  },
  under_review: {
    return: { to: 'returned', roles: REVIEWERS, side: 'bureau', opinionRequired: true },
    approve: { to: 'approved', roles: REVIEWERS, side: 'bureau' },
    reject: { to: 'rejected', roles: REVIEWERS, side: 'bureau', opinionRequired: true },
    withdraw: { to: 'withdrawn', roles: FILER_ANY, side: 'filer' },
  },
  returned: {
    edit: { to: null, roles: FILER_EDIT, side: 'filer' },
    submit: { to: 'submitted', roles: ['dept_leader'], side: 'filer' },
    withdraw: { to: 'withdrawn', roles: FILER_ANY, side: 'filer' },
  },
  approved: {},
  applied: {},
  rejected: {},
  withdrawn: {},
};

export interface ActorInScope {
  roles: readonly Role[];
  /** Whether the actor belongs to the org that filed the request. */
  isFiler: boolean;
}

/** The rule for an action in a state, if the action exists there at all. */
export function transitionRule(state: AdjustmentState, action: AdjustmentAction): Rule | undefined {
  return ADJUSTMENT_TRANSITIONS[state][action];
}

/** Whether this actor may take this action in this state. */
export function mayTake(state: AdjustmentState, action: AdjustmentAction, actor: ActorInScope): boolean {
  const rule = transitionRule(state, action);
  if (!rule) return false;
  if (rule.side === 'filer' && !actor.isFiler) return false;
  return rule.roles.some((r) => actor.roles.includes(r));
}

/** The actions this actor may take now (what the 409 and the UI show). */
export function allowedActions(state: AdjustmentState, actor: ActorInScope): AdjustmentAction[] {
  return ADJUSTMENT_ACTIONS.filter((a) => mayTake(state, a, actor));
}

/** Open requests can still change; closed ones are history. */
export function isOpen(state: AdjustmentState): boolean {
  return state === 'draft' || state === 'submitted' || state === 'under_review' || state === 'returned';
}
