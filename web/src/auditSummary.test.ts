import { describe, expect, it } from 'vitest';
import { summaryLines } from './auditSummary.ts';

const names = new Map([['o1', '乌审旗民政局'], ['o2', '嘎鲁图镇']]);
const orgName = (id: string) => names.get(id);

describe('summaryLines', () => {
  it('lists only what changed in a before/after pair', () => {
    expect(summaryLines({ before: { nameZh: '民政局', nameEn: null }, after: { nameZh: '乌审旗民政局', nameEn: null } }, orgName)).toEqual([
      '名称：民政局 → 乌审旗民政局',
    ]);
  });

  it('reads org ids as names, roles and kinds as labels', () => {
    expect(summaryLines({ username: 'e2e', orgId: 'o2', roles: ['dept_editor', 'filing_officer'], kind: 'village' }, orgName)).toEqual([
      '用户名：e2e',
      '机构：嘎鲁图镇',
      '角色：部门经办人、备案经办人',
      '类别：嘎查村/社区',
    ]);
    expect(summaryLines({ from: 'o1', to: 'unknown-id' }, orgName)).toEqual(['原：乌审旗民政局', '新：unknown-id']);
  });

  it('shows nothing for an empty summary', () => {
    expect(summaryLines({}, orgName)).toEqual([]);
    expect(summaryLines(null, orgName)).toEqual([]);
  });
});
