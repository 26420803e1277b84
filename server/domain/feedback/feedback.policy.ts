import type { Role } from '../../../common/roles.ts';

import { FEEDBACK_CATEGORIES, type FeedbackCategory } from '../../../common/feedback-views.ts';

export { FEEDBACK_CATEGORIES, type FeedbackCategory };

export const FEEDBACK_CATEGORY_LABELS: Readonly<Record<FeedbackCategory, string>> = {
  guide_error: '办事指南有误',
  missing_item: '清单缺少事项',
  illegal_requirement: '要求无法律依据',
  suggestion: '意见建议',
};

export interface Caller {
  orgId: string;
  roles: readonly Role[];
}

const BUREAU: readonly Role[] = ['bureau_admin', 'bureau_reviewer'];

export function isBureau(c: Caller): boolean {
  return c.roles.some((r) => BUREAU.includes(r));
}

/** The bureau and auditors see all feedback; an org sees what it must answer; for anyone else it does not exist. */
export function canSeeFeedback(c: Caller, responsibleOrgId: string): boolean {
  return isBureau(c) || c.roles.includes('auditor') || c.orgId === responsibleOrgId;
}

/** The org scope of a staff list: undefined for all. */
export function feedbackScope(c: Caller): string | undefined {
  return isBureau(c) || c.roles.includes('auditor') ? undefined : c.orgId;
}

/** The responsible org's clerk or leader answers; the bureau may answer any. */
export function canAnswerFeedback(c: Caller, responsibleOrgId: string): boolean {
  return isBureau(c) || (c.orgId === responsibleOrgId && (c.roles.includes('dept_editor') || c.roles.includes('dept_leader')));
}

/** Open feedback is overdue the day after its due date (China dates, YYYY-MM-DD). */
export function isOverdue(dueOn: string, answeredAt: string | null, today: string): boolean {
  return answeredAt === null && dueOn < today;
}
