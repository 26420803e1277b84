import { Card, Col, Row, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import { ADJUSTMENT_STATE_LABELS, type AdjustmentState } from '../../../../common/adjustment-states.ts';
import type { AdjustmentDashboard } from '../../adjustmentsApi.ts';
import { ageText, dueStatus, workingDaysLeftText } from '../../adjustmentFormat.ts';
import { DueTag, StateTag } from './tags.tsx';

type DashTrigger = AdjustmentDashboard['triggers'][number];
type DashRequest = AdjustmentDashboard['reviewQueue'][number];
type DashHandover = AdjustmentDashboard['handovers'][number];

const ROW_TONES = { overdue: '#fff1f0', soon: '#fff7e6' } as const;

/** The five counts at the top of the dashboard; overdue and alerting ones in red/orange. */
export function DashboardCounts({ counts, scope }: { counts: AdjustmentDashboard['counts']; scope: AdjustmentDashboard['scope'] }) {
  const items = [
    { key: 'open', title: '未办结调整事由', value: counts.openTriggers, to: '/triggers?status=open' },
    { key: 'overdue', title: '已超期事由', value: counts.overdueTriggers, to: '/triggers?overdue=true', color: counts.overdueTriggers ? '#cf1322' : undefined },
    { key: 'review', title: scope === 'banner' ? '待审核申请' : '等待审核的本单位申请', value: counts.waitingReview, to: scope === 'banner' ? '/adjustments?queue=true' : '/adjustments' },
    { key: 'handovers', title: '未完成交接', value: counts.openHandovers, to: '/handovers?status=open' },
    { key: 'alert', title: '交接超时预警', value: counts.alertingHandovers, to: '/handovers?status=open', color: counts.alertingHandovers ? '#d46b08' : undefined },
  ];
  return (
    <Row gutter={[16, 16]}>
      {items.map((s) => (
        <Col key={s.key} flex="1 1 170px">
          <Link to={s.to} data-testid={`count-${s.key}`}>
            <Card hoverable size="small">
              <Statistic title={s.title} value={s.value} styles={{ content: s.color ? { color: s.color } : undefined }} />
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}

export function TriggerDeadlines({ triggers, limit }: { triggers: DashTrigger[]; limit?: number }) {
  const columns: TableColumnsType<DashTrigger> = [
    { title: '调整事由', dataIndex: 'title', render: (title: string, t) => <Link to={`/triggers/${t.id}`}>{title}</Link> },
    { title: '办结期限', dataIndex: 'dueOn', width: 150, render: (_: string, t) => <DueTag dueOn={t.dueOn} overdue={t.overdue} dueSoon={t.dueSoon} workingDaysLeft={t.workingDaysLeft} /> },
    {
      title: '剩余工作日',
      dataIndex: 'workingDaysLeft',
      width: 150,
      render: (left: number | null, t) => {
        const s = dueStatus(t);
        return <Typography.Text type={s === 'overdue' ? 'danger' : s === 'soon' ? 'warning' : undefined}>{workingDaysLeftText(left) || '—'}</Typography.Text>;
      },
    },
  ];
  const rows = limit ? triggers.slice(0, limit) : triggers;
  return (
    <Table<DashTrigger>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: '没有未办结的调整事由' }}
      onRow={(t) => {
        const s = dueStatus(t);
        return { 'data-due': s, style: s === 'overdue' || s === 'soon' ? { background: ROW_TONES[s] } : undefined } as React.HTMLAttributes<HTMLElement>;
      }}
    />
  );
}

/** Requests waiting for the bureau, oldest first (at most `limit`). */
export function ReviewQueue({ requests, limit }: { requests: DashRequest[]; limit?: number }) {
  const columns: TableColumnsType<DashRequest> = [
    { title: '申请', dataIndex: 'title', render: (title: string, r) => <Link to={`/adjustments/${r.id}`}>{title}</Link> },
    { title: '申请单位', dataIndex: 'orgName', width: 150, ellipsis: { showTitle: true } },
    { title: '状态', dataIndex: 'state', width: 90, render: (s: string) => (s in ADJUSTMENT_STATE_LABELS ? <StateTag state={s as AdjustmentState} /> : s) },
    {
      title: '已等待',
      dataIndex: 'ageWorkingDays',
      width: 96,
      render: (d: number | null, r) => (
        <Tooltip title={`${dayjs(r.submittedAt).format('YYYY-MM-DD HH:mm')} 起`}>
          <Typography.Text type={d !== null && d > 5 ? 'warning' : undefined}>{ageText(d)}</Typography.Text>
        </Tooltip>
      ),
    },
  ];
  return (
    <Table<DashRequest>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={[...requests].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt)).slice(0, limit)}
      pagination={false}
      locale={{ emptyText: '没有等待审核的申请' }}
    />
  );
}

export function OpenHandovers({ handovers, limit }: { handovers: DashHandover[]; limit?: number }) {
  const columns: TableColumnsType<DashHandover> = [
    { title: '事项编码', dataIndex: 'itemCode', render: (code: string, h) => <Link to={`/handovers/${h.id}`} className="qd-mono">{code}</Link> },
    { title: '交出单位', dataIndex: 'fromOrgName', width: 190 },
    { title: '承接单位', dataIndex: 'toOrgName', width: 150 },
    { title: '开始', dataIndex: 'createdAt', width: 110, render: (at: string) => dayjs(at).format('YYYY-MM-DD') },
    {
      title: '已进行',
      dataIndex: 'ageWorkingDays',
      width: 150,
      render: (d: number | null, h) => (
        <>
          {ageText(d)}{' '}
          {h.alert && (
            <Tag color="orange" style={{ marginInlineStart: 4 }}>
              超时预警
            </Tag>
          )}
        </>
      ),
    },
  ];
  return (
    <Table<DashHandover>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={limit ? handovers.slice(0, limit) : handovers}
      pagination={false}
      locale={{ emptyText: '没有未完成的交接' }}
      onRow={(h) => ({ style: h.alert ? { background: ROW_TONES.soon } : undefined })}
    />
  );
}
