// Pure helpers of the element editor: list edits and the blank entries a "添加" button appends.
import { diffElements, type ElementChange } from '../../../../common/item-diff.ts';
import { UNIFORM_ELEMENT_KEYS, type Citation, type ItemElements, type Material, type ProcessStep, type TimeLimit, type UniformElements } from '../../../../common/item-elements.ts';

type Entry<K extends keyof ItemElements> = ItemElements[K] extends ReadonlyArray<infer E> ? E : never;

/** A copy of `list` with the entry at `from` moved to `to` (clamped); the same list when nothing moves. */
export function moveEntry<T>(list: readonly T[], from: number, to: number): T[] {
  const target = Math.max(0, Math.min(list.length - 1, to));
  if (from === target || from < 0 || from >= list.length) return [...list];
  const next = [...list];
  const [moved] = next.splice(from, 1);
  next.splice(target, 0, moved as T);
  return next;
}

/** A copy of `list` without the entry at `index`. */
export function removeEntry<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** A copy of `list` with the entry at `index` patched. */
export function patchEntry<T extends object>(list: readonly T[], index: number, patch: Partial<T>): T[] {
  return list.map((entry, i) => (i === index ? { ...entry, ...patch } : entry));
}

export const blankTimeLimit = (): TimeLimit => ({ amount: 1, unit: 'workday' });

export const blankCitation = (): Citation => ({ law: '' });

export const blankStep = (): ProcessStep => ({ name: '', actor: '' });

export const blankMaterial = (): Material => ({ name: '', kind: '原件', copies: 1, required: '必要', source: '申请人自备' });

export const blankIntermediary = (): Entry<'intermediaryServices'> => ({ name: '', legalBasis: '', providerRequirement: '' });

export const blankFee = (): Entry<'fees'> => ({ name: '', standard: '', basis: '' });

export const blankFaq = (): Entry<'faq'> => ({ question: '', answer: '' });

/** The next free 业务办理项 sequence number (1–99). */
export function nextHandlingSeq(items: ReadonlyArray<{ seq: number }>): number {
  const used = new Set(items.map((h) => h.seq));
  for (let seq = 1; seq <= 99; seq += 1) if (!used.has(seq)) return seq;
  return 99;
}

/** Empty uniform elements for a new catalogue item. */
export function blankUniform(): UniformElements {
  return {
    name: '',
    type: '01',
    legalBasis: [blankCitation()],
    acceptanceConditions: '',
    serviceRecipients: [1],
    process: [
      { name: '受理', actor: '窗口工作人员' },
      { name: '审查', actor: '审查人员' },
      { name: '决定', actor: '分管负责人' },
    ],
    materials: [],
    statutoryTimeLimit: { amount: 20, unit: 'workday' },
    result: { name: '', kind: '证照' },
    handlingItemSplit: '',
    intermediaryServices: [],
  };
}

/** The uniform part of an element set (the catalogue form edits only these). */
export function uniformPart(el: UniformElements): UniformElements {
  const { name, type, legalBasis, acceptanceConditions, serviceRecipients, process, materials, statutoryTimeLimit, result, handlingItemSplit, intermediaryServices } = el;
  return { name, type, legalBasis, acceptanceConditions, serviceRecipients, process, materials, statutoryTimeLimit, result, handlingItemSplit, intermediaryServices };
}

function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, stable((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** Whether two element sets are the same document (unsaved-changes check); key order and undefined keys do not count. */
export function sameElements(a: unknown, b: unknown): boolean {
  return JSON.stringify(stable(a)) === JSON.stringify(stable(b));
}

/** The top-level key of an element path (`materials[营业执照].copies` → materials). */
export const elementKey = (path: string) => path.split(/[.[]/)[0] ?? path;

/**
 * The uniform elements of `elements` that differ materially from the catalogue's (同源), as the server's
 * consistency check will see them: each with its changes (before = catalogue, after = this element set).
 */
export function uniformDeviations(catalogue: UniformElements, elements: UniformElements): Map<string, ElementChange[]> {
  const byKey = new Map<string, ElementChange[]>();
  for (const change of diffElements(catalogue, elements, UNIFORM_ELEMENT_KEYS)) {
    const key = elementKey(change.path);
    byKey.set(key, [...(byKey.get(key) ?? []), change]);
  }
  return byKey;
}
