import { describe, expect, it } from 'vitest';
import { itemElements, uniformElements } from '../server/test/factories.ts';
import {
  itemProblems, promisedWithinStatutory, uniformOf, uniformProblems, UNIFORM_ELEMENT_KEYS, type ItemElements, type Problem,
} from './item-elements.ts';

// Every rule of itemProblems: one failing case each, with the field path a form would highlight.

const paths = (problems: Problem[]) => problems.map((p) => p.path).sort();

/** The problems of the factory's valid element set after `change`. */
function problemsAfter(change: (el: ItemElements) => void, options?: Parameters<typeof itemProblems>[1]): Problem[] {
  const el = structuredClone(itemElements());
  change(el);
  return itemProblems(el, options);
}

describe('itemProblems', () => {
  it("passes the factory's element set, with and without the optional checks", () => {
    expect(itemProblems(itemElements())).toEqual([]);
    expect(itemProblems(itemElements(), { filingTypeCode: '11', toDays: (l) => l.amount, orgExists: () => true })).toEqual([]);
  });

  it('passes a valid 行政备案 (notice and confirmation) without fees', () => {
    const filing = itemElements({ filing: { category: 'notice', secret: false } }, { type: '11', name: '建设工程消防验收备案' });
    expect(itemProblems(filing)).toEqual([]);
    const confirmation = itemElements({ filing: { category: 'confirmation', output: '备案编号', promisedDays: 5, secret: false } }, { type: '11' });
    expect(itemProblems(confirmation)).toEqual([]);
  });

  const cases: Array<[string, (el: ItemElements) => void, string[], Parameters<typeof itemProblems>[1]?]> = [
    ['blank name', (el) => (el.name = '  '), ['name']],
    ['unknown type code', (el) => (el.type = '99'), ['type']],
    ['no legal basis', (el) => (el.legalBasis = []), ['legalBasis']],
    ['citation without a law', (el) => (el.legalBasis[0].law = ' '), ['legalBasis.0.law']],
    ['citation link that is not http(s)', (el) => (el.legalBasis[0].url = 'ftp://flk.npc.gov.cn/x'), ['legalBasis.0.url']],
    ['blank acceptance conditions', (el) => (el.acceptanceConditions = '\n'), ['acceptanceConditions']],
    ['no service recipients', (el) => (el.serviceRecipients = []), ['serviceRecipients']],
    ['unknown service recipient code', (el) => (el.serviceRecipients = [2, 7]), ['serviceRecipients.1']],
    ['duplicate service recipient', (el) => (el.serviceRecipients = [2, 2]), ['serviceRecipients']],
    ['no process steps', (el) => (el.process = []), ['process']],
    ['step without a name', (el) => (el.process[1].name = ''), ['process.1.name']],
    ['step without an actor', (el) => (el.process[2].actor = ' '), ['process.2.actor']],
    ['material without a name', (el) => (el.materials[0].name = ''), ['materials.0.name']],
    ['material without a source', (el) => (el.materials[1].source = ''), ['materials.1.source']],
    ['material blank form that is not a link', (el) => (el.materials[0].blankForm = 'javascript:alert(1)'), ['materials.0.blankForm']],
    ['material sample that is not a link', (el) => (el.materials[0].sample = 'file:///c:/x.doc'), ['materials.0.sample']],
    ['duplicate material (names compared trimmed)', (el) => el.materials.push({ ...el.materials[0], name: ` ${el.materials[0].name} ` }), ['materials.2.name']],
    ['blank result name', (el) => (el.result.name = ''), ['result.name']],
    ['result sample that is not a link', (el) => (el.result.sampleFile = 'javascript:alert(1)'), ['result.sampleFile']],
    ['promised longer than statutory (same unit)', (el) => (el.promisedTimeLimit = { amount: 11, unit: 'workday' }), ['promisedTimeLimit']],
    ['promised longer than statutory (months against workdays)', (el) => (el.promisedTimeLimit = { amount: 1, unit: 'month' }), ['promisedTimeLimit']],
    ['即办件 promising more than one working day', (el) => { el.caseKind = 1; el.promisedTimeLimit = { amount: 2, unit: 'workday' }; }, ['caseKind']],
    ['即办件 promising a day counted in months', (el) => { el.caseKind = 1; el.statutoryTimeLimit = { amount: 2, unit: 'month' }; el.promisedTimeLimit = { amount: 1, unit: 'month' }; }, ['caseKind']],
    ['duplicate handling-item sequence', (el) => (el.handlingItems[1].seq = 1), ['handlingItems.1.seq']],
    ['handling item without a name', (el) => (el.handlingItems[0].name = ''), ['handlingItems.0.name']],
    ['intermediary service without a name', (el) => el.intermediaryServices.push({ name: '', legalBasis: '《消防法》', providerRequirement: '具备资质' }), ['intermediaryServices.0.name']],
    ['intermediary service without a legal basis', (el) => el.intermediaryServices.push({ name: '消防技术服务', legalBasis: ' ', providerRequirement: '具备资质' }), ['intermediaryServices.0.legalBasis']],
    ['entrusted item without the entrusting org', (el) => (el.powerSource = 5), ['entrustingOrgId']],
    ['entrusted by a peer without the entrusting org', (el) => (el.powerSource = 6), ['entrustingOrgId']],
    ['entrusting org that does not exist', (el) => { el.powerSource = 5; el.entrustingOrgId = 'gone'; }, ['entrustingOrgId'], { orgExists: () => false }],
    ['online item without an online guide', (el) => (el.onlineGuideUrl = undefined), ['onlineGuideUrl']],
    ['online guide that is not http(s)', (el) => (el.onlineGuideUrl = 'zwfw.nmg.gov.cn'), ['onlineGuideUrl']],
    ['service-hall item without a place', (el) => (el.place = ''), ['place']],
    ['blank consult phone', (el) => (el.consultPhone = ''), ['consultPhone']],
    ['blank complaint phone', (el) => (el.complaintPhone = ' '), ['complaintPhone']],
    ['incomplete fee', (el) => el.fees.push({ name: '工本费', standard: '', basis: '《收费标准》' }), ['fees.0']],
    ['incomplete FAQ', (el) => el.faq.push({ question: '需要本人到场吗？', answer: '' }), ['faq.0']],
    ['filing settings on an item that is no 行政备案', (el) => (el.filing = { category: 'notice', secret: false }), ['filing']],
  ];

  it.each(cases)('reports %s', (_label, change, expected, options) => {
    expect(paths(problemsAfter(change, options))).toEqual(expected);
  });

  it('a 行政备案 never charges a fee and must say its category', () => {
    const filing = (over: Partial<ItemElements>) => itemProblems(itemElements({ filing: { category: 'notice', secret: false }, ...over }, { type: '11' }));
    expect(paths(filing({ fees: [{ name: '备案费', standard: '10元', basis: '某文件' }] }))).toEqual(['fees']);
    expect(paths(filing({ filing: null }))).toEqual(['filing']);
    expect(paths(filing({ filing: { category: 'confirmation', secret: false } }))).toEqual(['filing.promisedDays']);
  });

  it('honours a configured 行政备案 code', () => {
    const el = itemElements({ filing: { category: 'notice', secret: false } }, { type: '12' });
    expect(paths(itemProblems(el))).toEqual(['filing', 'type']);
    expect(itemProblems(el, { filingTypeCode: '12' })).toEqual([]);
  });

  it('returns every problem at once, each with a Chinese message', () => {
    const problems = problemsAfter((el) => {
      el.name = '';
      el.promisedTimeLimit = { amount: 30, unit: 'workday' };
      el.consultPhone = '';
      el.materials[0].name = '';
    });
    expect(paths(problems)).toEqual(['consultPhone', 'materials.0.name', 'name', 'promisedTimeLimit']);
    for (const p of problems) expect(p.message).toMatch(/\p{Script=Han}/u);
  });
});

describe('promisedWithinStatutory', () => {
  it('compares amounts in the same unit', () => {
    expect(promisedWithinStatutory({ amount: 10, unit: 'workday' }, { amount: 10, unit: 'workday' })).toBe(true);
    expect(promisedWithinStatutory({ amount: 11, unit: 'workday' }, { amount: 10, unit: 'workday' })).toBe(false);
  });

  it('converts across units with the calendar when given one', () => {
    const toDays = (l: { amount: number; unit: string }) => (l.unit === 'workday' ? l.amount * 1.5 : l.unit === 'month' ? l.amount * 30 : l.amount);
    expect(promisedWithinStatutory({ amount: 20, unit: 'workday' }, { amount: 1, unit: 'month' }, toDays)).toBe(true);
    expect(promisedWithinStatutory({ amount: 21, unit: 'workday' }, { amount: 1, unit: 'month' }, toDays)).toBe(false);
  });

  it('without a calendar, estimates conservatively (a workday at least a day, a month at most 31 days)', () => {
    expect(promisedWithinStatutory({ amount: 10, unit: 'day' }, { amount: 10, unit: 'workday' })).toBe(true);
    expect(promisedWithinStatutory({ amount: 1, unit: 'month' }, { amount: 30, unit: 'day' })).toBe(false);
    expect(promisedWithinStatutory({ amount: 20, unit: 'workday' }, { amount: 1, unit: 'month' })).toBe(true);
  });
});

describe('uniformProblems and uniformOf', () => {
  it("passes the factory's catalogue elements and lists each missing uniform element", () => {
    expect(uniformProblems(uniformElements())).toEqual([]);
    expect(paths(uniformProblems(uniformElements({ name: ' ', type: '30', legalBasis: [], serviceRecipients: [] })))).toEqual([
      'legalBasis', 'name', 'serviceRecipients', 'type',
    ]);
    expect(uniformProblems(uniformElements({ type: '12' }), '12')).toEqual([]);
  });

  it('keeps exactly the uniform keys of an element set', () => {
    const el = itemElements();
    const u = uniformOf(el);
    expect(Object.keys(u).sort()).toEqual([...UNIFORM_ELEMENT_KEYS].sort());
    expect(u).toEqual(uniformElements());
  });
});
