import type { ReactNode } from 'react';
import { AutoComplete, Button, Col, Collapse, Form, Input, InputNumber, Row, Select, Space, Switch, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { CASE_KINDS, MATERIAL_KINDS, MATERIAL_REQUIRED, MATERIAL_SOURCES, ONLINE_DEPTHS, TIME_UNITS } from '../../../../common/dictionaries.ts';
import type { ItemElements, Material, ProcessStep, Problem, TimeLimit } from '../../../../common/item-elements.ts';
import { problemsByElement, timeLimitText } from '../../adjustmentFormat.ts';
import { ElementsView } from './ElementsView.tsx';

type Fee = ItemElements['fees'][number];

/** The elements this editor changes; the rest are shown read-only below it. */
export const EDITED_ELEMENTS = [
  'promisedTimeLimit', 'caseKind', 'materials', 'process', 'onlineDepth', 'onlineGuideUrl', 'visitsRequired', 'fees',
  'place', 'hours', 'consultPhone', 'complaintPhone',
] as const;

const UNIT_OPTIONS = Object.entries(TIME_UNITS).map(([value, label]) => ({ value, label: label.replace(/^个/, '') }));
const codeOptions = (labels: Readonly<Record<number, string>>) => Object.entries(labels).map(([value, label]) => ({ value: Number(value), label }));

function TimeLimitInput({ value, onChange, id, status }: { value: TimeLimit | null | undefined; onChange: (v: TimeLimit | null) => void; id?: string; status?: 'error' }) {
  return (
    <Space.Compact>
      <InputNumber
        id={id}
        aria-label="时限数量"
        min={0}
        max={3650}
        precision={0}
        status={status}
        value={value?.amount ?? null}
        placeholder="数量"
        onChange={(amount) => onChange(amount === null ? null : { ...(value ?? { unit: 'workday' }), amount })}
        style={{ width: 90 }}
      />
      <Select
        aria-label="时限单位"
        value={value?.unit ?? 'workday'}
        options={UNIT_OPTIONS}
        onChange={(unit: TimeLimit['unit']) => onChange({ ...(value ?? { amount: 0 }), unit })}
        style={{ width: 96 }}
      />
    </Space.Compact>
  );
}

function Section({ title, extra, messages, children }: { title: string; extra?: ReactNode; messages?: string[]; children: ReactNode }) {
  return (
    <div style={{ marginBottom: 16 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Text strong>{title}</Typography.Text>
        {extra}
      </Space>
      {children}
      {messages && messages.length > 0 && (
        <Typography.Paragraph type="danger" style={{ margin: '4px 0 0' }}>
          {messages.join('；')}
        </Typography.Paragraph>
      )}
    </div>
  );
}

export interface ElementEditorProps {
  value: ItemElements;
  onChange: (next: ItemElements) => void;
  /** Live validation (itemProblems) of `value`. */
  problems: Problem[];
  orgName?: (id: string) => string | undefined;
  /** Prefix of the inputs' ids, unique per item on the page. */
  idPrefix: string;
}

/**
 * A compact editor of the elements a change usually touches — time limit, materials, process, online service, fees,
 * place and phones — with every rule of itemProblems shown live; the other elements are listed read-only.
 */
export function ElementEditor({ value, onChange, problems, orgName, idPrefix }: ElementEditorProps) {
  const byElement = problemsByElement(problems);
  const paths = new Set(problems.map((p) => p.path));
  const set = <K extends keyof ItemElements>(key: K, v: ItemElements[K]) => onChange({ ...value, [key]: v });
  const err = (path: string): 'error' | undefined => (paths.has(path) ? 'error' : undefined);
  const help = (key: string) => {
    const m = byElement.get(key);
    return m?.length ? m.join('；') : undefined;
  };
  const fid = (name: string) => `${idPrefix}-${name}`;

  const setMaterial = (i: number, patch: Partial<Material>) => set('materials', value.materials.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const setStep = (i: number, patch: Partial<ProcessStep>) => set('process', value.process.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const setFee = (i: number, patch: Partial<Fee>) => set('fees', value.fees.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  const rowKey = (_: unknown, i?: number) => String(i);

  const materialColumns: TableColumnsType<Material> = [
    {
      title: '材料名称',
      render: (_, m, i) => <Input aria-label={`材料${i + 1}名称`} value={m.name} status={err(`materials.${i}.name`)} onChange={(e) => setMaterial(i, { name: e.target.value })} />,
    },
    {
      title: '形式',
      width: 100,
      render: (_, m, i) => <Select aria-label={`材料${i + 1}形式`} value={m.kind} options={MATERIAL_KINDS.map((k) => ({ value: k, label: k }))} onChange={(kind: Material['kind']) => setMaterial(i, { kind })} style={{ width: '100%' }} />,
    },
    {
      title: '份数',
      width: 80,
      render: (_, m, i) => <InputNumber aria-label={`材料${i + 1}份数`} min={0} max={99} precision={0} value={m.copies} onChange={(copies) => setMaterial(i, { copies: copies ?? 0 })} style={{ width: '100%' }} />,
    },
    {
      title: '必要性',
      width: 100,
      render: (_, m, i) => <Select aria-label={`材料${i + 1}必要性`} value={m.required} options={MATERIAL_REQUIRED.map((k) => ({ value: k, label: k }))} onChange={(required: Material['required']) => setMaterial(i, { required })} style={{ width: '100%' }} />,
    },
    {
      title: '来源',
      width: 150,
      render: (_, m, i) => (
        <AutoComplete aria-label={`材料${i + 1}来源`} value={m.source} status={err(`materials.${i}.source`)} options={MATERIAL_SOURCES.map((k) => ({ value: k }))} onChange={(source: string) => setMaterial(i, { source })} style={{ width: '100%' }} />
      ),
    },
    {
      title: '',
      width: 48,
      render: (_, _m, i) => <Button type="text" danger aria-label={`删除材料${i + 1}`} icon={<DeleteOutlined />} onClick={() => set('materials', value.materials.filter((_x, j) => j !== i))} />,
    },
  ];

  const stepColumns: TableColumnsType<ProcessStep> = [
    { title: '环节', render: (_, s, i) => <Input aria-label={`环节${i + 1}名称`} value={s.name} status={err(`process.${i}.name`)} onChange={(e) => setStep(i, { name: e.target.value })} /> },
    { title: '办理人员', width: 180, render: (_, s, i) => <Input aria-label={`环节${i + 1}办理人员`} value={s.actor} status={err(`process.${i}.actor`)} onChange={(e) => setStep(i, { actor: e.target.value })} /> },
    { title: '环节时限', width: 200, render: (_, s, i) => <TimeLimitInput value={s.timeLimit} onChange={(timeLimit) => setStep(i, { timeLimit })} /> },
    {
      title: '',
      width: 48,
      render: (_, _s, i) => <Button type="text" danger aria-label={`删除环节${i + 1}`} icon={<DeleteOutlined />} onClick={() => set('process', value.process.filter((_x, j) => j !== i))} />,
    },
  ];

  const feeColumns: TableColumnsType<Fee> = [
    { title: '收费项目', render: (_, f, i) => <Input aria-label={`收费${i + 1}名称`} value={f.name} status={err(`fees.${i}`)} onChange={(e) => setFee(i, { name: e.target.value })} /> },
    { title: '收费标准', render: (_, f, i) => <Input aria-label={`收费${i + 1}标准`} value={f.standard} status={err(`fees.${i}`)} onChange={(e) => setFee(i, { standard: e.target.value })} /> },
    { title: '收费依据', render: (_, f, i) => <Input aria-label={`收费${i + 1}依据`} value={f.basis} status={err(`fees.${i}`)} onChange={(e) => setFee(i, { basis: e.target.value })} /> },
    {
      title: '',
      width: 48,
      render: (_, _f, i) => <Button type="text" danger aria-label={`删除收费${i + 1}`} icon={<DeleteOutlined />} onClick={() => set('fees', value.fees.filter((_x, j) => j !== i))} />,
    },
  ];

  return (
    <Form layout="vertical" component="div" data-testid={`${idPrefix}-editor`}>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label="承诺办结时限" htmlFor={fid('promised')} validateStatus={help('promisedTimeLimit') ? 'error' : undefined} help={help('promisedTimeLimit')} extra={`法定办结时限：${timeLimitText(value.statutoryTimeLimit)}`}>
            <TimeLimitInput id={fid('promised')} value={value.promisedTimeLimit} status={help('promisedTimeLimit') ? 'error' : undefined} onChange={(v) => set('promisedTimeLimit', v ?? { amount: 0, unit: 'workday' })} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="办件类型" htmlFor={fid('caseKind')} validateStatus={help('caseKind') ? 'error' : undefined} help={help('caseKind')}>
            <Select id={fid('caseKind')} value={value.caseKind} options={codeOptions(CASE_KINDS)} onChange={(v: number) => set('caseKind', v)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="到现场次数" htmlFor={fid('visits')}>
            <InputNumber id={fid('visits')} min={0} max={9} precision={0} value={value.visitsRequired} onChange={(v) => set('visitsRequired', v ?? 0)} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>

      <Section
        title={`申请材料（${value.materials.length} 项）`}
        messages={byElement.get('materials')}
        extra={
          <Button size="small" icon={<PlusOutlined />} onClick={() => set('materials', [...value.materials, { name: '', kind: '原件', copies: 1, required: '必要', source: '申请人自备' }])}>
            添加材料
          </Button>
        }
      >
        <Table<Material> size="small" rowKey={rowKey} columns={materialColumns} dataSource={value.materials} pagination={false} locale={{ emptyText: '无需提交材料' }} />
      </Section>

      <Section
        title={`办理流程（${value.process.length} 个环节）`}
        messages={byElement.get('process')}
        extra={
          <Button size="small" icon={<PlusOutlined />} onClick={() => set('process', [...value.process, { name: '', actor: '' }])}>
            添加环节
          </Button>
        }
      >
        <Table<ProcessStep> size="small" rowKey={rowKey} columns={stepColumns} dataSource={value.process} pagination={false} />
      </Section>

      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label="网上办理深度" htmlFor={fid('onlineDepth')}>
            <Select id={fid('onlineDepth')} value={value.onlineDepth} options={codeOptions(ONLINE_DEPTHS)} onChange={(v: number) => set('onlineDepth', v)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item label="网上办事指引链接" htmlFor={fid('guide')} validateStatus={help('onlineGuideUrl') ? 'error' : undefined} help={help('onlineGuideUrl')}>
            <Input id={fid('guide')} value={value.onlineGuideUrl ?? ''} placeholder="https://" onChange={(e) => set('onlineGuideUrl', e.target.value.trim() ? e.target.value : undefined)} />
          </Form.Item>
        </Col>
      </Row>

      <Section
        title={value.fees.length ? `收费（${value.fees.length} 项）` : '收费（不收费）'}
        messages={byElement.get('fees')}
        extra={
          <Button size="small" icon={<PlusOutlined />} onClick={() => set('fees', [...value.fees, { name: '', standard: '', basis: '' }])}>
            添加收费项目
          </Button>
        }
      >
        {value.fees.length > 0 && <Table<Fee> size="small" rowKey={rowKey} columns={feeColumns} dataSource={value.fees} pagination={false} />}
      </Section>

      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label="办理地点" htmlFor={fid('place')} validateStatus={help('place') ? 'error' : undefined} help={help('place')}>
            <Input id={fid('place')} value={value.place} onChange={(e) => set('place', e.target.value)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="办理时间" htmlFor={fid('hours')}>
            <Input id={fid('hours')} value={value.hours} onChange={(e) => set('hours', e.target.value)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="咨询电话" htmlFor={fid('consult')} validateStatus={help('consultPhone') ? 'error' : undefined} help={help('consultPhone')}>
            <Input id={fid('consult')} value={value.consultPhone} onChange={(e) => set('consultPhone', e.target.value)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="监督投诉电话" htmlFor={fid('complaint')} validateStatus={help('complaintPhone') ? 'error' : undefined} help={help('complaintPhone')}>
            <Input id={fid('complaint')} value={value.complaintPhone} onChange={(e) => set('complaintPhone', e.target.value)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="进驻政务服务大厅">
            <Switch aria-label="进驻政务服务大厅" checked={value.inServiceHall} onChange={(v) => set('inServiceHall', v)} checkedChildren="是" unCheckedChildren="否" />
          </Form.Item>
        </Col>
      </Row>

      <Collapse
        size="small"
        items={[
          {
            key: 'rest',
            label: '其他要素（只读，随目录或其他流程调整）',
            children: <ElementsView elements={value} omit={[...EDITED_ELEMENTS, 'inServiceHall']} orgName={orgName} column={1} />,
          },
        ]}
      />
    </Form>
  );
}
