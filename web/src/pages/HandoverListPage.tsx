import { useMemo } from 'react';
import { Alert, Button, Card, Progress, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowRightOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import { ADJUSTMENT_KIND_LABELS, type AdjustmentKind } from '../../../common/adjustment-states.ts';
import { dashboardApi, handoversApi, type Handover } from '../adjustmentsApi.ts';
import { ageText } from '../adjustmentFormat.ts';
import { useApiData } from '../useApiData.ts';

type Filter = 'open' | 'closed' | 'all';

/** 交接: the guidance and training that follows a delegation, entrustment or cancellation (Art 6). */
export default function HandoverListPage() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const filter: Filter = status === 'closed' || status === 'all' ? status : 'open';
  const list = useApiData(() => handoversApi.list(filter === 'all' ? undefined : filter), [filter]);
  // Age and alert of open handovers come from the dashboard (working days by the calendar).
  const dash = useApiData(() => dashboardApi.adjustments(), []);
  const ages = useMemo(() => new Map((dash.data?.handovers ?? []).map((h) => [h.id, h])), [dash.data]);

  const columns: TableColumnsType<Handover> = [
    {
      title: '事项',
      key: 'item',
      render: (_, h) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/handovers/${h.id}`} className="qd-mono">
            {h.newItemCode ?? h.itemCode}
          </Link>
          {h.newItemCode && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              原编码 <span className="qd-mono">{h.itemCode}</span>
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: '类型', dataIndex: 'kind', width: 80, render: (k: string) => <Tag>{ADJUSTMENT_KIND_LABELS[k as AdjustmentKind] ?? k}</Tag> },
    {
      title: '交出 → 承接',
      key: 'orgs',
      render: (_, h) => (
        <Space>
          {h.fromOrgName}
          <ArrowRightOutlined />
          <strong>{h.toOrgName}</strong>
        </Space>
      ),
    },
    {
      title: '指导任务',
      key: 'tasks',
      width: 170,
      render: (_, h) => {
        const done = h.tasks.filter((t) => t.status === 'done').length;
        return h.tasks.length ? <Progress size="small" percent={Math.round((done / h.tasks.length) * 100)} format={() => `${done}/${h.tasks.length}`} /> : <Typography.Text type="secondary">尚无任务</Typography.Text>;
      },
    },
    { title: '开始', dataIndex: 'createdAt', width: 110, render: (at: string) => dayjs(at).format('YYYY-MM-DD') },
    {
      title: '状态',
      key: 'status',
      width: 190,
      render: (_, h) => {
        if (h.status === 'closed') return <Tag color="success">已确认（{h.confirmedAt ? dayjs(h.confirmedAt).format('MM-DD') : ''}）</Tag>;
        const a = ages.get(h.id);
        return (
          <Space size={4}>
            <Tag color="processing">进行中 {a ? ageText(a.ageWorkingDays) : ''}</Tag>
            {a?.alert && <Tag color="orange">超时预警</Tag>}
          </Space>
        );
      },
    },
  ];

  return (
    <Card
      title="交接（指导与培训）"
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void list.reload()} loading={list.loading}>
          刷新
        </Button>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">事项下放、委托或取消获批后，交出单位通过政策文件、实施标准和业务培训指导承接单位，承接单位确认具备实施条件后交接完成。</Typography.Text>
        <Segmented<Filter>
          aria-label="状态"
          value={filter}
          options={[
            { value: 'open', label: '进行中' },
            { value: 'closed', label: '已完成' },
            { value: 'all', label: '全部' },
          ]}
          onChange={(v) => setParams({ status: v }, { replace: true })}
        />
        {list.error && <Alert type="error" showIcon title={list.error.message} />}
        <Table<Handover>
          rowKey="id"
          columns={columns}
          dataSource={list.data ?? []}
          loading={list.loading}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '暂无交接' }}
          onRow={(h) => ({ style: ages.get(h.id)?.alert ? { background: '#fff7e6' } : undefined })}
        />
      </Space>
    </Card>
  );
}
