// The search box of a list page: it searches on Enter or its button, clearing it (its × button) shows the whole
// list again, and it follows the query when the URL changes (back and forward).
import { useEffect, useState } from 'react';
import { Input, type GetProps } from 'antd';

export interface ListSearchProps extends Omit<GetProps<typeof Input.Search>, 'value' | 'onChange' | 'onSearch'> {
  /** The search text in force (the URL's q). */
  query: string | undefined;
  /** Sets the search text; undefined for none. */
  onQuery: (q: string | undefined) => void;
}

export function ListSearch({ query, onQuery, ...input }: ListSearchProps) {
  const [text, setText] = useState(query ?? '');
  useEffect(() => setText(query ?? ''), [query]);
  return (
    <Input.Search
      enterButton="检索"
      allowClear
      maxLength={50}
      {...input}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        if (e.target.value === '' && query) onQuery(undefined);
      }}
      onSearch={(v) => onQuery(v.trim() || undefined)}
    />
  );
}
