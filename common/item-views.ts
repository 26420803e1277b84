// Shapes of list answers that the server sends and the workbench reads (one definition for both sides).

/** A draft in the caller's scope (GET /api/items/drafts): a revision, or a new item not yet on the list. */
export interface DraftEntry {
  implementationCode: string;
  name: string;
  orgId: string;
  orgName: string;
  versionNo: number;
  changeNote: string | null;
  updatedAt: string;
  /** False for an item that has never been effective (a new item still being prepared). */
  hasFinalVersion: boolean;
}
