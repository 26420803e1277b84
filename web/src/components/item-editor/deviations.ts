import type { Deviation } from '../../itemsApi.ts';

export interface DeviationGroup {
  implementationCode: string;
  orgId: string;
  name: string;
  deviations: Deviation[];
}

/**
 * Deviations grouped by item (in the server's order), optionally only items whose name or code contains `filter`
 * or whose org name does (`orgName` resolves org ids).
 */
export function groupDeviations(deviations: readonly Deviation[], filter = '', orgName?: (id: string) => string | undefined): DeviationGroup[] {
  const groups = new Map<string, DeviationGroup>();
  for (const d of deviations) {
    const group = groups.get(d.implementationCode) ?? { implementationCode: d.implementationCode, orgId: d.orgId, name: d.name, deviations: [] };
    group.deviations.push(d);
    groups.set(d.implementationCode, group);
  }
  const needle = filter.trim().toUpperCase();
  const all = [...groups.values()];
  if (!needle) return all;
  return all.filter((g) => g.name.toUpperCase().includes(needle) || g.implementationCode.includes(needle) || (orgName?.(g.orgId) ?? '').includes(filter.trim()));
}
