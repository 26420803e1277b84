// 报备: report packages to the city bureau, newest first; a package is generated from one publication.
import { useState } from 'react';
import { Alert, App, Button, Card, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { FileAddOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import dayjs from 'dayjs';
import { useApiData } from '../useApiData.ts';
import { useAuth } from '../useAuth.ts';
import { errorMessage } from '../formErrors.ts';
import { publicationsApi, REPORT_STATE_TAGS, reportsApi, type Report, type ReportState } from '../publicationsApi.ts';

function ReportStateTag({ state }: { state: ReportState }) {
  const t = REPORT_STATE_TAGS[state] ?? { label: state, color: 'default' };
  return <Tag color={t.color}>{t.label}</Tag>;
}

const at = (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—');

export default function ReportsPage() {
  const { hasRole } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const canWork = hasRole('bureau_admin', 'bureau_reviewer');
  const list = useApiData(() => reportsApi.list(), []);
  const [open, setOpen] = useState(false);
  const publications = useApiData(() => (open ? publicationsApi.list() : Promise.resolve(undefined)), [open]);
  const [number, setNumber] = useState<string>();
  const [preparing, setPreparing] = useState(false);
  const reported = new Set((list.data ?? []).map((r) => r.publicationNumber));

  async function prepare() {
    if (!number) return;
    setPreparing(true);
    try {
      const r = await reportsApi.prepare(number);
      message.success(`已生成 ${r.publicationNumber} 的报备材料`);
      setOpen(false);
      navigate(`/reports/${r.id}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setPreparing(false);
    }
  }

  const columns: TableColumnsType<Report> = [
    { title: '清单期号', dataIndex: 'publicationNumber', render: (n: string, r) => <Link to={`/reports/${r.id}`}>{n}</Link> },
    { title: '状态', dataIndex: 'state', width: 130, render: (s: ReportState) => <ReportStateTag state={s} /> },
    { title: '报送至', dataIndex: 'recipient', width: 220 },
    { title: '生成时间', dataIndex: 'preparedAt', width: 150, render: at },
    { title: '报送时间', dataIndex: 'sentAt', width: 150, render: at },
    {
      title: '报送失败',
      key: 'failures',
      width: 220,
      render: (_, r) =>
        r.lastError ? (
          <Typography.Text type="danger" ellipsis={{ tooltip: r.lastError }} style={{ maxWidth: 200 }}>
            {r.attempts} 次：{r.lastError}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
  ];

  const options = (publications.data ?? []).map((p) => ({
    value: p.number,
    label: `${p.number}（${dayjs(p.publishedAt).format('YYYY-MM-DD')}，${p.itemCount} 项）${reported.has(p.number) ? ' · 已生成' : ''}`,
    disabled: reported.has(p.number),
  }));

  return (
    <Card
      title="报备"
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void list.reload()} loading={list.loading}>
            刷新
          </Button>
          {canWork && (
            <Button
              type="primary"
              icon={<FileAddOutlined />}
              onClick={() => {
                setNumber(undefined);
                setOpen(true);
              }}
            >
              生成报备材料
            </Button>
          )}
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">每期公布的清单生成一份报备材料（盖章 JSON、表格、盖章报备函），报送市政务服务局并记录其确认或意见。</Typography.Text>
        {list.error && <Alert type="error" showIcon title={list.error.message} />}
        <Table<Report>
          rowKey="id"
          columns={columns}
          dataSource={list.data ?? []}
          loading={list.loading}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '暂无报备记录' }}
        />
      </Space>
      <Modal
        open={open}
        title="生成报备材料"
        okText="生成"
        cancelText="取消"
        okButtonProps={{ disabled: !number }}
        confirmLoading={preparing}
        onOk={() => void prepare()}
        onCancel={() => setOpen(false)}
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>选择要报备的一期清单：</Typography.Text>
          {publications.error && <Alert type="error" showIcon title={publications.error.message} />}
          <Select
            aria-label="清单期号"
            style={{ width: '100%' }}
            placeholder="选择清单期号"
            loading={publications.loading}
            value={number}
            options={options}
            onChange={(v: string) => setNumber(v)}
            notFoundContent="尚未公布清单"
          />
        </Space>
      </Modal>
    </Card>
  );
}
