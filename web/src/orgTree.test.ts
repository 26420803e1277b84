import { describe, expect, it } from 'vitest';
import type { Org } from './api.ts';
import { buildOrgTree, orgPath, subtreeIds } from './orgTree.ts';
import { childKinds, expectedLevel } from './orgRules.ts';
import { usccProblem } from './uscc.ts';

const org = (id: string, parentId: string | null, kind: Org['kind'] = 'department'): Org => ({
  id, parentId, kind, uscc: '11150626990000017B', level: 4, nameZh: id, nameEn: null, nameMn: null, divisionCode: null, active: true,
});

const orgs = [org('bureau', null, 'bureau'), org('town', 'bureau', 'town'), org('scjg', 'bureau'), org('village', 'town', 'village'), org('city', null, 'external'), org('orphan', 'gone')];

describe('buildOrgTree', () => {
  it('nests by parentId, keeps the server order and makes orphans roots', () => {
    const tree = buildOrgTree(orgs);
    expect(tree.map((n) => n.org.id)).toEqual(['bureau', 'city', 'orphan']);
    expect(tree[0]?.children.map((n) => n.org.id)).toEqual(['town', 'scjg']);
    expect(tree[0]?.children[0]?.children.map((n) => n.org.id)).toEqual(['village']);
  });
});

describe('subtreeIds and orgPath', () => {
  it('lists an org and everything below it', () => {
    expect([...subtreeIds(orgs, 'bureau')].sort()).toEqual(['bureau', 'scjg', 'town', 'village']);
    expect([...subtreeIds(orgs, 'scjg')]).toEqual(['scjg']);
  });

  it('names the path from the root', () => {
    expect(orgPath(orgs, 'village')).toEqual(['bureau', 'town', 'village']);
  });
});

describe('org rules (mirror of orgs.policy.ts)', () => {
  it('allows departments and towns under the bureau, villages under towns, nothing under a department', () => {
    expect(childKinds('bureau')).toEqual(['department', 'town']);
    expect(childKinds('town')).toEqual(['village']);
    expect(childKinds('department')).toEqual([]);
    expect(childKinds(null)).toEqual(['bureau', 'external']);
    expect(expectedLevel('village')).toBe(6);
    expect(expectedLevel('external')).toBeNull();
  });
});

describe('usccProblem', () => {
  it('accepts the synthetic 乌审旗 codes and explains what is wrong with others', () => {
    expect(usccProblem('11150626990000017B')).toBeNull();
    expect(usccProblem('111506269900000256')).toBeNull();
    expect(usccProblem('11150626990000017')).toContain('18 位');
    expect(usccProblem('11150626990000017b')).toContain('大写');
    expect(usccProblem('1115062699000001OB')).toContain('“O”');
    expect(usccProblem('11150626990000017C')).toContain('校验位');
  });
});
