import type { Org } from './api.ts';

export interface OrgNode {
  org: Org;
  children: OrgNode[];
}

/**
 * Builds the forest from the flat list; an org whose parent is missing from the list becomes a root.
 * Siblings keep the server's order (the bureau's own sort order), not an alphabetical one.
 */
export function buildOrgTree(orgs: Org[]): OrgNode[] {
  const nodes = new Map<string, OrgNode>(orgs.map((org) => [org.id, { org, children: [] }]));
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.org.parentId ? nodes.get(node.org.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The ids of an org and everything below it (a move may not target any of them). */
export function subtreeIds(orgs: Org[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const org of orgs) {
    if (org.parentId) children.set(org.parentId, [...(children.get(org.parentId) ?? []), org.id]);
  }
  const ids = new Set<string>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (ids.has(id)) continue;
    ids.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return ids;
}

/** "乌审旗政务服务局 / 市场监督管理局": the path from the root, for breadcrumbs and selects. */
export function orgPath(orgs: Org[], id: string): string[] {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const path: string[] = [];
  const seen = new Set<string>();
  let current = byId.get(id);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    path.unshift(current.nameZh);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return path;
}
