import { Empty, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ElementChange } from '../../../../common/item-diff.ts';
import { describeValue, elementPathLabel, lastKey, parentKey } from './elementLabels.ts';
import './itemEditor.css';

const KIND: Record<string, { label: string; color: string }> = {
  added: { label: '新增', color: 'success' },
  removed: { label: '删除', color: 'error' },
  changed: { label: '修改', color: 'warning' },
};

function Value({ change, side }: { change: ElementChange; side: 'before' | 'after' }) {
  const value = change[side];
  const missing = (side === 'before' && change.kind === 'added') || (side === 'after' && change.kind === 'removed');
  if (missing) return <span className="qd-diff-none">—</span>;
  const key = lastKey(change.path);
  // A reordered list reports its entry keys in the old and new order.
  const reordered = change.kind === 'changed' && Array.isArray(change.before) && Array.isArray(change.after) && !change.path.endsWith(']') && key && !['serviceRecipients', 'themes', 'keywords'].includes(key);
  return (
    <pre className={`qd-diff-value qd-diff-${side}`}>
      {reordered ? `顺序：${(value as unknown[]).join(' → ')}` : describeValue(value, key, parentKey(change.path))}
    </pre>
  );
}

export interface DiffViewProps {
  changes: readonly ElementChange[];
  beforeTitle?: string;
  afterTitle?: string;
  emptyText?: string;
}

/** An element-level diff, old and new values side by side, rows coloured by the kind of change. */
export function DiffView({ changes, beforeTitle = '原值', afterTitle = '新值', emptyText = '两个版本的要素没有差异' }: DiffViewProps) {
  const columns: TableColumnsType<ElementChange> = [
    { title: '要素', dataIndex: 'path', width: 260, render: (path: string) => <span title={path}>{elementPathLabel(path)}</span> },
    { title: '变化', dataIndex: 'kind', width: 72, render: (kind: string) => <Tag color={KIND[kind]?.color}>{KIND[kind]?.label ?? kind}</Tag> },
    { title: beforeTitle, key: 'before', render: (_, c) => <Value change={c} side="before" /> },
    { title: afterTitle, key: 'after', render: (_, c) => <Value change={c} side="after" /> },
  ];
  if (changes.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  return (
    <Table<ElementChange>
      size="small"
      rowKey={(c) => `${c.kind}:${c.path}`}
      columns={columns}
      dataSource={[...changes]}
      pagination={false}
      rowClassName={(c) => `qd-diff-${c.kind}`}
      data-testid="diff-table"
    />
  );
}
