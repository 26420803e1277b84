import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { ItemElements, itemProblems } from '../../common/item-elements.ts';
import { diffElements } from '../../common/item-diff.ts';
import { uniformElements } from '../../common/test-fixtures.ts';
import {
  ageText, defaultLocalElements, dueStatus, editsElements, effectiveFromOf, foldTimeLimits, isReorder, newClientTxId, pathLabel, problemsByElement, reasonOptions,
  receivingOrg, requestInputOf, routerPath, splitPath, suggestedTitle, valueAt, valueText, workingDaysLeftText, type WizardItem,
} from './adjustmentFormat.ts';

const uniform = uniformElements();

const elements = (): ItemElements => ({
  ...uniform,
  ...defaultLocalElements(uniform),
  place: '乌审旗政务服务中心一楼',
  consultPhone: '0477-7212345',
  complaintPhone: '0477-12345',
});

describe('element paths and values for people', () => {
  it('splits paths into keys and entries, dots inside an entry key included', () => {
    expect(splitPath('materials[营业执照].copies')).toEqual([{ key: 'materials' }, { entry: '营业执照' }, { key: 'copies' }]);
    expect(splitPath('legalBasis[《条例》 第1.2条].url')).toEqual([{ key: 'legalBasis' }, { entry: '《条例》 第1.2条' }, { key: 'url' }]);
    expect(splitPath('statutoryTimeLimit.amount')).toEqual([{ key: 'statutoryTimeLimit' }, { key: 'amount' }]);
  });

  it('labels paths in Chinese', () => {
    expect(pathLabel('materials[营业执照].copies')).toBe('申请材料 · 营业执照 · 份数');
    expect(pathLabel('promisedTimeLimit')).toBe('承诺办结时限');
    expect(pathLabel('process[审查].timeLimit')).toBe('办理流程 · 审查 · 时限');
    expect(pathLabel('somethingNew')).toBe('somethingNew');
    expect(pathLabel('materials[]')).toBe('申请材料 · （未命名）');
  });

  it('renders values without JSON: limits, codes, recipients, entries, booleans, empty lists', () => {
    expect(valueText('promisedTimeLimit', { amount: 3, unit: 'workday' })).toBe('3个工作日');
    expect(valueText('statutoryTimeLimit', { amount: 2, unit: 'month', note: '不含公示' })).toBe('2个月（不含公示）');
    expect(valueText('caseKind', 1)).toBe('即办件');
    expect(valueText('powerSource', 2)).toBe('上级下放');
    expect(valueText('onlineDepth', 4)).toBe('全程网办');
    expect(valueText('type', '01')).toBe('行政许可');
    expect(valueText('serviceRecipients', [1, 2])).toBe('自然人、企业法人');
    expect(valueText('inServiceHall', false)).toBe('否');
    expect(valueText('fees', [])).toBe('（无）');
    expect(valueText('place', '')).toBe('—');
    expect(valueText('materials', uniform.materials)).toBe('食品经营许可申请书（原件，1份，必要，申请人自备）\n营业执照（电子，0份，必要，政府部门核发，免提交：营业执照电子证照）');
    expect(valueText('materials[营业执照]', uniform.materials[1])).toContain('营业执照（电子');
    expect(valueText('process', uniform.process)).toBe('受理（窗口工作人员）\n审查（审查人员，5个工作日）\n决定（分管负责人）');
    expect(valueText('legalBasis', uniform.legalBasis)).toBe('《中华人民共和国食品安全法》 第三十五条（法律）');
    expect(valueText('fees', [{ name: '工本费', standard: '10元/证', basis: '发改价格〔2020〕1号' }])).toBe('工本费：10元/证（依据：发改价格〔2020〕1号）');
    expect(valueText('result', uniform.result)).toBe('食品经营许可证（证照）');
    expect(valueText('entrustingOrgId', 'org-1', (id) => (id === 'org-1' ? '乌审旗市场监督管理局' : undefined))).toBe('乌审旗市场监督管理局');
    expect(valueText('materials[营业执照].copies', 2)).toBe('2');
    expect(valueText('process[审查].timeLimit.unit', 'workday')).toBe('个工作日');
  });

  it('every change of a real diff renders as text', () => {
    const before = elements();
    const after: ItemElements = { ...before, promisedTimeLimit: { amount: 1, unit: 'workday' }, materials: [before.materials[1]!], fees: [{ name: '工本费', standard: '10元', basis: '文件' }] };
    const raw = diffElements(before, after);
    expect(raw.map((c) => pathLabel(c.path))).toEqual(['收费 · 工本费', '申请材料 · 食品经营许可申请书', '承诺办结时限 · 数量']);
    const changes = foldTimeLimits(raw, after);
    expect(changes.map((c) => pathLabel(c.path))).toEqual(['收费 · 工本费', '申请材料 · 食品经营许可申请书', '承诺办结时限']);
    expect(changes.map((c) => [c.before === undefined ? null : valueText(c.path, c.before), c.after === undefined ? null : valueText(c.path, c.after)])).toEqual([
      [null, '工本费：10元（依据：文件）'],
      ['食品经营许可申请书（原件，1份，必要，申请人自备）', null],
      ['10个工作日', '1个工作日'],
    ]);
    for (const c of changes) {
      for (const v of [c.before, c.after]) if (v !== undefined) expect(valueText(c.path, v)).not.toMatch(/[{}"]/);
    }
  });

  it('folds leaf changes of time limits, inside list entries too, and finds values by entry keys', () => {
    const before = elements();
    const process = before.process.map((st) => (st.name === '审查' ? { ...st, timeLimit: { amount: 3, unit: 'day' as const, note: '不含专家评审' } } : st));
    const after: ItemElements = { ...before, process, statutoryTimeLimit: { amount: 10, unit: 'workday', note: '不含听证' } };
    const folded = foldTimeLimits(diffElements(before, after), after);
    expect(folded).toEqual([
      { path: 'process[审查].timeLimit', kind: 'changed', before: { amount: 5, unit: 'workday' }, after: { amount: 3, unit: 'day', note: '不含专家评审' } },
      { path: 'statutoryTimeLimit', kind: 'changed', before: { amount: 10, unit: 'workday' }, after: { amount: 10, unit: 'workday', note: '不含听证' } },
    ]);
    expect(valueAt(after, 'legalBasis[《中华人民共和国食品安全法》 第三十五条].level')).toBe('法律');
    expect(valueAt(after, 'materials[营业执照].copies')).toBe(0);
    expect(valueAt(after, 'materials[不存在].copies')).toBeUndefined();
  });

  it('recognises a reorder record of a list element', () => {
    const before = elements();
    const after = { ...before, process: [...before.process].reverse() };
    const reorder = diffElements(before, after).find((c) => c.path === 'process');
    expect(reorder && isReorder(reorder)).toBe(true);
    expect(isReorder({ path: 'serviceRecipients', kind: 'changed', before: [1], after: [2] })).toBe(false);
  });

  it('groups problems by their top-level element', () => {
    const grouped = problemsByElement([
      { path: 'materials.0.name', message: '材料名称不能为空' },
      { path: 'materials.1.source', message: '材料来源不能为空' },
      { path: 'consultPhone', message: '咨询电话不能为空' },
    ]);
    expect(grouped.get('materials')).toEqual(['材料名称不能为空', '材料来源不能为空']);
    expect(grouped.get('consultPhone')).toEqual(['咨询电话不能为空']);
  });
});

describe('deadlines', () => {
  it('red when overdue, orange within 5 working days, green when closed', () => {
    expect(dueStatus({ overdue: true })).toBe('overdue');
    expect(dueStatus({ overdue: false, dueSoon: true })).toBe('soon');
    expect(dueStatus({ overdue: false, workingDaysLeft: 5 })).toBe('soon');
    expect(dueStatus({ overdue: false, workingDaysLeft: 6 })).toBe('ok');
    expect(dueStatus({ overdue: false, workingDaysLeft: null })).toBe('ok');
    expect(dueStatus({ overdue: false, status: 'closed' })).toBe('closed');
  });

  it('says the working days left or past', () => {
    expect(workingDaysLeftText(3)).toBe('剩余 3 个工作日');
    expect(workingDaysLeftText(0)).toBe('今日到期');
    expect(workingDaysLeftText(-9)).toBe('已超期 9 个工作日');
    expect(workingDaysLeftText(null)).toBe('');
    expect(ageText(0)).toBe('今日');
    expect(ageText(4)).toBe('4 个工作日');
    expect(ageText(null)).toBe('—');
  });
});

describe('the request wizard', () => {
  const item = (over: Partial<WizardItem> = {}): WizardItem => ({
    key: 'A'.repeat(31), itemCode: 'A'.repeat(31), catalogueItemId: null, name: '食品经营许可', current: elements(), elements: elements(), editElements: false, ...over,
  });

  it('offers the reasons of the kind (Art 8, Art 9, the change list)', () => {
    expect(reasonOptions('add').map((o) => o.value)).toEqual(['superior_delegation', 'function_change', 'other']);
    expect(reasonOptions('delegate').map((o) => o.label)).toContain('上级取消');
    expect(reasonOptions('change').map((o) => o.value)).toEqual(['element_change', 'legal_basis_change', 'process_optimisation', 'other']);
    expect(reasonOptions(undefined)).toEqual([]);
  });

  it('knows which kinds name a receiving org and which edit elements', () => {
    expect([receivingOrg('delegate'), receivingOrg('entrust'), receivingOrg('cancel'), receivingOrg('change'), receivingOrg('add')]).toEqual(['required', 'required', 'optional', 'none', 'none']);
    expect([editsElements('add'), editsElements('change'), editsElements('delegate'), editsElements('cancel')]).toEqual(['main', 'main', 'optional', 'none']);
  });

  it('sends only what the kind carries', () => {
    const base = { reasonCode: 'function_change', title: '  下放  ', receivingOrgId: 'town', triggerIds: ['t1'] };
    const delegate = requestInputOf({ kind: 'delegate', ...base }, [item()], 'tx-12345678');
    expect(delegate).toEqual({
      kind: 'delegate', reasonCode: 'function_change', reasonText: null, title: '下放', triggerIds: ['t1'], receivingOrgId: 'town', effectiveFrom: null,
      items: [{ itemCode: 'A'.repeat(31) }], clientTxId: 'tx-12345678',
    });
    expect(requestInputOf({ kind: 'delegate', ...base }, [item({ editElements: true })]).items[0]).toHaveProperty('elements');
    expect(requestInputOf({ kind: 'change', ...base }, [item()])).toMatchObject({ receivingOrgId: null, items: [{ itemCode: 'A'.repeat(31), elements: expect.any(Object) }] });
    expect(requestInputOf({ kind: 'cancel', ...base, receivingOrgId: '' }, [item({ elements: null })])).toMatchObject({ receivingOrgId: null, items: [{ itemCode: 'A'.repeat(31) }] });
    const add = requestInputOf({ kind: 'add', ...base, reasonCode: 'other', reasonText: ' 新设机构 ' }, [item({ itemCode: null, catalogueItemId: 'cat-1', current: null })]);
    expect(add).toMatchObject({ reasonText: '新设机构', receivingOrgId: null, items: [{ catalogueItemId: 'cat-1', elements: expect.any(Object) }] });
    expect(add.items[0]).not.toHaveProperty('itemCode');
    expect(add).not.toHaveProperty('clientTxId');
  });

  it('a future effective date is the start of that day in Beijing', () => {
    expect(effectiveFromOf('2026-12-01')).toBe('2026-12-01T00:00:00+08:00');
    expect(Date.parse(effectiveFromOf('2026-12-01')!)).toBe(Date.parse('2026-11-30T16:00:00Z'));
    expect(effectiveFromOf(null)).toBeNull();
    expect(requestInputOf({ kind: 'change', reasonCode: 'element_change', title: 'x', effectiveDate: '2027-01-04' }, [item()]).effectiveFrom).toBe('2027-01-04T00:00:00+08:00');
  });

  it('suggests a title from the kind, the items and the receiving org', () => {
    expect(suggestedTitle('delegate', [{ name: '食品经营许可' }], '嘎鲁图镇')).toBe('下放“食品经营许可”至嘎鲁图镇');
    expect(suggestedTitle('cancel', [{ name: 'A' }, { name: 'B' }])).toBe('取消“A”等2项事项');
    expect(suggestedTitle('entrust', [{ name: 'A' }], '图克镇')).toBe('委托图克镇实施“A”');
    expect(suggestedTitle('change', [])).toBe('');
  });

  it("a newly implemented catalogue item starts from a schema-valid element set that lists what the clerk must still fill in", () => {
    const proposal: ItemElements = { ...uniform, ...defaultLocalElements(uniform) };
    expect(Value.Check(ItemElements, proposal)).toBe(true);
    expect(itemProblems(proposal).map((p) => p.path).sort()).toEqual(['complaintPhone', 'consultPhone', 'place']);
    expect(proposal.promisedTimeLimit).toEqual(uniform.statutoryTimeLimit);
  });

  it('makes distinct RFC 4122 v4 idempotency keys', () => {
    const a = newClientTxId();
    const b = newClientTxId();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
  });
});

describe('notification links', () => {
  it('turn /admin/... into router paths', () => {
    expect(routerPath('/admin/adjustments/abc')).toBe('/adjustments/abc');
    expect(routerPath('/admin')).toBe('/');
    expect(routerPath('/administration/x')).toBe('/administration/x');
  });
});
