import { Empty, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ElementChange } from '../../../../common/item-diff.ts';
import { foldTimeLimits, isReorder, pathLabel, valueText } from '../../adjustmentFormat.ts';

const KIND_TAGS: Record<string, { color: string; label: string }> = {
  added: { color: 'green', label: '新增' },
  removed: { color: 'red', label: '删除' },
  changed: { color: 'blue', label: '修改' },
  reorder: { color: 'default', label: '顺序调整' },
};

interface Row extends ElementChange {
  key: string;
}

const TONES = {
  before: { background: '#fff1f0', color: '#a8071a' },
  after: { background: '#f6ffed', color: '#135200' },
  empty: { background: 'transparent', color: '#8c8c8c' },
} as const;

const cell = (text: string, tone: 'before' | 'after', empty: boolean) => (
  <div data-tone={empty ? 'empty' : tone} style={{ ...TONES[empty ? 'empty' : tone], whiteSpace: 'pre-wrap', padding: '2px 6px', borderRadius: 3, wordBreak: 'break-word' }}>
    {text}
  </div>
);

/**
 * The proposed element set against the effective version, element by element, before and after side by side.
 * `orgName` resolves org ids (委托机关).
 */
export function ElementDiff({
  changes: raw,
  proposed,
  orgName,
  emptyText,
}: {
  changes: ElementChange[];
  /** The proposed element set: time limits are shown whole ("3个工作日"), not as their changed amount. */
  proposed?: unknown;
  orgName?: (id: string) => string | undefined;
  emptyText?: string;
}) {
  const changes = proposed ? foldTimeLimits(raw, proposed) : raw;
  if (changes.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText ?? '与现行版本相比没有要素变化'} />;
  const rows: Row[] = changes.map((c, i) => ({ ...c, key: `${i}:${c.path}` }));
  const columns: TableColumnsType<Row> = [
    { title: '要素', dataIndex: 'path', width: 220, render: (path: string) => <Typography.Text strong>{pathLabel(path)}</Typography.Text> },
    {
      title: '变化',
      dataIndex: 'kind',
      width: 90,
      render: (_: string, row) => {
        const tag = KIND_TAGS[isReorder(row) ? 'reorder' : row.kind] ?? { color: 'default', label: row.kind };
        return <Tag color={tag.color}>{tag.label}</Tag>;
      },
    },
    {
      title: '现行版本',
      key: 'before',
      render: (_, row) => cell(row.kind === 'added' ? '（无）' : valueText(row.path, row.before, orgName), 'before', row.kind === 'added'),
    },
    {
      title: '拟调整为',
      key: 'after',
      render: (_, row) => cell(row.kind === 'removed' ? '（删除）' : valueText(row.path, row.after, orgName), 'after', row.kind === 'removed'),
    },
  ];
  return <Table<Row> size="small" rowKey="key" columns={columns} dataSource={rows} pagination={false} bordered data-testid="element-diff" />;
}
