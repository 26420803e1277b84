import { useMemo, useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Col, Descriptions, Empty, Result, Row, Space, Spin, Tabs, Tag, Timeline, Typography } from 'antd';
import { ArrowRightOutlined, EditOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import dayjs from 'dayjs';
import { ADJUSTMENT_ACTION_LABELS, ADJUSTMENT_STATE_LABELS, isOpen, type AdjustmentAction, type AdjustmentState } from '../../../common/adjustment-states.ts';
import { orgsApi } from '../api.ts';
import { adjustmentsApi, handoversApi, lookupApi, type AdjustmentRequest, type RequestItem, type RequestTransition } from '../adjustmentsApi.ts';
import { beijingDate, foldTimeLimits, reasonLabel } from '../adjustmentFormat.ts';
import { useApiData } from '../useApiData.ts';
import { useAuth } from '../useAuth.ts';
import { errorMessage } from '../formErrors.ts';
import { roleLabel } from '../labels.ts';
import { ActionDialog } from '../components/adjustments/ActionDialog.tsx';
import { ElementDiff } from '../components/adjustments/ElementDiff.tsx';
import { ElementsView } from '../components/adjustments/ElementsView.tsx';
import { AttachmentList } from '../components/adjustments/AttachmentList.tsx';
import { DueTag, KindTag, StateTag } from '../components/adjustments/tags.tsx';

const HISTORY_LABELS: Record<string, string> = { ...ADJUSTMENT_ACTION_LABELS, create: '创建草稿', apply: '生效', submit: '提交' };
const HISTORY_COLORS: Record<string, string> = { return: 'orange', reject: 'red', approve: 'green', apply: 'green', withdraw: 'gray' };

const BUTTON_ORDER: AdjustmentAction[] = ['edit', 'submit', 'start_review', 'approve', 'return', 'reject', 'withdraw'];

/** The version in force now of an item the request produced (power source and codes as applied, not as proposed). */
function EffectiveElements({ code, orgName }: { code: string; orgName: (id: string) => string | undefined }) {
  const item = useApiData(() => lookupApi.item(code), [code]);
  if (item.error) return <Alert type="warning" showIcon title={`无法读取事项 ${code} 的现行要素：${item.error.message}`} />;
  if (!item.data) return <Spin />;
  if (!item.data.current) return <Typography.Text type="secondary">该事项当前不在清单内。</Typography.Text>;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        {item.data.orgName} · 第 {item.data.current.versionNo} 版 · {item.data.current.effectiveFrom ? `${dayjs(item.data.current.effectiveFrom).format('YYYY-MM-DD HH:mm')} 起生效` : ''}
      </Typography.Text>
      <ElementsView elements={item.data.current.elements} orgName={orgName} />
    </Space>
  );
}

function ItemCard({ item, request, orgName }: { item: RequestItem; request: AdjustmentRequest; orgName: (id: string) => string | undefined }) {
  const moved = request.kind === 'delegate' || request.kind === 'entrust';
  const applied = request.state === 'applied';
  const headline = (
    <Space wrap>
      <span>
        {item.seq}. {item.name || '（未命名事项）'}
      </span>
      {item.itemCode && <Typography.Text className="qd-mono" type="secondary">{item.itemCode}</Typography.Text>}
    </Space>
  );
  const result = item.resultCode ? (
    <Alert
      type="success"
      showIcon
      data-testid="result-code"
      title={
        <Space wrap>
          <span>{request.kind === 'cancel' ? '已取消' : moved ? `已由${request.receivingOrgName ?? '承接单位'}实施，新实施编码` : '生效后实施编码'}</span>
          <Typography.Text className="qd-mono" copyable={{ text: item.resultCode }} strong>
            {request.kind === 'cancel' ? item.resultCode : <Link to={`/items/${item.resultCode}`}>{item.resultCode}</Link>}
          </Typography.Text>
        </Space>
      }
    />
  ) : null;

  const tabs = [];
  if (item.elements && !applied) {
    tabs.push({
      key: 'diff',
      label: `要素对比（${item.elements ? foldTimeLimits(item.changes, item.elements).length : item.changes.length} 处变化）`,
      children: (
        <ElementDiff
          changes={item.changes}
          proposed={item.elements}
          orgName={orgName}
          emptyText={moved ? '要素不变，随事项一并移交承接单位' : '与现行版本相比没有要素变化'}
        />
      ),
    });
  }
  if (applied && item.resultCode && request.kind !== 'cancel') {
    tabs.push({ key: 'effective', label: '生效后的现行要素', children: <EffectiveElements code={item.resultCode} orgName={orgName} /> });
  } else if (item.elements) {
    tabs.push({ key: 'elements', label: '拟调整后的全部要素', children: <ElementsView elements={item.elements} orgName={orgName} /> });
  }

  return (
    <Card size="small" title={headline} style={{ marginBottom: 16 }} data-testid={`item-${item.seq}`}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {result}
        {item.problems.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={`拟调整要素有 ${item.problems.length} 处未通过校验，提交前须修改`}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {item.problems.map((p) => (
                  <li key={`${p.path}:${p.message}`}>{p.message}</li>
                ))}
              </ul>
            }
          />
        )}
        {request.kind === 'cancel' && !item.elements && <Typography.Text>申请取消该事项，批准后自生效之日起不再列入清单。</Typography.Text>}
        {applied && item.elements && <Typography.Text type="secondary">申请已生效，生效前后的要素差异可在事项的版本历史中查看。</Typography.Text>}
        {tabs.length > 0 && <Tabs size="small" items={tabs} />}
      </Space>
    </Card>
  );
}

/** What happens next, for whoever looks at an open request (the buttons say what the caller may do). */
function nextStep(r: AdjustmentRequest): string | null {
  const can = (a: AdjustmentAction) => r.allowedActions.includes(a);
  switch (r.state) {
    case 'draft':
      return can('submit') ? '请审核申请内容，确认无误后点击“提交”报政务服务局审核。' : '草稿：待本单位负责人审核提交。经办人可继续修改。';
    case 'submitted':
      return can('start_review') ? '申请已提交，点击“开始审核”受理。' : '已提交，等待政务服务局审核。';
    case 'under_review':
      return can('approve') ? '审核中：可批准、退回修改（须填写意见）或不予调整（须说明理由）。' : '政务服务局审核中。';
    case 'returned':
      return can('submit') ? '经办人修改后，请审核并重新提交。' : can('edit') ? '请按审核意见点击“修改”，修改后由负责人重新提交。' : null;
    default:
      return null;
  }
}

/** An adjustment request: state, decision, due date, the actions the caller may take, history, and each item's element diff. */
export default function AdjustmentDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { me, hasRole } = useAuth();
  const request = useApiData(() => adjustmentsApi.get(id), [id]);
  const orgs = useApiData(() => orgsApi.list(), []);
  const r = request.data;
  const handovers = useApiData(
    () => (r && r.state === 'applied' && ['delegate', 'entrust', 'cancel'].includes(r.kind) ? handoversApi.list().then((hs) => hs.filter((h) => h.requestId === r.id)) : Promise.resolve([])),
    [r?.id, r?.state],
  );
  const [dialog, setDialog] = useState<AdjustmentAction | null>(null);
  const orgNames = useMemo(() => new Map((orgs.data ?? []).map((o) => [o.id, o.nameZh])), [orgs.data]);
  const orgName = (orgId: string) => orgNames.get(orgId);

  if (request.error?.status === 404) {
    return <Result status="404" title="调整申请不存在" subTitle="可能已被删除，或不属于本单位。" extra={<Link to="/adjustments">返回调整申请</Link>} />;
  }
  if (!r) return request.error ? <Alert type="error" showIcon title={request.error.message} /> : <Spin style={{ display: 'block', margin: 48 }} />;

  async function perform(action: AdjustmentAction, opinion: string) {
    try {
      const updated = await adjustmentsApi.act(id, action as RequestTransition, opinion);
      request.setData(updated);
      setDialog(null);
      message.success(`${HISTORY_LABELS[action]}：${updated.stateLabel}${updated.decisionNumber && action === 'approve' ? `，${updated.decisionNumber}` : ''}`);
    } catch (e) {
      // Someone else acted first (409): show what is possible now.
      if ((e as { status?: number }).status === 409) {
        setDialog(null);
        message.error(errorMessage(e));
        await request.reload();
        return;
      }
      throw e;
    }
  }

  const today = beijingDate(new Date().toISOString());
  const open = isOpen(r.state);
  const buttons = BUTTON_ORDER.filter((a) => r.allowedActions.includes(a));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/adjustments">调整申请</Link> }, { title: r.title }]} />
      <Card
        title={
          <Space wrap>
            <KindTag kind={r.kind} />
            <span>{r.title}</span>
            <StateTag state={r.state} />
          </Space>
        }
        extra={
          <Space wrap data-testid="request-actions">
            {buttons.map((a) =>
              a === 'edit' ? (
                <Button key={a} icon={<EditOutlined />} onClick={() => navigate(`/adjustments/${r.id}/edit`)}>
                  修改
                </Button>
              ) : (
                <Button
                  key={a}
                  type={a === 'approve' || a === 'submit' || a === 'start_review' ? 'primary' : 'default'}
                  danger={a === 'reject' || a === 'withdraw'}
                  onClick={() => setDialog(a)}
                >
                  {a === 'submit' ? '提交' : ADJUSTMENT_ACTION_LABELS[a]}
                </Button>
              ),
            )}
          </Space>
        }
      >
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'org', label: '申请单位', children: r.orgName },
            { key: 'state', label: '状态', children: <StateTag state={r.state} /> },
            { key: 'decision', label: '调整决定文号', children: r.decisionNumber ? <Typography.Text strong data-testid="decision-number">{r.decisionNumber}</Typography.Text> : '—' },
            { key: 'reason', label: '调整理由', children: `${reasonLabel(r.kind, r.reasonCode)}${r.reasonText ? `：${r.reasonText}` : ''}`, span: 2 },
            {
              key: 'due',
              label: '办结期限',
              children: r.dueOn ? <DueTag dueOn={r.dueOn} overdue={open && r.dueOn < today} status={open ? 'open' : undefined} /> : '—（未关联调整事由）',
            },
            ...(r.receivingOrgName
              ? [{ key: 'recv', label: r.kind === 'entrust' ? '受委托单位' : '承接单位', children: <Space><span>{r.orgName}</span><ArrowRightOutlined /><strong>{r.receivingOrgName}</strong></Space> }]
              : []),
            {
              key: 'eff',
              label: '生效时间',
              children: r.effectiveFrom ? `${beijingDate(r.effectiveFrom)} 起` : r.appliedAt ? `${dayjs(r.appliedAt).format('YYYY-MM-DD HH:mm')}（批准即生效）` : '批准后立即生效',
            },
            ...(r.approvedAt ? [{ key: 'approved', label: '批准时间', children: dayjs(r.approvedAt).format('YYYY-MM-DD HH:mm') }] : []),
            {
              key: 'triggers',
              label: '调整事由',
              span: 3,
              children: r.triggers.length ? (
                <Space wrap>
                  {r.triggers.map((t) => (
                    <Link key={t.id} to={`/triggers/${t.id}`}>
                      <Tag color="blue">
                        {t.title}（期限 {t.dueOn}）
                      </Tag>
                    </Link>
                  ))}
                </Space>
              ) : (
                '—'
              ),
            },
          ]}
        />
        {nextStep(r) && <Alert style={{ marginTop: 16 }} type="info" showIcon title={nextStep(r)} data-testid="next-step" />}
        {r.state === 'returned' && (
          <Alert
            style={{ marginTop: 16 }}
            type="warning"
            showIcon
            title="申请被退回修改"
            description={[...r.actions].reverse().find((a) => a.action === 'return')?.opinion ?? undefined}
          />
        )}
        {r.state === 'approved' && r.effectiveFrom && (
          <Alert style={{ marginTop: 16 }} type="info" showIcon title={`已批准，将于 ${beijingDate(r.effectiveFrom)} 自动生效`} />
        )}
        {(handovers.data ?? []).length > 0 && (
          <Alert
            style={{ marginTop: 16 }}
            type="info"
            showIcon
            title="已生成交接任务（指导与培训）"
            description={
              <Space wrap>
                {(handovers.data ?? []).map((h) => (
                  <Link key={h.id} to={`/handovers/${h.id}`}>
                    {h.fromOrgName} → {h.toOrgName}（{h.status === 'open' ? '进行中' : '已完成'}）
                  </Link>
                ))}
              </Space>
            }
          />
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={`拟调整事项（${r.items.length} 项）`}>
            {r.items.length === 0 ? <Empty /> : r.items.map((item) => <ItemCard key={item.seq} item={item} request={r} orgName={orgName} />)}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title="办理记录" data-testid="history">
            <Timeline
              items={r.actions.map((a) => ({
                key: a.seq,
                color: HISTORY_COLORS[a.action] ?? 'blue',
                content: (
                  <Space orientation="vertical" size={0} style={{ width: '100%' }}>
                    <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
                      <span>
                        <strong>{HISTORY_LABELS[a.action] ?? a.action}</strong>
                        <Typography.Text type="secondary"> → {ADJUSTMENT_STATE_LABELS[a.toState as AdjustmentState] ?? a.toState}</Typography.Text>
                      </span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {dayjs(a.at).format('YYYY-MM-DD HH:mm')}
                      </Typography.Text>
                    </Space>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {a.actorName ?? '系统'}
                      {a.role ? `（${roleLabel(a.role)}${a.orgId && orgName(a.orgId) ? `，${orgName(a.orgId)}` : ''}）` : ''}
                    </Typography.Text>
                    {a.opinion && <Typography.Paragraph style={{ margin: '4px 0 0', background: '#fafafa', padding: '4px 8px', borderRadius: 4 }}>意见：{a.opinion}</Typography.Paragraph>}
                  </Space>
                ),
              }))}
            />
          </Card>
          <div style={{ marginTop: 16 }}>
            <AttachmentList
              owner="adjustment"
              ownerId={r.id}
              what="法律文本、决定文件"
              initial={r.attachments}
              canEdit={open && me?.orgId === r.orgId && hasRole('dept_editor', 'dept_leader')}
              readOnlyHint={open ? '由申请单位经办人或负责人上传。' : '申请已办结，附件不再增删。'}
            />
          </div>
        </Col>
      </Row>
      <ActionDialog action={dialog} onCancel={() => setDialog(null)} onConfirm={perform} />
    </Space>
  );
}
