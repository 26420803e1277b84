import { describe, expect, it } from 'vitest';
import { itemElements as elements } from '../../common/test-fixtures.ts';
import { describeValue, elementPathLabel, lastKey, parentKey, timeLimitText } from './components/item-editor/elementLabels.ts';
import { groupDeviations } from './components/item-editor/deviations.ts';
import { itemListQueryFrom, itemListSearchParams, totalText } from './components/item-editor/listQuery.ts';
import { blankUniform, elementKey, moveEntry, nextHandlingSeq, patchEntry, removeEntry, sameElements, uniformDeviations, uniformPart } from './components/item-editor/model.ts';
import { countUnder, elementProblems, fieldPath, problemsByField, problemsNotIn, uniformElementProblems } from './components/item-editor/problems.ts';
import { diffPair, firstFreeLoadDate, overlappingVersions, versionStatus } from './components/item-editor/versions.ts';

describe('fieldPath', () => {
  it('strips the server prefixes and slashes of schema errors', () => {
    expect(fieldPath('body.elements.materials.2.name')).toBe('materials.2.name');
    expect(fieldPath('/materials/2/name')).toBe('materials.2.name');
    expect(fieldPath('body.uniform.name')).toBe('name');
    expect(fieldPath('body.basicCode')).toBe('basicCode');
    expect(fieldPath('materials.2.name')).toBe('materials.2.name');
  });

  it('puts problems of a plain list entry and of a time-limit part on their control', () => {
    expect(fieldPath('serviceRecipients.1')).toBe('serviceRecipients');
    expect(fieldPath('themes.0')).toBe('themes');
    expect(fieldPath('/promisedTimeLimit/amount')).toBe('promisedTimeLimit');
    expect(fieldPath('process.1.timeLimit.unit')).toBe('process.1.timeLimit');
    expect(fieldPath('optimisation.timeLimitBefore.amount')).toBe('optimisation.timeLimitBefore');
    // A material's own "name" is not a time-limit part.
    expect(fieldPath('materials.0.copies')).toBe('materials.0.copies');
  });
});

describe('elementProblems', () => {
  it('finds nothing in a valid element set', () => {
    expect(elementProblems(elements())).toEqual([]);
  });

  it('runs the shared rules with the paths the editor shows them at', () => {
    const el = elements({ promisedTimeLimit: { amount: 12, unit: 'workday' } });
    el.materials[1] = { ...el.materials[1]!, name: '' };
    const byField = problemsByField(elementProblems(el));
    expect(byField.get('promisedTimeLimit')).toEqual(['承诺办结时限不能超过法定办结时限']);
    expect(byField.get('materials.1.name')).toEqual(['材料名称不能为空']);
  });

  it('adds structural problems the schema would refuse (lengths, integers) before the rules', () => {
    const el = elements({ name: '食'.repeat(201) });
    el.materials[0] = { ...el.materials[0]!, copies: 1.5 };
    const byField = problemsByField(elementProblems(el));
    expect(byField.get('name')).toEqual(['长度不能超过 200 个字符']);
    expect(byField.get('materials.0.copies')).toEqual(['须为整数']);
  });

  it('asks a filing item for its settings and refuses fees', () => {
    const el = elements({ type: '11', fees: [{ name: '工本费', standard: '10元', basis: '某文件' }] });
    const paths = elementProblems(el).map((p) => p.path);
    expect(paths).toContain('filing');
    expect(paths).toContain('fees');
  });

  it('checks the uniform elements of a catalogue version', () => {
    const blank = blankUniform();
    expect(uniformElementProblems(blank).map((p) => p.path)).toEqual(['name']);
  });
});

describe('problem grouping', () => {
  it('drops duplicates and counts a section by its prefixes', () => {
    const byField = problemsByField([
      { path: 'materials.0.name', message: 'a' },
      { path: 'body.elements.materials.0.name', message: 'a' },
      { path: 'materials.1.source', message: 'b' },
      { path: 'name', message: 'c' },
    ]);
    expect(byField.get('materials.0.name')).toEqual(['a']);
    expect(countUnder(byField, ['materials'])).toBe(2);
    expect(countUnder(byField, ['name'])).toBe(1);
  });

  it('keeps only the server problems the live check did not find', () => {
    const live = [{ path: 'name', message: '事项名称不能为空' }];
    const server = [
      { path: 'name', message: '事项名称不能为空' },
      { path: 'promisedTimeLimit', message: '承诺办结时限不能超过法定办结时限' },
    ];
    expect(problemsNotIn(server, live)).toEqual([server[1]]);
  });
});

describe('elementPathLabel', () => {
  it('names editor paths with entry numbers', () => {
    expect(elementPathLabel('materials.2.name')).toBe('申请材料 › 第 3 项 › 材料名称');
    expect(elementPathLabel('promisedTimeLimit')).toBe('承诺办结时限');
    expect(elementPathLabel('filing.promisedDays')).toBe('备案设置 › 办理时限（工作日）');
    expect(elementPathLabel('basicCode')).toBe('基本编码');
  });

  it('names diff paths by their entry keys, also when a key holds a dot', () => {
    expect(elementPathLabel('materials[营业执照].copies')).toBe('申请材料〔营业执照〕 › 份数');
    expect(elementPathLabel('legalBasis[《条例》 第3.1条].url')).toBe('设定依据〔《条例》 第3.1条〕 › 原文链接');
    expect(elementPathLabel('statutoryTimeLimit.amount')).toBe('法定办结时限 › 数量');
  });
});

describe('describeValue', () => {
  it('shows codes, limits and flags as people read them', () => {
    expect(describeValue({ amount: 10, unit: 'workday' })).toBe('10 个工作日');
    expect(describeValue([2, 5], 'serviceRecipients')).toBe('企业法人、非法人企业');
    expect(describeValue(1, 'caseKind')).toBe('即办件（1）');
    expect(describeValue(true)).toBe('是');
    expect(describeValue('', 'name')).toBe('（空）');
    expect(describeValue('01', 'type')).toBe('行政许可（01）');
  });

  it('lists an entry as labelled parts', () => {
    expect(describeValue({ name: '营业执照', copies: 0 }, undefined, 'materials')).toBe('材料名称：营业执照；份数：0');
  });

  it('finds the keys of a path', () => {
    expect(lastKey('materials[营业执照].copies')).toBe('copies');
    expect(parentKey('materials[营业执照].copies')).toBe('materials');
    expect(lastKey('serviceRecipients')).toBe('serviceRecipients');
    expect(timeLimitText({ amount: 1, unit: 'month', note: '不含公示期' })).toBe('1 个月（不含公示期）');
  });
});

describe('list edits', () => {
  it('moves, removes and patches entries without touching the input', () => {
    const list = ['a', 'b', 'c'];
    expect(moveEntry(list, 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveEntry(list, 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveEntry(list, 0, -1)).toEqual(['a', 'b', 'c']);
    expect(removeEntry(list, 1)).toEqual(['a', 'c']);
    expect(list).toEqual(['a', 'b', 'c']);
    expect(patchEntry([{ n: 1 }, { n: 2 }], 1, { n: 5 })).toEqual([{ n: 1 }, { n: 5 }]);
  });

  it('picks the first free handling-item number', () => {
    expect(nextHandlingSeq([{ seq: 1 }, { seq: 3 }])).toBe(2);
    expect(nextHandlingSeq([])).toBe(1);
  });

  it('compares element sets regardless of key order and undefined keys', () => {
    expect(sameElements({ a: 1, b: { c: 2, d: undefined } }, { b: { c: 2 }, a: 1 })).toBe(true);
    expect(sameElements({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
  });
});

describe('uniformDeviations', () => {
  it('lists the uniform elements a draft departs from, ignoring local ones and whitespace', () => {
    const catalogue = uniformPart(elements());
    const draft = elements({ promisedTimeLimit: { amount: 1, unit: 'workday' }, acceptanceConditions: `${catalogue.acceptanceConditions} ` });
    expect(uniformDeviations(catalogue, draft).size).toBe(0);
    draft.materials = patchEntry(draft.materials, 0, { copies: 2 });
    const deviations = uniformDeviations(catalogue, draft);
    expect([...deviations.keys()]).toEqual(['materials']);
    expect(deviations.get('materials')![0]).toMatchObject({ path: 'materials[食品经营许可申请书].copies', before: 1, after: 2 });
    expect(elementKey('legalBasis[《条例》 第3.1条].url')).toBe('legalBasis');
  });
});

describe('list query in the URL', () => {
  it('round-trips the filters and drops malformed values', () => {
    const query = itemListQueryFrom(new URLSearchParams('q=食品&type=01&recipient=2&caseKind=x&asOf=2026-03-01&onlineDepth=0&theme='));
    expect(query).toEqual({ q: '食品', type: '01', recipient: 2, asOf: '2026-03-01', onlineDepth: 0 });
    expect(itemListSearchParams(query).toString()).toBe('q=%E9%A3%9F%E5%93%81&type=01&asOf=2026-03-01&recipient=2&onlineDepth=0');
    expect(itemListQueryFrom(new URLSearchParams('type=1&asOf=yesterday'))).toEqual({});
  });

  it('says "10000+" for a capped count', () => {
    expect(totalText(10000, true, {})).toBe('共 10000+ 项');
    expect(totalText(12, false, { q: '食' })).toBe('找到 12 项与“食”相关的事项');
    expect(totalText(3, false, { asOf: '2026-01-01' })).toBe('2026-01-01 当日有效的清单中共 3 项');
  });
});

describe('versions', () => {
  const now = new Date('2026-05-01T00:00:00Z');
  it('tells current, superseded, scheduled and draft versions apart', () => {
    expect(versionStatus({ versionNo: 1, state: 'final', effectiveFrom: '2026-01-01T00:00:00Z', effectiveTo: '2026-03-01T00:00:00Z' }, now)).toBe('superseded');
    expect(versionStatus({ versionNo: 2, state: 'final', effectiveFrom: '2026-03-01T00:00:00Z', effectiveTo: null }, now)).toBe('current');
    expect(versionStatus({ versionNo: 3, state: 'final', effectiveFrom: '2026-07-01T00:00:00Z', effectiveTo: null }, now)).toBe('scheduled');
    expect(versionStatus({ versionNo: 4, state: 'draft', effectiveFrom: null, effectiveTo: null }, now)).toBe('draft');
  });

  it('orders a picked pair and finds the versions a load date would overlap', () => {
    expect(diffPair([3, 1])).toEqual({ from: 1, to: 3 });
    expect(diffPair([1])).toBeNull();
    const versions = [
      { versionNo: 1, state: 'final', effectiveFrom: '2026-01-01T00:00:00Z', effectiveTo: '2026-07-01T00:00:00Z' },
      { versionNo: 2, state: 'final', effectiveFrom: '2026-07-01T00:00:00Z', effectiveTo: null },
      { versionNo: 3, state: 'draft', effectiveFrom: null, effectiveTo: null },
    ];
    expect(overlappingVersions(versions, new Date('2026-05-01T00:00:00Z')).map((v) => v.versionNo)).toEqual([2]);
  });

  it('offers today as load date, or the day after a version that started today or later', () => {
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const v = (from: string) => ({ versionNo: 1, state: 'final', effectiveFrom: from, effectiveTo: null });
    expect(firstFreeLoadDate([v('2026-01-01T00:00:00Z')], now, day)).toBe('2026-05-01');
    expect(firstFreeLoadDate([v('2026-05-01T09:30:00Z')], now, day)).toBe('2026-05-02');
    expect(firstFreeLoadDate([v('2026-07-01T00:00:00Z')], now, day)).toBe('2026-07-02');
    expect(firstFreeLoadDate([], now, day)).toBe('2026-05-01');
  });
});

describe('groupDeviations', () => {
  const d = (code: string, name: string, element: string) => ({ implementationCode: code, orgId: 'o1', name, element, kind: 'changed', expected: 1, actual: 2 });
  it('groups by item in order and filters by name or code', () => {
    const groups = groupDeviations([d('A', '食品经营许可', 'name'), d('B', '养犬登记', 'materials'), d('A', '食品经营许可', 'process')]);
    expect(groups.map((g) => [g.implementationCode, g.deviations.length])).toEqual([
      ['A', 2],
      ['B', 1],
    ]);
    expect(groupDeviations([d('A', '食品经营许可', 'name'), d('B', '养犬登记', 'x')], '养犬').map((g) => g.implementationCode)).toEqual(['B']);
    expect(groupDeviations([d('A', '食品', 'name')], '', () => '市场监督管理局').length).toBe(1);
  });
});
