// 社会监督: public feedback on items and publications, with answer deadlines in working days.
// The sender's contact is shown only inside the answer dialog, never in the table, so it never leaves with a list.
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import { useApiData } from '../useApiData.ts';
import { useAuth } from '../useAuth.ts';
import { errorMessage } from '../formErrors.ts';
import { feedbackApi, type FeedbackStatus, type StaffFeedback } from '../publicationsApi.ts';

const CATEGORY_COLORS: Record<string, string> = { guide_error: 'orange', missing_item: 'blue', illegal_requirement: 'red', suggestion: 'default' };

function StatusTag({ f }: { f: StaffFeedback }) {
  if (f.answeredAt) return <Tag color="success">已答复</Tag>;
  if (f.overdue) return <Tag color="error">超期未答复</Tag>;
  return <Tag color="processing">待答复</Tag>;
}

function Target({ f }: { f: StaffFeedback }) {
  if (f.target.kind === 'item') {
    return (
      <Space orientation="vertical" size={0}>
        <Link to={`/items/${f.target.ref}`}>{f.target.name || f.target.ref}</Link>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {f.orgName}
        </Typography.Text>
      </Space>
    );
  }
  return (
    <a href={`/publications/${encodeURIComponent(f.target.ref)}`} target="_blank" rel="noreferrer">
      清单 {f.target.ref}
    </a>
  );
}

const isStatus = (s: string | null): s is FeedbackStatus => s === 'open' || s === 'answered' || s === 'overdue';

export default function FeedbackPage() {
  const { me, hasRole } = useAuth();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const list = useApiData(() => feedbackApi.list(status), [status]);
  const [current, setCurrent] = useState<StaffFeedback | null>(null);
  const [answer, setAnswer] = useState('');
  const [answerError, setAnswerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const bureau = hasRole('bureau_admin', 'bureau_reviewer');
  const canAnswer = (f: StaffFeedback) => !f.answeredAt && (bureau || (me?.orgId === f.orgId && hasRole('dept_editor', 'dept_leader')));

  function open(f: StaffFeedback) {
    setCurrent(f);
    setAnswer('');
    setAnswerError(null);
  }

  async function save() {
    if (!current) return;
    if (!answer.trim()) {
      setAnswerError('请填写答复内容');
      return;
    }
    setSaving(true);
    try {
      await feedbackApi.answer(current.id, answer.trim());
      message.success('已答复，答复将在门户网站公开');
      setCurrent(null);
      await list.reload();
    } catch (e) {
      setAnswerError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  const columns: TableColumnsType<StaffFeedback> = [
    { title: '类别', dataIndex: 'categoryLabel', width: 130, render: (label: string, f) => <Tag color={CATEGORY_COLORS[f.category]}>{label}</Tag> },
    { title: '对象', key: 'target', width: 220, render: (_, f) => <Target f={f} /> },
    {
      title: '意见内容',
      dataIndex: 'text',
      render: (text: string) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: text }} style={{ margin: 0 }}>
          {text}
        </Typography.Paragraph>
      ),
    },
    { title: '提交日期', dataIndex: 'submittedOn', width: 110, sorter: (a, b) => a.submittedOn.localeCompare(b.submittedOn) },
    {
      title: '答复期限',
      dataIndex: 'dueOn',
      width: 110,
      sorter: (a, b) => a.dueOn.localeCompare(b.dueOn),
      render: (due: string, f) => (f.overdue ? <Typography.Text type="danger" strong>{due}</Typography.Text> : due),
    },
    { title: '状态', key: 'status', width: 110, render: (_, f) => <StatusTag f={f} /> },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_, f) => (
        <Button size="small" type={canAnswer(f) ? 'primary' : 'default'} onClick={() => open(f)}>
          {canAnswer(f) ? '答复' : '查看'}
        </Button>
      ),
    },
  ];

  const c = current?.contact;
  const hasContact = Boolean(c && (c.name || c.phone || c.email));

  return (
    <Card
      title="社会监督"
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void list.reload()} loading={list.loading}>
          刷新
        </Button>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          <Segmented
            aria-label="状态"
            value={status ?? 'all'}
            options={[
              { value: 'all', label: '全部' },
              { value: 'open', label: '待答复' },
              { value: 'overdue', label: '超期' },
              { value: 'answered', label: '已答复' },
            ]}
            onChange={(v) => setParams(v === 'all' ? {} : { status: String(v) }, { replace: true })}
          />
          <Typography.Text type="secondary">群众在门户网站提交的意见，须在期限内答复；答复公开，联系方式不公开。</Typography.Text>
        </Space>
        {list.error && <Alert type="error" showIcon title={list.error.message} />}
        <Table<StaffFeedback>
          rowKey="id"
          columns={columns}
          dataSource={list.data ?? []}
          loading={list.loading}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: status === 'overdue' ? '没有超期未答复的意见' : '暂无意见' }}
        />
      </Space>
      <Modal
        open={current !== null}
        title={current && canAnswer(current) ? '答复意见' : '意见详情'}
        okText="提交答复"
        cancelText={current && canAnswer(current) ? '取消' : '关闭'}
        okButtonProps={{ style: current && canAnswer(current) ? undefined : { display: 'none' } }}
        confirmLoading={saving}
        onOk={() => void save()}
        onCancel={() => setCurrent(null)}
        width={640}
      >
        {current && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Descriptions
              size="small"
              bordered
              column={1}
              items={[
                { key: 'cat', label: '类别', children: current.categoryLabel },
                { key: 'target', label: '对象', children: <Target f={current} /> },
                { key: 'text', label: '意见内容', children: <span style={{ whiteSpace: 'pre-wrap' }}>{current.text}</span> },
                { key: 'dates', label: '提交 / 期限', children: <span>{current.submittedOn} / {current.overdue ? <Typography.Text type="danger">{current.dueOn}（已超期）</Typography.Text> : current.dueOn}</span> },
                {
                  key: 'contact',
                  label: '联系方式（不公开）',
                  children: hasContact ? [c?.name, c?.phone, c?.email].filter(Boolean).join('，') : <Typography.Text type="secondary">未留联系方式</Typography.Text>,
                },
                ...(current.answer
                  ? [{ key: 'answer', label: '答复', children: <span style={{ whiteSpace: 'pre-wrap' }}>{current.answer}（{current.answeredBy ?? ''} {current.answeredAt ? dayjs(current.answeredAt).format('YYYY-MM-DD HH:mm') : ''}）</span> }]
                  : []),
              ]}
            />
            {canAnswer(current) && (
              <>
                <Input.TextArea aria-label="答复内容" rows={5} maxLength={4000} showCount value={answer} onChange={(e) => setAnswer(e.target.value)} placeholder="答复将在门户网站公开，请勿填写个人信息" />
                {answerError && <Alert type="error" showIcon title={answerError} />}
              </>
            )}
            {!canAnswer(current) && !current.answeredAt && <Typography.Text type="secondary">由{current.orgName || '责任单位'}的经办人、负责人或政务服务局答复。</Typography.Text>}
          </Space>
        )}
      </Modal>
    </Card>
  );
}
