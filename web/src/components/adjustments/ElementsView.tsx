import { Descriptions, Typography } from 'antd';
import type { ItemElements } from '../../../../common/item-elements.ts';
import { ELEMENT_LABELS, valueText } from '../../adjustmentFormat.ts';

const ORDER = Object.keys(ELEMENT_LABELS) as Array<keyof ItemElements>;

/** A read-only element set, every element by its Chinese name (no JSON). `omit` hides elements shown elsewhere. */
export function ElementsView({
  elements,
  omit,
  only,
  orgName,
  column = 2,
}: {
  elements: ItemElements;
  omit?: readonly string[];
  only?: readonly string[];
  orgName?: (id: string) => string | undefined;
  column?: number;
}) {
  const keys = ORDER.filter((k) => (only ? only.includes(k) : !omit?.includes(k))).filter((k) => k in elements);
  return (
    <Descriptions
      size="small"
      bordered
      column={column}
      styles={{ label: { width: 132, whiteSpace: 'nowrap' } }}
      items={keys.map((key) => {
        const text = valueText(key, elements[key], orgName);
        return {
          key,
          label: ELEMENT_LABELS[key],
          span: text.includes('\n') || text.length > 40 ? column : 1,
          children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{text}</Typography.Text>,
        };
      })}
    />
  );
}
