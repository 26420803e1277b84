import { useState } from 'react';
import { Alert, App, Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { orgsApi } from '../api.ts';
import { triggersApi, type Trigger } from '../adjustmentsApi.ts';
import { useApiData } from '../useApiData.ts';
import { useAuth } from '../useAuth.ts';
import { DueTag, ResolutionTag } from '../components/adjustments/tags.tsx';
import { TriggerFormModal } from '../components/adjustments/TriggerFormModal.tsx';

type Filter = 'open' | 'overdue' | 'closed' | 'all';

const FILTERS: Array<{ value: Filter; label: string }> = [
  { value: 'open', label: '未办结' },
  { value: 'overdue', label: '已超期' },
  { value: 'closed', label: '已办结' },
  { value: 'all', label: '全部' },
];

function filterOf(params: URLSearchParams): Filter {
  if (params.get('overdue') === 'true') return 'overdue';
  const status = params.get('status');
  return status === 'open' || status === 'closed' ? status : status === 'all' ? 'all' : 'open';
}

/** 调整事由 register: every trigger of the caller's scope by due date, overdue ones in red. */
export default function TriggerListPage() {
  const { hasRole } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params);
  const [creating, setCreating] = useState(false);
  const triggers = useApiData(
    () => triggersApi.list(filter === 'overdue' ? { overdue: true } : filter === 'all' ? {} : { status: filter }),
    [filter],
  );
  const orgs = useApiData(() => orgsApi.list(), []);
  const mayRegister = hasRole('bureau_admin', 'bureau_reviewer', 'dept_editor', 'dept_leader');

  const columns: TableColumnsType<Trigger> = [
    {
      title: '调整事由',
      dataIndex: 'title',
      render: (title: string, t) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/triggers/${t.id}`}>{title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[t.docNumber, t.issuingBody].filter(Boolean).join(' · ') || '—'}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '类型', dataIndex: 'kindLabel', width: 150, render: (label: string) => <Tag>{label}</Tag> },
    { title: '发生日期', dataIndex: 'occurredOn', width: 110 },
    {
      title: '办结期限',
      dataIndex: 'dueOn',
      width: 160,
      sorter: (a, b) => a.dueOn.localeCompare(b.dueOn),
      render: (_: string, t) => <DueTag dueOn={t.dueOn} overdue={t.overdue} status={t.status} />,
    },
    {
      title: '责任单位',
      dataIndex: 'responsible',
      render: (rs: Trigger['responsible']) => (
        <Space size={[4, 4]} wrap>
          {rs.map((r) => (
            <ResolutionTag key={r.orgId} r={r} />
          ))}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="调整事由"
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void triggers.reload()} loading={triggers.loading}>
            刷新
          </Button>
          {mayRegister && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              登记调整事由
            </Button>
          )}
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          法律法规规章制定、修改、废止，上级下放、委托、取消，职能调整或要素标准变化时登记事由；责任单位须自发生之日起一个月内完成调整或说明无需调整。
        </Typography.Text>
        <Segmented<Filter>
          aria-label="筛选"
          value={filter}
          options={FILTERS}
          onChange={(v) => setParams(v === 'overdue' ? { overdue: 'true' } : { status: v }, { replace: true })}
        />
        {triggers.error && <Alert type="error" showIcon title={triggers.error.message} />}
        <Table<Trigger>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={triggers.data ?? []}
          loading={triggers.loading}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: filter === 'overdue' ? '没有超期的调整事由' : '暂无调整事由' }}
          onRow={(t) => ({ style: t.overdue ? { background: '#fff1f0' } : undefined })}
        />
      </Space>
      <TriggerFormModal
        open={creating}
        orgs={orgs.data ?? []}
        onClose={() => setCreating(false)}
        onCreated={(t) => {
          setCreating(false);
          message.success(`已登记，办结期限 ${t.dueOn}`);
          navigate(`/triggers/${t.id}`);
        }}
      />
    </Card>
  );
}
