import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert, App, Breadcrumb, Button, Card, Col, Collapse, DatePicker, Descriptions, Drawer, Empty, Form, Input, Radio, Result, Row, Select, Space, Spin, Steps, Switch, Table,
  Tag, Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckOutlined, DeleteOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import { ADJUSTMENT_KIND_LABELS, ADJUSTMENT_KINDS, type AdjustmentKind } from '../../../common/adjustment-states.ts';
import { diffElements } from '../../../common/item-diff.ts';
import { itemProblems, type ItemElements } from '../../../common/item-elements.ts';
import { orgsApi, type Org } from '../api.ts';
import { adjustmentsApi, attachmentsApi, lookupApi, triggersApi, type AdjustmentRequest } from '../adjustmentsApi.ts';
import type { CatalogueListEntry, ItemListEntry } from '../itemsApi.ts';
import {
  beijingDate, defaultLocalElements, editsElements, foldTimeLimits, newClientTxId, reasonLabel, reasonOptions, receivingOrg, requestInputOf, suggestedTitle,
  type WizardBasics, type WizardItem,
} from '../adjustmentFormat.ts';
import { useApiData } from '../useApiData.ts';
import { useAuth } from '../useAuth.ts';
import { applyApiError, errorMessage } from '../formErrors.ts';
import { ElementEditor } from '../components/adjustments/ElementEditor.tsx';
// The item editor's full element form (shared with 事项清单), for the elements the compact form leaves out.
import { ItemElementsEditor } from '../components/item-editor/ElementsEditor.tsx';
import { ElementDiff } from '../components/adjustments/ElementDiff.tsx';
import { AttachmentList, PendingAttachments } from '../components/adjustments/AttachmentList.tsx';
import { orgOptions } from '../components/adjustments/TriggerFormModal.tsx';
import { KindTag } from '../components/adjustments/tags.tsx';

interface BasicsForm {
  kind: AdjustmentKind;
  reasonCode: string;
  reasonText?: string;
  title: string;
  triggerIds?: string[];
  receivingOrgId?: string;
  effectiveMode: 'approval' | 'date';
  effectiveDate?: Dayjs | null;
}

const KIND_HINTS: Record<AdjustmentKind, string> = {
  add: '本单位新增实施基本目录中的事项（如承接上级下放的事项）。',
  cancel: '本单位不再实施的事项，批准后自生效之日起移出清单。',
  delegate: '将本单位事项下放至苏木镇或其他单位实施，批准后生成新的实施编码并启动交接。',
  entrust: '委托其他单位以本单位名义实施，批准后生成新的实施编码并启动交接。',
  change: '保留事项、调整要素（办事指南、材料、时限、网办等），批准后生效新版本。',
};

const STEP_FIELDS = ['kind', 'reasonCode', 'reasonText', 'title', 'triggerIds', 'receivingOrgId', 'effectiveDate'];

function problemsOf(elements: ItemElements | null) {
  return elements ? itemProblems(elements) : [];
}

/** Step 2: find the org's effective items (or catalogue items for add) and choose them. */
function ItemChooser({ kind, orgId, chosen, onAdd, onRemove }: { kind: AdjustmentKind; orgId: string; chosen: WizardItem[]; onAdd: (row: ItemListEntry | CatalogueListEntry) => void; onRemove: (key: string) => void }) {
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const add = kind === 'add';
  const results = useApiData<Array<ItemListEntry | CatalogueListEntry>>(
    () => (add ? lookupApi.catalogue({ q: search || undefined, limit: 20 }).then((r) => r.items) : lookupApi.items({ org: orgId, q: search || undefined, limit: 20 }).then((r) => r.items)),
    [add, orgId, search],
  );
  const chosenKeys = new Set(chosen.map((c) => c.key));
  const keyOf = (row: ItemListEntry | CatalogueListEntry) => ('implementationCode' in row ? row.implementationCode : row.id);
  const columns: TableColumnsType<ItemListEntry | CatalogueListEntry> = [
    { title: '事项名称', dataIndex: 'name' },
    {
      title: add ? '基本编码' : '实施编码',
      key: 'code',
      width: 290,
      render: (_, row) => <span className="qd-mono">{'implementationCode' in row ? row.implementationCode : row.basicCode}</span>,
    },
    { title: '类型', key: 'type', width: 110, render: (_, row) => ('typeLabel' in row ? row.typeLabel : row.type) },
    {
      title: '',
      key: 'pick',
      width: 90,
      render: (_, row) =>
        chosenKeys.has(keyOf(row)) ? (
          <Tag icon={<CheckOutlined />} color="success">
            已选
          </Tag>
        ) : (
          <Button size="small" icon={<PlusOutlined />} onClick={() => onAdd(row)}>
            选择
          </Button>
        ),
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={`已选事项（${chosen.length}）`}>
        {chosen.length === 0 ? (
          <Typography.Text type="secondary">尚未选择事项。一个申请可包含多个事项（如同一部法规涉及的全部事项）。</Typography.Text>
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }} data-testid="chosen-items">
            {chosen.map((c) => (
              <Space key={c.key} style={{ width: '100%', justifyContent: 'space-between' }}>
                <Space>
                  <strong>{c.name}</strong>
                  <Typography.Text className="qd-mono" type="secondary">
                    {c.itemCode ?? ''}
                  </Typography.Text>
                  {!c.elements && kind !== 'cancel' && <Spin size="small" />}
                </Space>
                <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => onRemove(c.key)}>
                  移除
                </Button>
              </Space>
            ))}
          </Space>
        )}
      </Card>
      <Input.Search
        aria-label={add ? '搜索基本目录' : '搜索本单位事项'}
        placeholder={add ? '输入事项名称搜索基本目录' : '输入事项名称或关键词，搜索本单位现行清单'}
        enterButton={<SearchOutlined />}
        allowClear
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(v) => setSearch(v.trim())}
      />
      {results.error && <Alert type="error" showIcon title={results.error.message} />}
      <Table<ItemListEntry | CatalogueListEntry>
        size="small"
        rowKey={keyOf}
        columns={columns}
        dataSource={results.data ?? []}
        loading={results.loading}
        pagination={false}
        locale={{ emptyText: add ? '基本目录中没有找到' : '本单位现行清单中没有找到' }}
      />
    </Space>
  );
}

/** Step 3: one chosen item's proposal, edited inline with live validation and a preview of the diff. */
function ItemProposal({
  kind,
  item,
  index,
  onChange,
  orgName,
  orgs,
}: {
  kind: AdjustmentKind;
  item: WizardItem;
  index: number;
  onChange: (next: WizardItem) => void;
  orgName: (id: string) => string | undefined;
  orgs: Org[];
}) {
  const [fullEditor, setFullEditor] = useState(false);
  const mode = editsElements(kind);
  const problems = useMemo(() => problemsOf(item.elements), [item.elements]);
  const changes = useMemo(() => (item.elements && item.current ? foldTimeLimits(diffElements(item.current, item.elements), item.elements) : []), [item.current, item.elements]);
  if (!item.elements) return <Spin />;
  const editing = mode === 'main' || (mode === 'optional' && item.editElements);
  return (
    <Card
      size="small"
      title={
        <Space>
          <span>
            {index + 1}. {item.name}
          </span>
          {problems.length ? <Tag color="red">{problems.length} 处问题</Tag> : <Tag color="success">校验通过</Tag>}
          {kind !== 'add' && <Tag>{changes.length} 处变化</Tag>}
        </Space>
      }
      extra={
        mode === 'optional' ? (
          <Space>
            {item.editElements && (
              <Button size="small" onClick={() => setFullEditor(true)}>
                编辑全部要素
              </Button>
            )}
            <span>同时调整承接后的要素</span>
            <Switch
              aria-label={`调整${item.name}的要素`}
              checked={item.editElements}
              onChange={(on) => onChange({ ...item, editElements: on, elements: on ? item.elements : item.current })}
            />
          </Space>
        ) : (
          <Button size="small" onClick={() => setFullEditor(true)}>
            编辑全部要素
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
      data-testid={`proposal-${index + 1}`}
    >
      {problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="以下问题须在提交前修改（可先保存草稿）"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {problems.map((p) => (
                <li key={`${p.path}:${p.message}`}>{p.message}</li>
              ))}
            </ul>
          }
        />
      )}
      {editing ? (
        <ElementEditor idPrefix={`item${index + 1}`} value={item.elements} problems={problems} orgName={orgName} onChange={(elements) => onChange({ ...item, elements })} />
      ) : (
        <Typography.Text type="secondary">要素不变，随事项一并移交；承接单位的权力来源将自动更新为“{kind === 'delegate' ? '上级下放' : '上级委托'}”。</Typography.Text>
      )}
      <Drawer
        title={`编辑全部要素 · ${item.name}`}
        size={1180}
        open={fullEditor}
        onClose={() => setFullEditor(false)}
        destroyOnHidden
        extra={
          <Button type="primary" onClick={() => setFullEditor(false)}>
            完成
          </Button>
        }
      >
        {fullEditor && (
          <ItemElementsEditor
            value={item.elements}
            onChange={(elements) => onChange({ ...item, elements })}
            problems={problems}
            identityLocked
            implementationCode={item.itemCode ?? undefined}
            orgs={orgs}
          />
        )}
      </Drawer>
      {kind !== 'add' && changes.length > 0 && (
        <Collapse
          size="small"
          style={{ marginTop: 12 }}
          items={[{ key: 'diff', label: `与现行版本对比（${changes.length} 处变化）`, children: <ElementDiff changes={changes} proposed={item.elements} orgName={orgName} /> }]}
        />
      )}
    </Card>
  );
}

/**
 * 调整申请 wizard: kind and reason → items → proposed elements → review and save as a draft. Also edits a draft or a
 * returned request (/adjustments/:id/edit); the org's leader submits it from the detail page.
 */
export default function AdjustmentWizardPage() {
  const { id } = useParams();
  const editing = id !== undefined;
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { me } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<BasicsForm>();
  const [step, setStep] = useState(0);
  const [items, setItems] = useState<WizardItem[]>([]);
  const [basics, setBasics] = useState<BasicsForm | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [pendingFiles, setPendingFiles] = useState<File[]>([]);
  const clientTxId = useRef(newClientTxId());
  const orgs = useApiData(() => orgsApi.list(), []);
  const triggers = useApiData(() => triggersApi.list({ status: 'open' }), []);
  const existing = useApiData<AdjustmentRequest | null>(() => (id ? adjustmentsApi.get(id) : Promise.resolve(null)), [id]);
  const kind = Form.useWatch('kind', form);
  const reasonCode = Form.useWatch('reasonCode', form);
  const effectiveMode = Form.useWatch('effectiveMode', form);
  const orgNames = useMemo(() => new Map((orgs.data ?? []).map((o) => [o.id, o.nameZh])), [orgs.data]);
  const orgName = (orgId: string) => orgNames.get(orgId);
  const myOrgId = me?.orgId ?? '';

  // Triggers this org still has to resolve (the server accepts only those it is responsible for).
  const myTriggers = useMemo(
    () => (triggers.data ?? []).filter((t) => t.responsible.some((r) => r.orgId === myOrgId && r.resolution === null)),
    [triggers.data, myOrgId],
  );

  // Editing: load the request into the form and the items (with their effective elements, for the diff).
  const loaded = useRef(false);
  useEffect(() => {
    const r = existing.data;
    if (!r || loaded.current) return;
    loaded.current = true;
    form.setFieldsValue({
      kind: r.kind,
      reasonCode: r.reasonCode,
      reasonText: r.reasonText ?? undefined,
      title: r.title,
      triggerIds: r.triggers.map((t) => t.id),
      receivingOrgId: r.receivingOrgId ?? undefined,
      effectiveMode: r.effectiveFrom ? 'date' : 'approval',
      effectiveDate: r.effectiveFrom ? dayjs(beijingDate(r.effectiveFrom)) : null,
    });
    const initial: WizardItem[] = r.items.map((it) => ({
      key: it.itemCode ?? it.catalogueItemId ?? String(it.seq),
      itemCode: it.itemCode,
      catalogueItemId: it.catalogueItemId,
      name: it.name,
      current: null,
      elements: it.elements,
      editElements: it.changes.length > 0,
    }));
    setItems(initial);
    for (const it of initial) {
      if (!it.itemCode) continue;
      void lookupApi
        .item(it.itemCode)
        .then((detail) => setItems((prev) => prev.map((p) => (p.key === it.key ? { ...p, current: detail.current?.elements ?? null, elements: p.elements ?? detail.current?.elements ?? null } : p))))
        .catch(() => undefined);
    }
  }, [existing.data, form]);

  async function addItem(row: ItemListEntry | CatalogueListEntry) {
    const k = form.getFieldValue('kind') as AdjustmentKind;
    if ('implementationCode' in row) {
      const entry: WizardItem = { key: row.implementationCode, itemCode: row.implementationCode, catalogueItemId: null, name: row.name, current: null, elements: null, editElements: false };
      setItems((prev) => [...prev, entry]);
      try {
        const detail = await lookupApi.item(row.implementationCode);
        const current = detail.current?.elements ?? null;
        setItems((prev) => prev.map((p) => (p.key === entry.key ? { ...p, current, elements: k === 'cancel' ? null : current, name: current?.name ?? p.name } : p)));
      } catch (e) {
        message.error(errorMessage(e));
        setItems((prev) => prev.filter((p) => p.key !== entry.key));
      }
    } else {
      const entry: WizardItem = { key: row.id, itemCode: null, catalogueItemId: row.id, name: row.name, current: null, elements: null, editElements: true };
      setItems((prev) => [...prev, entry]);
      try {
        const cat = await lookupApi.catalogueItem(row.id);
        const uniform = cat.current.uniform;
        setItems((prev) => prev.map((p) => (p.key === entry.key ? { ...p, elements: { ...uniform, ...defaultLocalElements(uniform) } } : p)));
      } catch (e) {
        message.error(errorMessage(e));
        setItems((prev) => prev.filter((p) => p.key !== entry.key));
      }
    }
  }

  async function next() {
    setSaveError(null);
    if (step === 0) {
      const v = await form.validateFields();
      // Changing the kind after choosing items would mix item kinds: start the choice again.
      if (basics && basics.kind !== v.kind && !editing) setItems([]);
      setBasics(v);
      setStep(1);
      return;
    }
    if (step === 1) {
      if (items.length === 0) {
        message.warning('请至少选择一个事项');
        return;
      }
      if (kind !== 'cancel' && items.some((i) => !i.elements)) {
        message.info('正在载入事项要素，请稍候');
        return;
      }
      if (!form.getFieldValue('title')) {
        form.setFieldValue('title', suggestedTitle(kind, items, form.getFieldValue('receivingOrgId') ? orgName(form.getFieldValue('receivingOrgId') as string) : undefined));
      }
    }
    setStep(step + 1);
  }

  async function save() {
    const v = { ...(basics ?? {}), ...form.getFieldsValue(true) } as BasicsForm;
    const b: WizardBasics = {
      kind: v.kind,
      reasonCode: v.reasonCode,
      reasonText: v.reasonText,
      title: v.title ?? '',
      triggerIds: v.triggerIds,
      receivingOrgId: v.receivingOrgId,
      effectiveDate: v.effectiveMode === 'date' && v.effectiveDate ? v.effectiveDate.format('YYYY-MM-DD') : null,
    };
    if (!b.title.trim()) {
      form.setFields([{ name: 'title', errors: ['请填写申请标题'] }]);
      setStep(0);
      return;
    }
    setSaving(true);
    setSaveError(null);
    try {
      const saved = editing ? await adjustmentsApi.edit(id, requestInputOf(b, items)) : await adjustmentsApi.file(requestInputOf(b, items, clientTxId.current));
      message.success(editing ? '已保存修改' : '已保存为草稿，请本单位负责人审核后提交');
      // The draft exists now: upload the files chosen on this step against its id (a failure leaves the draft as saved).
      for (const file of pendingFiles) {
        try {
          await attachmentsApi.upload('adjustment', saved.id, file, me?.csrfToken ?? '');
        } catch (e) {
          message.error(`附件“${file.name}”未能上传：${errorMessage(e)}。可在申请详情页重新上传。`);
        }
      }
      setPendingFiles([]);
      navigate(`/adjustments/${saved.id}`, { replace: true });
    } catch (e) {
      const rest = applyApiError(form, e, STEP_FIELDS);
      const fieldErrors = form.getFieldsError().filter((f) => f.errors.length > 0);
      if (fieldErrors.length) setStep(0);
      setSaveError(rest);
    } finally {
      setSaving(false);
    }
  }

  if (editing && existing.error) {
    return existing.error.status === 404 ? (
      <Result status="404" title="调整申请不存在" extra={<Link to="/adjustments">返回调整申请</Link>} />
    ) : (
      <Alert type="error" showIcon title={existing.error.message} />
    );
  }
  if (editing && existing.data && !existing.data.allowedActions.includes('edit')) {
    return (
      <Result
        status="warning"
        title="当前状态不能修改"
        subTitle={`申请处于“${existing.data.stateLabel}”状态，只有草稿或被退回的申请可由本单位经办人修改。`}
        extra={<Link to={`/adjustments/${id}`}>返回申请详情</Link>}
      />
    );
  }
  if (editing && !existing.data) return <Spin style={{ display: 'block', margin: 48 }} />;

  const recv = receivingOrg(kind);
  const values = { ...(basics ?? {}), ...form.getFieldsValue(true) } as BasicsForm;
  const lastReturn = existing.data ? [...existing.data.actions].reverse().find((a) => a.action === 'return') : undefined;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/adjustments">调整申请</Link> },
          ...(editing && existing.data ? [{ title: <Link to={`/adjustments/${id}`}>{existing.data.title}</Link> }, { title: '修改' }] : [{ title: '新建调整申请' }]),
        ]}
      />
      <Card title={editing ? '修改调整申请' : '新建调整申请'}>
        <Steps
          current={step}
          style={{ marginBottom: 24 }}
          items={[{ title: '调整类型与理由' }, { title: '选择事项' }, { title: '拟调整要素' }, { title: '确认并保存' }]}
        />
        {existing.data?.state === 'returned' && lastReturn?.opinion && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="审核意见（退回修改）" description={lastReturn.opinion} />
        )}

        <div style={{ display: step === 0 ? 'block' : 'none' }}>
          <Form<BasicsForm>
            form={form}
            layout="vertical"
            style={{ maxWidth: 820 }}
            initialValues={{ effectiveMode: 'approval', triggerIds: params.get('trigger') ? [params.get('trigger')!] : [] }}
            onValuesChange={(changed: Partial<BasicsForm>) => {
              if ('kind' in changed) form.setFieldsValue({ reasonCode: undefined, reasonText: undefined, receivingOrgId: undefined });
            }}
          >
            <Form.Item name="kind" label="调整类型" rules={[{ required: true, message: '请选择调整类型' }]} extra={kind ? KIND_HINTS[kind] : undefined}>
              <Radio.Group
                disabled={editing}
                optionType="button"
                buttonStyle="solid"
                options={ADJUSTMENT_KINDS.map((k) => ({ value: k, label: ADJUSTMENT_KIND_LABELS[k] }))}
              />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="reasonCode" label="调整理由" rules={[{ required: true, message: '请选择调整理由' }]}>
                  <Select options={reasonOptions(kind)} placeholder={kind ? '选择理由' : '请先选择调整类型'} disabled={!kind} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                {recv !== 'none' && (
                  <Form.Item
                    name="receivingOrgId"
                    label={recv === 'optional' ? '承接单位（选填）' : kind === 'entrust' ? '受委托单位' : '承接单位'}
                    rules={recv === 'required' ? [{ required: true, message: '下放或委托须指定承接单位' }] : []}
                  >
                    <Select options={orgOptions(orgs.data ?? [], myOrgId)} showSearch={{ optionFilterProp: 'label' }} allowClear placeholder="选择承接单位" />
                  </Form.Item>
                )}
              </Col>
            </Row>
            {reasonCode === 'other' && (
              <Form.Item name="reasonText" label="具体理由" rules={[{ required: true, whitespace: true, message: '选择“其他”时须写明理由' }]}>
                <Input.TextArea rows={3} maxLength={2000} showCount />
              </Form.Item>
            )}
            {reasonCode && reasonCode !== 'other' && (
              <Form.Item name="reasonText" label="补充说明（选填）">
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
            )}
            <Form.Item name="title" label="申请标题" rules={[{ max: 300 }]} extra="可留空，选择事项后自动生成">
              <Input placeholder="如：下放“食品经营许可”至嘎鲁图镇" />
            </Form.Item>
            <Form.Item name="triggerIds" label="关联调整事由" extra="因法律法规变化、上级下放等事由调整的，请关联对应事由，申请生效后事由自动办结。">
              <Select
                mode="multiple"
                allowClear
                loading={triggers.loading}
                placeholder={myTriggers.length ? '选择本单位未办结的调整事由' : '本单位暂无未办结的调整事由'}
                options={myTriggers.map((t) => ({ value: t.id, label: `${t.title}（期限 ${t.dueOn}${t.overdue ? '，已超期' : ''}）` }))}
              />
            </Form.Item>
            <Row gutter={16} align="bottom">
              <Col>
                <Form.Item name="effectiveMode" label="生效时间">
                  <Radio.Group
                    options={[
                      { value: 'approval', label: '批准后立即生效' },
                      { value: 'date', label: '指定日期生效' },
                    ]}
                  />
                </Form.Item>
              </Col>
              <Col>
                {effectiveMode === 'date' && (
                  <Form.Item name="effectiveDate" rules={[{ required: true, message: '请选择生效日期' }]}>
                    <DatePicker aria-label="生效日期" disabledDate={(d) => !d.isAfter(dayjs(), 'day')} />
                  </Form.Item>
                )}
              </Col>
            </Row>
          </Form>
        </div>

        {step === 1 && kind && (
          <ItemChooser kind={kind} orgId={myOrgId} chosen={items} onAdd={(row) => void addItem(row)} onRemove={(key) => setItems((prev) => prev.filter((p) => p.key !== key))} />
        )}

        {step === 2 && kind && (
          <div>
            {kind === 'cancel' ? (
              <Alert type="info" showIcon title="取消事项无需编辑要素" description="批准后所选事项自生效之日起移出清单；指定承接单位的，将同时生成交接任务。" />
            ) : (
              items.map((item, index) => (
                <ItemProposal key={item.key} kind={kind} item={item} index={index} orgName={orgName} orgs={orgs.data ?? []} onChange={(nextItem) => setItems((prev) => prev.map((p) => (p.key === item.key ? nextItem : p)))} />
              ))
            )}
          </div>
        )}

        {step === 3 && kind && (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Descriptions
              bordered
              size="small"
              column={2}
              items={[
                { key: 'kind', label: '调整类型', children: <KindTag kind={kind} /> },
                { key: 'reason', label: '调整理由', children: `${reasonLabel(kind, values.reasonCode)}${values.reasonText ? `：${values.reasonText}` : ''}` },
                { key: 'title', label: '申请标题', span: 2, children: values.title || <Typography.Text type="danger">未填写</Typography.Text> },
                ...(recv !== 'none' ? [{ key: 'recv', label: '承接单位', children: values.receivingOrgId ? orgName(values.receivingOrgId) : '—' }] : []),
                {
                  key: 'eff',
                  label: '生效时间',
                  children: values.effectiveMode === 'date' && values.effectiveDate ? `${values.effectiveDate.format('YYYY-MM-DD')} 起` : '批准后立即生效',
                },
                {
                  key: 'triggers',
                  label: '关联调整事由',
                  span: 2,
                  children: (values.triggerIds ?? []).length ? (values.triggerIds ?? []).map((t) => <Tag key={t}>{myTriggers.find((x) => x.id === t)?.title ?? t}</Tag>) : '—',
                },
              ]}
            />
            <Table<WizardItem>
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={items}
              locale={{ emptyText: <Empty description="未选择事项" /> }}
              columns={[
                { title: '事项', dataIndex: 'name' },
                { title: '实施编码', dataIndex: 'itemCode', width: 290, render: (c: string | null) => <span className="qd-mono">{c ?? '批准后生成'}</span> },
                {
                  title: '要素',
                  key: 'el',
                  width: 200,
                  render: (_, it) => {
                    if (kind === 'cancel') return '取消';
                    if (editsElements(kind) === 'optional' && !it.editElements) return '不变';
                    const problems = problemsOf(it.elements);
                    const n = it.current && it.elements ? foldTimeLimits(diffElements(it.current, it.elements), it.elements).length : null;
                    return (
                      <Space size={4}>
                        {n !== null && <Tag>{n} 处变化</Tag>}
                        {problems.length ? <Tag color="red">{problems.length} 处问题</Tag> : <Tag color="success">校验通过</Tag>}
                      </Space>
                    );
                  },
                },
              ]}
            />
            {items.some((it) => problemsOf(it.elements).length > 0) && (
              <Alert type="warning" showIcon title="部分事项的要素未通过校验：可以先保存草稿，但修改完成前负责人无法提交。" />
            )}
            {editing ? (
              <AttachmentList owner="adjustment" ownerId={id} what="法律文本、上级决定等" canEdit bare />
            ) : (
              <PendingAttachments value={pendingFiles} onChange={setPendingFiles} what="法律文本、上级决定等" />
            )}
            <Typography.Text type="secondary">保存后为草稿，由本单位负责人在申请详情页审核并提交至政务服务局。</Typography.Text>
          </Space>
        )}

        {saveError && <Alert type="error" showIcon title={saveError} style={{ marginTop: 16 }} />}
        <Space style={{ marginTop: 24 }}>
          {step > 0 && <Button onClick={() => setStep(step - 1)}>上一步</Button>}
          {step < 3 && (
            <Button type="primary" onClick={() => void next().catch(() => undefined)}>
              下一步
            </Button>
          )}
          {step === 3 && (
            <Button type="primary" loading={saving} onClick={() => void save()}>
              {editing ? '保存修改' : '保存草稿'}
            </Button>
          )}
          <Link to={editing ? `/adjustments/${id}` : '/adjustments'}>
            <Button type="text">取消</Button>
          </Link>
        </Space>
      </Card>
    </Space>
  );
}
