import { describe, expect, it } from 'vitest';
import { itemElements, uniformElements } from '../server/test/factories.ts';
import { diffElements, normalise } from './item-diff.ts';
import { UNIFORM_ELEMENT_KEYS } from './item-elements.ts';

// The element-level diff behind version history, review flags and publications.

const clone = <T>(v: T): T => structuredClone(v);

describe('diffElements', () => {
  it('finds nothing between equal element sets', () => {
    expect(diffElements(itemElements(), itemElements())).toEqual([]);
    expect(diffElements(null, null)).toEqual([]);
  });

  it('names a changed scalar and a changed nested field by path, with before and after', () => {
    const a = itemElements();
    const b = clone(a);
    b.statutoryTimeLimit.amount = 15;
    b.acceptanceConditions = '申请人应当取得营业执照。';
    expect(diffElements(a, b)).toEqual([
      { path: 'acceptanceConditions', kind: 'changed', before: a.acceptanceConditions, after: '申请人应当取得营业执照。' },
      { path: 'statutoryTimeLimit.amount', kind: 'changed', before: 10, after: 15 },
    ]);
  });

  it('matches list entries by identity: an added, a removed and an edited material', () => {
    const a = itemElements();
    const b = clone(a);
    b.materials[0].copies = 2;
    const removed = b.materials.splice(1, 1)[0];
    b.materials.push({ name: '食品安全管理制度文本', kind: '复印件', copies: 1, required: '必要', source: '申请人自备' });
    expect(diffElements(a, b, ['materials'])).toEqual([
      { path: 'materials[食品经营许可申请书].copies', kind: 'changed', before: 1, after: 2 },
      { path: 'materials[营业执照]', kind: 'removed', before: removed },
      { path: 'materials[食品安全管理制度文本]', kind: 'added', after: b.materials[1] },
    ]);
  });

  it('keys citations by law and article, handling items by sequence, FAQ by question', () => {
    const a = itemElements({ faq: [{ question: '需要本人到场吗？', answer: '不需要。' }] });
    const b = clone(a);
    b.legalBasis.push({ law: '《食品经营许可和备案管理办法》', article: '第十条' });
    b.handlingItems[1].name = '食品经营许可（变更登记）';
    b.faq[0].answer = '全程网办，不需要。';
    expect(diffElements(a, b).map((c) => [c.path, c.kind])).toEqual([
      ['faq[需要本人到场吗？].answer', 'changed'],
      ['handlingItems[2].name', 'changed'],
      ['legalBasis[《食品经营许可和备案管理办法》 第十条]', 'added'],
    ]);
  });

  it('reports the first entry added to an empty list, and the last one removed, entry by entry', () => {
    const service = { name: '消防安全评估', legalBasis: '《消防法》第十五条', providerRequirement: '具备消防技术服务资质' };
    const a = itemElements();
    const b = itemElements({}, { intermediaryServices: [service] });
    expect(diffElements(a, b, ['intermediaryServices'])).toEqual([{ path: 'intermediaryServices[消防安全评估]', kind: 'added', after: service }]);
    expect(diffElements(b, a, ['intermediaryServices'])).toEqual([{ path: 'intermediaryServices[消防安全评估]', kind: 'removed', before: service }]);
  });

  it('compares scalar lists as a whole', () => {
    const a = itemElements();
    const b = itemElements({ themes: ['市场准入'] });
    expect(diffElements(a, b, ['themes'])).toEqual([{ path: 'themes', kind: 'changed', before: ['市场准入', '食品药品'], after: ['市场准入'] }]);
  });

  it('reports a reordered list once, as the order of its entries, and nothing else', () => {
    const a = itemElements();
    const b = clone(a);
    b.process.reverse();
    expect(diffElements(a, b)).toEqual([{ path: 'process', kind: 'changed', before: ['受理', '审查', '决定'], after: ['决定', '审查', '受理'] }]);
  });

  it('reports an element added or removed as a whole', () => {
    const a = itemElements();
    const b = itemElements({ onlineGuideUrl: undefined });
    expect(diffElements(a, b, ['onlineGuideUrl'])).toEqual([{ path: 'onlineGuideUrl', kind: 'removed', before: a.onlineGuideUrl }]);
    expect(diffElements(b, a, ['onlineGuideUrl'])).toEqual([{ path: 'onlineGuideUrl', kind: 'added', after: a.onlineGuideUrl }]);
  });

  it('ignores whitespace-only edits: spaces, line breaks, full-width spaces, and breaks inside Chinese text', () => {
    const a = uniformElements();
    const b = clone(a);
    b.acceptanceConditions = `  申请人应当具有与经营的食品品种、\n数量相适应的\u3000食品经营场所。 `;
    b.materials[0].name = ' 食品经营许可申请书\t';
    b.legalBasis[0].law = '《中华人民共和国 食品安全法》';
    b.result.name = '食品经营许可证\r\n';
    expect(diffElements(a, b, UNIFORM_ELEMENT_KEYS)).toEqual([]);
  });

  it('keeps whitespace that separates Latin words, and any change of characters', () => {
    expect(diffElements({ k: 'e licence' }, { k: 'elicence' })).toHaveLength(1);
    expect(diffElements({ k: '申请书' }, { k: '申请表' })).toHaveLength(1);
  });

  it('ignores ids, timestamps, empty strings and nulls', () => {
    const a = { name: '养犬登记', id: 'a', updatedAt: '2026-01-01', note: '', extra: null, materials: [{ id: 1, name: '身份证' }] };
    const b = { name: '养犬登记', id: 'b', updatedAt: '2026-02-01', materials: [{ id: 2, name: '身份证' }] };
    expect(diffElements(a, b)).toEqual([]);
  });

  it('limits the comparison to the given keys', () => {
    const a = itemElements();
    const b = itemElements({ consultPhone: '0477-7000000' }, { acceptanceConditions: '新的受理条件。' });
    expect(diffElements(a, b, UNIFORM_ELEMENT_KEYS).map((c) => c.path)).toEqual(['acceptanceConditions']);
    expect(diffElements(a, b).map((c) => c.path)).toEqual(['acceptanceConditions', 'consultPhone']);
  });
});

describe('normalise', () => {
  it('sorts keys, folds whitespace and drops bookkeeping keys', () => {
    expect(JSON.stringify(normalise({ b: ' x  y ', a: 1, id: 3, created_at: 'now' }))).toBe('{"a":1,"b":"x y"}');
  });
});
