// Test data builders shared by the server, e2e and web tests (the web may import common/, not server/): realistic,
// valid by default, overridable per test. Only tests import this file.
import type { ItemElements, UniformElements } from './item-elements.ts';

/** Uniform elements of a 食品经营许可-like item. */
export function uniformElements(overrides: Partial<UniformElements> = {}): UniformElements {
  return {
    name: '食品经营许可',
    type: '01',
    legalBasis: [{ law: '《中华人民共和国食品安全法》', article: '第三十五条', level: '法律' }],
    acceptanceConditions: '申请人应当具有与经营的食品品种、数量相适应的食品经营场所。',
    serviceRecipients: [2, 5],
    process: [
      { name: '受理', actor: '窗口工作人员' },
      { name: '审查', actor: '审查人员', timeLimit: { amount: 5, unit: 'workday' } },
      { name: '决定', actor: '分管负责人' },
    ],
    materials: [
      { name: '食品经营许可申请书', kind: '原件', copies: 1, required: '必要', source: '申请人自备' },
      { name: '营业执照', kind: '电子', copies: 0, required: '必要', source: '政府部门核发', satisfiedBy: '营业执照电子证照' },
    ],
    statutoryTimeLimit: { amount: 10, unit: 'workday' },
    result: { name: '食品经营许可证', kind: '证照' },
    handlingItemSplit: '按新设、变更、延续、注销拆分',
    intermediaryServices: [],
    ...overrides,
  };
}

/** A complete, valid element set for an implemented item. */
export function itemElements(overrides: Partial<ItemElements> = {}, uniform: Partial<UniformElements> = {}): ItemElements {
  return {
    ...uniformElements(uniform),
    handlingItems: [
      { seq: 1, name: '食品经营许可（新设）', splitReason: '新设' },
      { seq: 2, name: '食品经营许可（变更）', splitReason: '变更' },
    ],
    promisedTimeLimit: { amount: 3, unit: 'workday' },
    caseKind: 2,
    powerSource: 1,
    implementerNature: 1,
    entrustingOrgId: null,
    place: '乌审旗政务服务中心一楼市场监管窗口',
    hours: '工作日 9:00—12:00，14:30—17:30',
    consultPhone: '0477-7212345',
    complaintPhone: '0477-12345',
    onlineDepth: 4,
    onlineGuideUrl: 'https://zwfw.nmg.gov.cn/guide/spjyxk',
    visitsRequired: 0,
    inServiceHall: true,
    selfServiceTerminal: true,
    fees: [],
    faq: [],
    themes: ['市场准入', '食品药品'],
    keywords: ['餐饮', '食品'],
    optimisation: { materialsBefore: 6, stepsBefore: 5, visitsBefore: 2 },
    filing: null,
    ...overrides,
  };
}
