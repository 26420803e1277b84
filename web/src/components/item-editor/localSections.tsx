// The element editor's local sections (DOMAIN §2.2): the implementing org's own elements.
import { Col, InputNumber, Radio, Row, Select, Switch, Typography } from 'antd';
import { IMPLEMENTER_NATURES, ONLINE_DEPTHS, POWER_SOURCES, THEMES } from '../../../../common/dictionaries.ts';
import type { ItemElements } from '../../../../common/item-elements.ts';
import type { Org } from '../../api.ts';
import { OrgTreeSelect } from '../OrgTreeSelect.tsx';
import { EntryList, Field, fieldId, NumberField, OptionalTimeLimitInput, TextField } from './fields.tsx';
import { codeOptions } from './elementLabels.ts';
import { blankFaq, blankFee } from './model.ts';
import { type LocalSectionProps, optionalText, opts } from './sectionParts.tsx';

export function ImplementationSection({ value, patch, orgs }: LocalSectionProps & { orgs: Org[] }) {
  const entrusted = value.powerSource === 5 || value.powerSource === 6;
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Field path="powerSource" label="权力来源" required>
          <Select
            id={fieldId('powerSource')}
            value={value.powerSource}
            options={codeOptions(POWER_SOURCES)}
            onChange={(powerSource: number) => patch({ powerSource, entrustingOrgId: powerSource === 5 || powerSource === 6 ? value.entrustingOrgId : null })}
          />
        </Field>
      </Col>
      <Col xs={24} md={8}>
        <Field path="implementerNature" label="实施主体性质" required>
          <Select id={fieldId('implementerNature')} value={value.implementerNature} options={codeOptions(IMPLEMENTER_NATURES)} onChange={(implementerNature: number) => patch({ implementerNature })} />
        </Field>
      </Col>
      {entrusted && (
        <Col xs={24} md={8}>
          <Field path="entrustingOrgId" label="委托机关" required>
            <OrgTreeSelect id={fieldId('entrustingOrgId')} orgs={orgs} value={value.entrustingOrgId} onChange={(v) => patch({ entrustingOrgId: v ?? null })} placeholder="选择委托机关" allowClear />
          </Field>
        </Col>
      )}
      <Col xs={24} md={12}>
        <TextField path="place" label="办理地点" maxLength={300} placeholder="如：乌审旗政务服务中心一楼 12 号窗口" value={value.place} onChange={(place) => patch({ place })} />
      </Col>
      <Col xs={24} md={12}>
        <TextField path="hours" label="办理时间" maxLength={300} placeholder="如：工作日 9:00—12:00，14:30—17:30" value={value.hours} onChange={(hours) => patch({ hours })} />
      </Col>
      <Col xs={24} md={12}>
        <TextField path="consultPhone" label="咨询电话" required maxLength={100} value={value.consultPhone} onChange={(consultPhone) => patch({ consultPhone })} />
      </Col>
      <Col xs={24} md={12}>
        <TextField path="complaintPhone" label="监督投诉电话" required maxLength={100} value={value.complaintPhone} onChange={(complaintPhone) => patch({ complaintPhone })} />
      </Col>
      <Col xs={12} md={6}>
        <Field path="inServiceHall" label="进驻政务大厅">
          <Switch id={fieldId('inServiceHall')} checked={value.inServiceHall} checkedChildren="是" unCheckedChildren="否" onChange={(inServiceHall) => patch({ inServiceHall })} />
        </Field>
      </Col>
      <Col xs={12} md={6}>
        <Field path="selfServiceTerminal" label="自助终端办理">
          <Switch
            id={fieldId('selfServiceTerminal')}
            checked={value.selfServiceTerminal}
            checkedChildren="是"
            unCheckedChildren="否"
            onChange={(selfServiceTerminal) => patch({ selfServiceTerminal })}
          />
        </Field>
      </Col>
    </Row>
  );
}

export function OnlineSection({ value, patch }: LocalSectionProps) {
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Field path="onlineDepth" label="网上办理深度" required>
          <Select id={fieldId('onlineDepth')} value={value.onlineDepth} options={codeOptions(ONLINE_DEPTHS).map((o) => ({ ...o, label: `${o.value} ${o.label}` }))} onChange={(onlineDepth: number) => patch({ onlineDepth })} />
        </Field>
      </Col>
      <Col xs={24} md={8}>
        <NumberField path="visitsRequired" label="到现场次数" required min={0} max={9} suffix="次" value={value.visitsRequired} onChange={(visitsRequired) => patch({ visitsRequired })} />
      </Col>
      <Col span={24}>
        <TextField
          path="onlineGuideUrl"
          label="网上办事指引"
          required={value.onlineDepth >= 2}
          maxLength={500}
          placeholder="https://zwfw.nmg.gov.cn/…"
          extra="网上预审及以上深度须提供"
          value={value.onlineGuideUrl}
          onChange={(v) => patch({ onlineGuideUrl: optionalText(v) })}
        />
      </Col>
    </Row>
  );
}

export function FeesSection({ value, patch, filingType }: LocalSectionProps & { filingType: boolean }) {
  return (
    <>
      {filingType && value.fees.length === 0 && (
        <Typography.Paragraph type="secondary">行政备案事项不得收取任何费用。</Typography.Paragraph>
      )}
      {(!filingType || value.fees.length > 0) && (
        <EntryList
          path="fees"
          noun="收费项目"
          max={30}
          items={value.fees}
          onChange={(fees) => patch({ fees })}
          blank={blankFee}
          empty="不收费"
          title={(f) => f.name}
          render={(f, i, set) => (
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <TextField path={`fees.${i}.name`} label="收费项目" required maxLength={200} value={f.name} onChange={(name) => set({ name })} />
              </Col>
              <Col xs={24} md={8}>
                <TextField path={`fees.${i}.standard`} label="收费标准" required maxLength={500} value={f.standard} onChange={(standard) => set({ standard })} />
              </Col>
              <Col xs={24} md={8}>
                <TextField path={`fees.${i}.basis`} label="收费依据" required maxLength={500} value={f.basis} onChange={(basis) => set({ basis })} />
              </Col>
            </Row>
          )}
        />
      )}
    </>
  );
}

export function FaqSection({ value, patch }: LocalSectionProps) {
  return (
    <EntryList
      path="faq"
      noun="常见问题"
      max={50}
      items={value.faq}
      onChange={(faq) => patch({ faq })}
      blank={blankFaq}
      title={(f) => f.question}
      render={(f, i, set) => (
        <>
          <TextField path={`faq.${i}.question`} label="问题" required maxLength={500} value={f.question} onChange={(question) => set({ question })} />
          <TextField path={`faq.${i}.answer`} label="解答" required multiline maxLength={2000} value={f.answer} onChange={(answer) => set({ answer })} />
        </>
      )}
    />
  );
}

export function ThemesSection({ value, patch }: LocalSectionProps) {
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Field path="themes" label="主题" extra="公众门户按主题浏览，最多 10 个">
          <Select
            id={fieldId('themes')}
            mode="tags"
            value={value.themes}
            options={opts(THEMES)}
            maxCount={10}
            onChange={(themes: string[]) => patch({ themes: themes.map((t) => t.trim()).filter(Boolean) })}
            placeholder="选择或输入主题"
          />
        </Field>
      </Col>
      <Col xs={24} md={12}>
        <Field path="keywords" label="关键词" extra="用于检索，回车分隔，最多 20 个">
          <Select
            id={fieldId('keywords')}
            mode="tags"
            value={value.keywords}
            open={false}
            suffixIcon={null}
            maxCount={20}
            tokenSeparators={[',', '，', '、', ' ']}
            onChange={(keywords: string[]) => patch({ keywords: keywords.map((t) => t.trim()).filter(Boolean) })}
            placeholder="输入关键词后回车"
          />
        </Field>
      </Col>
    </Row>
  );
}

function Compare({ before, after, unit }: { before: number; after: number; unit: string }) {
  const better = after < before;
  return (
    <Typography.Text type={better ? 'success' : 'secondary'}>
      现为 {after} {unit}
      {better ? `，减少 ${before - after} ${unit}` : ''}
    </Typography.Text>
  );
}

/** The 两优 record: what the item required before optimisation; the current elements are the "after". */
export function OptimisationSection({ value, patch }: LocalSectionProps) {
  const o = value.optimisation;
  const set = (p: Partial<ItemElements['optimisation']>) => patch({ optimisation: { ...o, ...p } });
  const submitted = value.materials.filter((m) => !m.satisfiedBy).length;
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <NumberField path="optimisation.materialsBefore" label="优化前材料数" min={0} max={999} suffix="件" value={o.materialsBefore} onChange={(materialsBefore) => set({ materialsBefore })} extra={<Compare before={o.materialsBefore} after={submitted} unit="件" />} />
      </Col>
      <Col xs={24} md={8}>
        <NumberField path="optimisation.stepsBefore" label="优化前环节数" min={0} max={99} suffix="个" value={o.stepsBefore} onChange={(stepsBefore) => set({ stepsBefore })} extra={<Compare before={o.stepsBefore} after={value.process.length} unit="个" />} />
      </Col>
      <Col xs={24} md={8}>
        <NumberField path="optimisation.visitsBefore" label="优化前到现场次数" min={0} max={99} suffix="次" value={o.visitsBefore} onChange={(visitsBefore) => set({ visitsBefore })} extra={<Compare before={o.visitsBefore} after={value.visitsRequired} unit="次" />} />
      </Col>
      <Col xs={24} md={12}>
        <Field path="optimisation.timeLimitBefore" label="优化前时限">
          <OptionalTimeLimitInput id={fieldId('optimisation.timeLimitBefore')} value={o.timeLimitBefore} onChange={(timeLimitBefore) => set({ timeLimitBefore })} />
        </Field>
      </Col>
      <Col xs={24} md={12}>
        <TextField path="optimisation.note" label="优化说明" multiline maxLength={1000} value={o.note} onChange={(v) => set({ note: optionalText(v) })} />
      </Col>
    </Row>
  );
}

const FILING_OUTPUTS = ['公告', '认可', '备案决定', '备案编号'] as const;

/** 行政备案 settings: category, what the filer receives, the time limit of confirmation filings, secrecy. */
export function FilingSection({ value, patch, filingType }: LocalSectionProps & { filingType: boolean }) {
  const f = value.filing;
  const set = (p: Partial<NonNullable<ItemElements['filing']>>) => patch({ filing: { category: 'notice', secret: false, ...f, ...p } });
  if (!f) {
    return (
      <Field path="filing" label="备案设置">
        <Typography.Link onClick={() => patch({ filing: { category: 'notice', secret: false } })}>设置备案参数</Typography.Link>
      </Field>
    );
  }
  return (
    <>
      {!filingType && (
        <Field path="filing" label="备案设置">
          <Typography.Link type="danger" onClick={() => patch({ filing: null })}>
            非行政备案事项，清除备案参数
          </Typography.Link>
        </Field>
      )}
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Field path="filing.category" label="备案类别" required>
            <Radio.Group
              id={fieldId('filing.category')}
              value={f.category}
              options={[
                { value: 'notice', label: '告知性' },
                { value: 'confirmation', label: '确认性' },
              ]}
              onChange={(e) => set({ category: e.target.value as 'notice' | 'confirmation' })}
            />
          </Field>
        </Col>
        <Col xs={24} md={6}>
          <Field path="filing.output" label="备案结果">
            <Select
              id={fieldId('filing.output')}
              allowClear
              placeholder="选择"
              value={f.output}
              options={opts(FILING_OUTPUTS)}
              onChange={(output?: (typeof FILING_OUTPUTS)[number]) => set({ output })}
            />
          </Field>
        </Col>
        <Col xs={24} md={6}>
          <Field path="filing.promisedDays" label="办理时限" required={f.category === 'confirmation'}>
            <InputNumber
              id={fieldId('filing.promisedDays')}
              min={1}
              max={60}
              precision={0}
              suffix="个工作日"
              value={f.promisedDays}
              onChange={(v) => set({ promisedDays: typeof v === 'number' ? v : undefined })}
              style={{ width: '100%' }}
            />
          </Field>
        </Col>
        <Col xs={24} md={4}>
          <Field path="filing.secret" label="涉密">
            <Switch id={fieldId('filing.secret')} checked={f.secret} checkedChildren="是" unCheckedChildren="否" onChange={(secret) => set({ secret })} />
          </Field>
        </Col>
      </Row>
      {f.secret && <Typography.Paragraph type="warning">涉密备案事项不在公众清单中公布，也不参与检索。</Typography.Paragraph>}
    </>
  );
}
