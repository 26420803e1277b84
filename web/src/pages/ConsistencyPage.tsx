// 同源检查: every uniform element of an effective item that differs from its catalogue item, grouped by item.
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Collapse, Empty, Flex, Input, Result, Space, Spin, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined, SafetyOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { orgsApi } from '../api.ts';
import { useApiData } from '../useApiData.ts';
import { itemsApi, type Deviation } from '../itemsApi.ts';
import { describeValue, elementPathLabel, lastKey, parentKey } from '../components/item-editor/elementLabels.ts';
import { groupDeviations } from '../components/item-editor/deviations.ts';
import '../components/item-editor/itemEditor.css';

const KIND: Record<string, { label: string; color: string }> = {
  added: { label: '多出', color: 'success' },
  removed: { label: '缺少', color: 'error' },
  changed: { label: '不一致', color: 'warning' },
};

function Value({ d, side }: { d: Deviation; side: 'expected' | 'actual' }) {
  const value = d[side];
  if (value === null || value === undefined) return <span className="qd-diff-none">—</span>;
  return <pre className={`qd-diff-value ${side === 'expected' ? 'qd-diff-after' : 'qd-diff-before'}`}>{describeValue(value, lastKey(d.element), parentKey(d.element))}</pre>;
}

export default function ConsistencyPage() {
  const deviations = useApiData(() => itemsApi.consistency(), []);
  const orgs = useApiData(() => orgsApi.list(), []);
  const [filter, setFilter] = useState('');
  const orgNames = useMemo(() => new Map((orgs.data ?? []).map((o) => [o.id, o.nameZh])), [orgs.data]);
  const groups = useMemo(() => groupDeviations(deviations.data ?? [], filter, (id) => orgNames.get(id)), [deviations.data, filter, orgNames]);

  const columns: TableColumnsType<Deviation> = [
    { title: '要素', dataIndex: 'element', width: 260, render: (path: string) => <span title={path}>{elementPathLabel(path)}</span> },
    { title: '差异', dataIndex: 'kind', width: 80, render: (k: string) => <Tag color={KIND[k]?.color}>{KIND[k]?.label ?? k}</Tag> },
    { title: '基本目录（应为）', key: 'expected', render: (_, d) => <Value d={d} side="expected" /> },
    { title: '实施事项（现为）', key: 'actual', render: (_, d) => <Value d={d} side="actual" /> },
  ];

  const total = deviations.data?.length ?? 0;
  const shown = groups.reduce((n, g) => n + g.deviations.length, 0);
  return (
    <Card
      title={
        <Space>
          <SafetyOutlined />
          同源检查
        </Space>
      }
      extra={
        <Button icon={<ReloadOutlined />} loading={deviations.loading} onClick={() => void deviations.reload()}>
          重新检查
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        实施事项的统一要素（名称、类型、设定依据、受理条件、服务对象、办理流程、申请材料、法定时限、办理结果、拆分标准、中介服务）须与基本目录一致。存在偏差的事项不能发布，请承接目录版本或提出变更申请。
      </Typography.Paragraph>
      {deviations.error && <Alert type="error" showIcon title={deviations.error.message} style={{ marginBottom: 16 }} />}
      {deviations.loading && !deviations.data ? (
        <Spin style={{ display: 'block', margin: '48px auto' }} />
      ) : total === 0 && !deviations.error ? (
        <Result status="success" title="全部实施事项与基本目录一致" subTitle="没有发现同源偏差。" />
      ) : (
        <Flex vertical gap={12}>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Text data-testid="consistency-total">
              {groups.length} 个事项共 <Typography.Text type="danger">{shown}</Typography.Text> 处偏差
              {shown < total && <Typography.Text type="secondary">（全部 {total} 处）</Typography.Text>}
            </Typography.Text>
            <Input.Search allowClear placeholder="按事项名称、编码或机构筛选" style={{ maxWidth: 320 }} onSearch={setFilter} onChange={(e) => e.target.value === '' && setFilter('')} />
          </Flex>
          {groups.length === 0 ? (
            <Empty description="没有匹配的事项" />
          ) : (
            <Collapse
              defaultActiveKey={groups.slice(0, 3).map((g) => g.implementationCode)}
              items={groups.map((g) => ({
                key: g.implementationCode,
                label: (
                  <Flex gap={8} align="center" wrap>
                    <Typography.Text strong>{g.name}</Typography.Text>
                    <Typography.Text type="secondary">{orgNames.get(g.orgId) ?? ''}</Typography.Text>
                    <Tag color="warning">{g.deviations.length} 处</Tag>
                  </Flex>
                ),
                extra: (
                  <Link to={`/items/${g.implementationCode}`} onClick={(e) => e.stopPropagation()} className="qd-mono">
                    {g.implementationCode}
                  </Link>
                ),
                children: (
                  <Table<Deviation>
                    rowKey={(d) => `${d.kind}:${d.element}`}
                    size="small"
                    pagination={false}
                    columns={columns}
                    dataSource={g.deviations}
                    rowClassName={(d) => `qd-diff-${d.kind}`}
                  />
                ),
              }))}
            />
          )}
        </Flex>
      )}
    </Card>
  );
}
