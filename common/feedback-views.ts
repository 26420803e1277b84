// What the public-supervision (接受社会监督) API sends, defined once for the server and the workbench.

export const FEEDBACK_CATEGORIES = ['guide_error', 'missing_item', 'illegal_requirement', 'suggestion'] as const;
export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number];

/** A sender's contact, all optional: stored encrypted, shown only to the staff who answer. */
export interface FeedbackContact {
  name?: string;
  phone?: string;
  email?: string;
}

/** What anyone may read: never the sender's contact. */
export interface PublicFeedback {
  id: string;
  category: FeedbackCategory;
  categoryLabel: string;
  text: string;
  submittedOn: string;
  dueOn: string;
  answer: string | null;
  answeredAt: string | null;
}

export interface StaffFeedback extends PublicFeedback {
  target: { kind: 'item' | 'publication'; ref: string; name: string };
  orgId: string;
  orgName: string;
  submittedAt: string;
  overdue: boolean;
  answeredBy: string | null;
  /** Decrypted for the staff who answer; only in staff responses, never in a list shown to others or an export. */
  contact: FeedbackContact | null;
}
