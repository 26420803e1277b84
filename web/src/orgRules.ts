// The org placement rules live in common/ (the server enforces the same ones).
export { childKinds, expectedLevel } from '../../common/org-rules.ts';
