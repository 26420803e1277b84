import { Alert, Button, Card, Segmented, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import { ADJUSTMENT_STATE_LABELS, ADJUSTMENT_STATES, type AdjustmentKind, type AdjustmentState } from '../../../common/adjustment-states.ts';
import { adjustmentsApi, type RequestSummary } from '../adjustmentsApi.ts';
import { useApiData } from '../useApiData.ts';
import { useAuth } from '../useAuth.ts';
import { KindTag, StateTag } from '../components/adjustments/tags.tsx';

const isState = (s: string | null): s is AdjustmentState => s !== null && (ADJUSTMENT_STATES as readonly string[]).includes(s);

/** 调整申请 list with a state filter; for the bureau also the review queue (?queue=true: submitted and under review). */
export default function AdjustmentListPage() {
  const { hasRole } = useAuth();
  const [params, setParams] = useSearchParams();
  const bureau = hasRole('bureau_admin', 'bureau_reviewer');
  const queue = bureau && params.get('queue') === 'true';
  const stateParam = params.get('state');
  const state = isState(stateParam) ? stateParam : undefined;
  const list = useApiData(() => adjustmentsApi.list(queue ? { queue: true } : { state }), [queue, state]);

  const columns: TableColumnsType<RequestSummary> = [
    { title: '申请', dataIndex: 'title', render: (title: string, r) => <Link to={`/adjustments/${r.id}`}>{title}</Link> },
    { title: '类型', dataIndex: 'kind', width: 80, render: (k: AdjustmentKind) => <KindTag kind={k} /> },
    { title: '申请单位', dataIndex: 'orgName', width: 200 },
    { title: '状态', dataIndex: 'state', width: 130, render: (s: AdjustmentState) => <StateTag state={s} /> },
    { title: '调整决定文号', dataIndex: 'decisionNumber', width: 190, render: (n: string | null) => n ?? <Typography.Text type="secondary">—</Typography.Text> },
    {
      title: '更新时间',
      dataIndex: 'updatedAt',
      width: 150,
      sorter: (a, b) => a.updatedAt.localeCompare(b.updatedAt),
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
    },
  ];

  return (
    <Card
      title={queue ? '审核队列' : '调整申请'}
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void list.reload()} loading={list.loading}>
            刷新
          </Button>
          {hasRole('dept_editor') && (
            <Link to="/adjustments/new">
              <Button type="primary" icon={<PlusOutlined />}>
                新建调整申请
              </Button>
            </Link>
          )}
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          {bureau && (
            <Segmented
              aria-label="范围"
              value={queue ? 'queue' : 'all'}
              options={[
                { value: 'queue', label: '待审核' },
                { value: 'all', label: '全部申请' },
              ]}
              onChange={(v) => setParams(v === 'queue' ? { queue: 'true' } : {}, { replace: true })}
            />
          )}
          {!queue && (
            <Select
              aria-label="状态"
              allowClear
              placeholder="全部状态"
              value={state}
              style={{ width: 180 }}
              options={ADJUSTMENT_STATES.map((s) => ({ value: s, label: ADJUSTMENT_STATE_LABELS[s] }))}
              onChange={(s: AdjustmentState | undefined) => setParams(s ? { state: s } : {}, { replace: true })}
            />
          )}
          {queue && <Typography.Text type="secondary">已提交待审核和审核中的申请，先到先审。</Typography.Text>}
        </Space>
        {list.error && <Alert type="error" showIcon title={list.error.message} />}
        <Table<RequestSummary>
          rowKey="id"
          columns={columns}
          dataSource={queue ? [...(list.data ?? [])].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt)) : (list.data ?? [])}
          loading={list.loading}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: queue ? '没有等待审核的申请' : '暂无调整申请' }}
        />
      </Space>
    </Card>
  );
}
