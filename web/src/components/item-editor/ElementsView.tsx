// A version's elements, read-only: what the service guide shows, arranged for staff.
import type { ReactNode } from 'react';
import { Card, Descriptions, Empty, Flex, Space, Table, Tag, Typography } from 'antd';
import {
  CASE_KINDS, DEFAULT_FILING_TYPE_CODE, IMPLEMENTER_NATURES, itemTypeLabel, ONLINE_DEPTHS, POWER_SOURCES, SERVICE_RECIPIENTS,
} from '../../../../common/dictionaries.ts';
import type { ItemElements, Material, ProcessStep, UniformElements } from '../../../../common/item-elements.ts';
import { timeLimitText } from './elementLabels.ts';
import './itemEditor.css';

const text = (v: string | null | undefined): ReactNode => (v && v.trim() ? <pre className="qd-view-pre">{v}</pre> : <Typography.Text type="secondary">—</Typography.Text>);
const yesNo = (v: boolean) => (v ? '是' : '否');
const link = (href: string | undefined, label = '查看') => (href ? <Typography.Link href={href} target="_blank" rel="noreferrer">{label}</Typography.Link> : null);

function Section({ title, children, extra }: { title: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <Card size="small" title={title} extra={extra}>
      {children}
    </Card>
  );
}

export interface ElementsViewProps {
  elements: ItemElements | UniformElements;
  /** 33-character codes of the version's handling items (from the server). */
  handlingCodes?: Map<number, string>;
  /** Resolves 委托机关 ids to names. */
  orgName?: (id: string) => string | undefined;
  filingTypeCode?: string;
}

function isItem(el: ItemElements | UniformElements): el is ItemElements {
  return 'promisedTimeLimit' in el;
}

/** Every element of a version (or the uniform elements of a catalogue version), read-only. */
export function ElementsView({ elements: el, handlingCodes, orgName, filingTypeCode = DEFAULT_FILING_TYPE_CODE }: ElementsViewProps) {
  const item = isItem(el) ? el : null;
  return (
    <Flex vertical gap={12} className="qd-view">
      <Section title="基本信息">
        <Descriptions
          size="small"
          column={2}
          bordered
          items={[
            { key: 'name', label: '事项名称', children: el.name, span: 2 },
            { key: 'type', label: '事项类型', children: `${itemTypeLabel(el.type, filingTypeCode)}（${el.type}）` },
            { key: 'recipients', label: '服务对象', children: el.serviceRecipients.map((r) => SERVICE_RECIPIENTS[r] ?? r).join('、') || '—' },
            { key: 'conditions', label: '受理条件', children: text(el.acceptanceConditions), span: 2 },
            ...(item
              ? [
                  { key: 'caseKind', label: '办件类型', children: CASE_KINDS[item.caseKind] ?? item.caseKind },
                  { key: 'powerSource', label: '权力来源', children: POWER_SOURCES[item.powerSource] ?? item.powerSource },
                  { key: 'nature', label: '实施主体性质', children: IMPLEMENTER_NATURES[item.implementerNature] ?? item.implementerNature },
                  ...(item.entrustingOrgId ? [{ key: 'entrusting', label: '委托机关', children: orgName?.(item.entrustingOrgId) ?? item.entrustingOrgId }] : []),
                ]
              : []),
          ]}
        />
      </Section>
      <Section title="设定依据">
        {el.legalBasis.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未填写" />
        ) : (
          <Flex vertical gap={8}>
            {el.legalBasis.map((c, i) => (
              <div key={i}>
                <Space size={6} wrap>
                  <Typography.Text strong>
                    {c.law} {c.article}
                  </Typography.Text>
                  {c.level && <Tag>{c.level}</Tag>}
                  {link(c.url, '原文')}
                </Space>
                {c.clause && <Typography.Paragraph type="secondary" style={{ margin: '2px 0 0' }}>{c.clause}</Typography.Paragraph>}
              </div>
            ))}
          </Flex>
        )}
      </Section>
      <Section title="办理流程">
        <Table<ProcessStep>
          size="small"
          pagination={false}
          rowKey={(_, i) => String(i)}
          dataSource={el.process}
          columns={[
            { title: '序', key: 'i', width: 48, render: (_, __, i) => i + 1 },
            { title: '环节', dataIndex: 'name', width: 140 },
            { title: '办理人员', dataIndex: 'actor', width: 160 },
            { title: '时限', dataIndex: 'timeLimit', width: 120, render: (t: ProcessStep['timeLimit']) => (t ? timeLimitText(t) : '—') },
            { title: '办理内容', dataIndex: 'description', render: (d?: string) => d ?? '—' },
          ]}
        />
      </Section>
      <Section title={`申请材料（${el.materials.length}）`}>
        <Table<Material>
          size="small"
          pagination={false}
          rowKey={(_, i) => String(i)}
          dataSource={el.materials}
          locale={{ emptyText: '无需提交申请材料' }}
          columns={[
            { title: '序', key: 'i', width: 48, render: (_, __, i) => i + 1 },
            { title: '材料名称', dataIndex: 'name', render: (name: string, m) => (
              <Space orientation="vertical" size={0}>
                <span>{name}</span>
                {m.fillGuide && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.fillGuide}</Typography.Text>}
              </Space>
            ) },
            { title: '形式', dataIndex: 'kind', width: 72 },
            { title: '份数', dataIndex: 'copies', width: 56 },
            { title: '必要性', dataIndex: 'required', width: 72 },
            { title: '来源', dataIndex: 'source', width: 120 },
            { title: '免提交', dataIndex: 'satisfiedBy', width: 150, render: (v?: string | null) => (v ? <Tag color="green">{v}</Tag> : '—') },
            { title: '表格/样表', key: 'files', width: 110, render: (_, m) => <Space size={8}>{link(m.blankForm, '空表')}{link(m.sample, '样表')}{!m.blankForm && !m.sample && '—'}</Space> },
          ]}
        />
      </Section>
      <Section title="办理时限与结果">
        <Descriptions
          size="small"
          column={2}
          bordered
          items={[
            { key: 'statutory', label: '法定办结时限', children: timeLimitText(el.statutoryTimeLimit) },
            ...(item ? [{ key: 'promised', label: '承诺办结时限', children: timeLimitText(item.promisedTimeLimit) }] : []),
            { key: 'result', label: '办理结果', children: `${el.result.name}${el.result.kind ? `（${el.result.kind}）` : ''}` },
            { key: 'licence', label: '电子证照', children: el.result.issuesLicenceType ?? '—' },
            ...(el.result.sampleFile ? [{ key: 'sample', label: '结果样本', children: link(el.result.sampleFile) }] : []),
          ]}
        />
      </Section>
      <Section title="业务办理项">
        <Typography.Paragraph>
          <Typography.Text type="secondary">拆分标准：</Typography.Text>
          {el.handlingItemSplit || '—'}
        </Typography.Paragraph>
        {item && (
          <Table
            size="small"
            pagination={false}
            rowKey="seq"
            dataSource={item.handlingItems}
            columns={[
              { title: '序号', dataIndex: 'seq', width: 64 },
              { title: '业务办理项编码', key: 'code', width: 300, render: (_, h) => <span className="qd-mono">{handlingCodes?.get(h.seq) ?? '—'}</span> },
              { title: '名称', dataIndex: 'name' },
              { title: '拆分情形', dataIndex: 'splitReason', width: 90 },
            ]}
          />
        )}
      </Section>
      <Section title="中介服务">
        {el.intermediaryServices.length === 0 ? (
          <Typography.Text type="secondary">无法定中介服务</Typography.Text>
        ) : (
          <Table
            size="small"
            pagination={false}
            rowKey={(_, i) => String(i)}
            dataSource={el.intermediaryServices}
            columns={[
              { title: '服务名称', dataIndex: 'name' },
              { title: '设定依据', dataIndex: 'legalBasis' },
              { title: '机构要求', dataIndex: 'providerRequirement' },
              { title: '时限', dataIndex: 'timeLimit', width: 110, render: (t) => (t ? timeLimitText(t) : '—') },
              { title: '收费', dataIndex: 'fee', width: 120, render: (v?: string) => v ?? '—' },
            ]}
          />
        )}
      </Section>
      {item && (
        <>
          <Section title="实施信息">
            <Descriptions
              size="small"
              column={2}
              bordered
              items={[
                { key: 'place', label: '办理地点', children: text(item.place) },
                { key: 'hours', label: '办理时间', children: text(item.hours) },
                { key: 'consult', label: '咨询电话', children: item.consultPhone || '—' },
                { key: 'complaint', label: '监督投诉电话', children: item.complaintPhone || '—' },
                { key: 'online', label: '网上办理深度', children: ONLINE_DEPTHS[item.onlineDepth] ?? item.onlineDepth },
                { key: 'guide', label: '网上办事指引', children: item.onlineGuideUrl ? link(item.onlineGuideUrl, item.onlineGuideUrl) : '—' },
                { key: 'visits', label: '到现场次数', children: `${item.visitsRequired} 次` },
                { key: 'hall', label: '进驻政务大厅', children: yesNo(item.inServiceHall) },
                { key: 'terminal', label: '自助终端办理', children: yesNo(item.selfServiceTerminal) },
                { key: 'themes', label: '主题', children: item.themes.length ? item.themes.map((t) => <Tag key={t}>{t}</Tag>) : '—' },
                { key: 'keywords', label: '关键词', children: item.keywords.join('、') || '—', span: 2 },
              ]}
            />
          </Section>
          <Section title="收费">
            {item.fees.length === 0 ? (
              <Typography.Text>不收费</Typography.Text>
            ) : (
              <Table
                size="small"
                pagination={false}
                rowKey={(_, i) => String(i)}
                dataSource={item.fees}
                columns={[
                  { title: '收费项目', dataIndex: 'name' },
                  { title: '收费标准', dataIndex: 'standard' },
                  { title: '收费依据', dataIndex: 'basis' },
                ]}
              />
            )}
          </Section>
          {item.faq.length > 0 && (
            <Section title="常见问题">
              <Flex vertical gap={8}>
                {item.faq.map((f, i) => (
                  <div key={i}>
                    <Typography.Text strong>问：{f.question}</Typography.Text>
                    <Typography.Paragraph style={{ margin: 0 }}>答：{f.answer}</Typography.Paragraph>
                  </div>
                ))}
              </Flex>
            </Section>
          )}
          <Section title="两优记录">
            <Descriptions
              size="small"
              column={3}
              bordered
              items={[
                { key: 'materials', label: '申请材料', children: `${item.optimisation.materialsBefore} → ${item.materials.filter((m) => !m.satisfiedBy).length} 件` },
                { key: 'steps', label: '办理环节', children: `${item.optimisation.stepsBefore} → ${item.process.length} 个` },
                { key: 'visits', label: '到现场次数', children: `${item.optimisation.visitsBefore} → ${item.visitsRequired} 次` },
                ...(item.optimisation.timeLimitBefore
                  ? [{ key: 'time', label: '办理时限', children: `${timeLimitText(item.optimisation.timeLimitBefore)} → ${timeLimitText(item.promisedTimeLimit)}` }]
                  : []),
                ...(item.optimisation.note ? [{ key: 'note', label: '说明', children: item.optimisation.note, span: 3 }] : []),
              ]}
            />
          </Section>
          {item.filing && (
            <Section title="备案设置">
              <Descriptions
                size="small"
                column={4}
                bordered
                items={[
                  { key: 'category', label: '备案类别', children: item.filing.category === 'confirmation' ? '确认性' : '告知性' },
                  { key: 'output', label: '备案结果', children: item.filing.output ?? '—' },
                  { key: 'days', label: '办理时限', children: item.filing.promisedDays ? `${item.filing.promisedDays} 个工作日` : '—' },
                  { key: 'secret', label: '涉密', children: yesNo(item.filing.secret) },
                ]}
              />
            </Section>
          )}
        </>
      )}
    </Flex>
  );
}
