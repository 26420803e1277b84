// 版本历史: every version of an item; pick two to see their element diff side by side.
import { useState } from 'react';
import { Alert, Button, Flex, Spin, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DiffOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { errorMessage } from '../../formErrors.ts';
import { itemsApi, type ItemVersionSummary, type VersionDiff } from '../../itemsApi.ts';
import { DiffView } from './DiffView.tsx';
import { diffPair, VERSION_STATUS_LABELS, versionSourceLabel, versionStatus } from './versions.ts';

const when = (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—');

export function VersionHistory({ implementationCode, versions }: { implementationCode: string; versions: ItemVersionSummary[] }) {
  const [picked, setPicked] = useState<number[]>([]);
  const [diff, setDiff] = useState<VersionDiff | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const now = new Date();
  const sorted = [...versions].sort((a, b) => b.versionNo - a.versionNo);

  async function compare(from: number, to: number) {
    setLoading(true);
    setError(null);
    try {
      setDiff(await itemsApi.diff(implementationCode, from, to));
    } catch (e) {
      setError(errorMessage(e));
      setDiff(null);
    } finally {
      setLoading(false);
    }
  }

  const columns: TableColumnsType<ItemVersionSummary> = [
    { title: '版本', dataIndex: 'versionNo', width: 70, render: (n: number) => <Typography.Text strong>v{n}</Typography.Text> },
    {
      title: '状态',
      key: 'status',
      width: 90,
      render: (_, v) => {
        const s = VERSION_STATUS_LABELS[versionStatus(v, now)];
        return <Tag color={s.color}>{s.label}</Tag>;
      },
    },
    { title: '生效时间', dataIndex: 'effectiveFrom', width: 150, render: when },
    { title: '失效时间', dataIndex: 'effectiveTo', width: 150, render: when },
    { title: '来源', dataIndex: 'source', width: 100, render: versionSourceLabel },
    { title: '修改说明', dataIndex: 'changeNote', render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text> },
    { title: '创建时间', dataIndex: 'createdAt', width: 150, render: when },
    {
      title: '',
      key: 'prev',
      width: 120,
      render: (_, v) => {
        const previous = sorted.find((o) => o.versionNo < v.versionNo);
        return previous ? (
          <Button
            type="link"
            size="small"
            onClick={() => {
              setPicked([previous.versionNo, v.versionNo]);
              void compare(previous.versionNo, v.versionNo);
            }}
          >
            与 v{previous.versionNo} 比较
          </Button>
        ) : null;
      },
    },
  ];

  const pair = diffPair(picked);
  return (
    <Flex vertical gap={16}>
      <Table<ItemVersionSummary>
        rowKey="versionNo"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={sorted}
        rowSelection={{
          selectedRowKeys: picked,
          // Two at most: a third pick replaces the older pick.
          onChange: (keys) => setPicked((keys as number[]).slice(-2)),
          hideSelectAll: true,
          columnTitle: '比较',
          columnWidth: 56,
        }}
      />
      <Flex align="center" gap={12}>
        <Button type="primary" icon={<DiffOutlined />} disabled={!pair} loading={loading} onClick={() => pair && void compare(pair.from, pair.to)}>
          比较所选版本
        </Button>
        <Typography.Text type="secondary">{pair ? `v${pair.from} → v${pair.to}` : '勾选两个版本进行比较'}</Typography.Text>
      </Flex>
      {error && <Alert type="error" showIcon title={error} />}
      {loading && !diff && <Spin />}
      {diff && (
        <div>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            v{diff.from} → v{diff.to}：{diff.changes.length} 处要素变化
          </Typography.Title>
          <DiffView changes={diff.changes} beforeTitle={`v${diff.from}`} afterTitle={`v${diff.to}`} />
        </div>
      )}
    </Flex>
  );
}
