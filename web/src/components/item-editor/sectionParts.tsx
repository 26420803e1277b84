// What the element editor's sections share: their props, option lists and the uniform-element marks.
import { Flex } from 'antd';
import type { ItemElements, UniformElements } from '../../../../common/item-elements.ts';
import { UNIFORM_NOTE, UniformTag, useEditor } from './fields.tsx';

export interface UniformSectionProps {
  value: UniformElements;
  patch: (p: Partial<UniformElements>) => void;
}

export interface LocalSectionProps {
  value: ItemElements;
  patch: (p: Partial<ItemElements>) => void;
}

export const opts = <T extends string>(values: readonly T[]) => values.map((v) => ({ value: v, label: v }));

export const optionalText = (v: string) => (v === '' ? undefined : v);

/** "统一要素，随基本目录" under name and type when they are locked. */
export function IdentityNote() {
  const { identityLocked } = useEditor();
  return identityLocked ? UNIFORM_NOTE : null;
}

/** A field label with the uniform-element tag (sections that mix uniform and local elements). */
export function UniformLabel({ text, keys }: { text: string; keys: readonly string[] }) {
  return (
    <Flex gap={8} align="center">
      {text}
      <UniformTag keys={keys} />
    </Flex>
  );
}
