// The sections of the element editor, one per group of DOMAIN §2.2 elements. Uniform sections hold the
// catalogue's elements (name and type locked for department editors); local sections the implementing org's own.
import { useMemo } from 'react';
import { AutoComplete, Checkbox, Col, Flex, InputNumber, Radio, Row, Select, Switch, Typography } from 'antd';
import {
  CASE_KINDS, CITATION_LEVELS, IMPLEMENTER_NATURES, MATERIAL_KINDS, MATERIAL_REQUIRED,
  MATERIAL_SOURCES, ONLINE_DEPTHS, POWER_SOURCES, SERVICE_RECIPIENTS, SPLIT_REASONS, THEMES,
} from '../../../../common/dictionaries.ts';
import { buildHandlingItemCode } from '../../../../common/checksums.ts';
import type { ItemElements, UniformElements } from '../../../../common/item-elements.ts';
import type { Org } from '../../api.ts';
import { OrgTreeSelect } from '../OrgTreeSelect.tsx';
import {
  EntryList, Field, fieldId, IdentityLock, NumberField, OptionalTimeLimitInput, TextField, TimeLimitInput, UNIFORM_NOTE, UniformTag, useEditor,
} from './fields.tsx';
import { codeOptions, ITEM_TYPE_OPTIONS } from './elementLabels.ts';
import { blankCitation, blankFaq, blankFee, blankIntermediary, blankMaterial, blankStep, nextHandlingSeq } from './model.ts';

export interface UniformSectionProps {
  value: UniformElements;
  patch: (p: Partial<UniformElements>) => void;
}

export interface LocalSectionProps {
  value: ItemElements;
  patch: (p: Partial<ItemElements>) => void;
}

const opts = <T extends string>(values: readonly T[]) => values.map((v) => ({ value: v, label: v }));


const optionalText = (v: string) => (v === '' ? undefined : v);

// ---- uniform elements

/** "统一要素，随基本目录" under name and type when they are locked. */
function IdentityNote() {
  const { identityLocked } = useEditor();
  return identityLocked ? UNIFORM_NOTE : null;
}

/** A field label with the uniform-element tag (sections that mix uniform and local elements). */
function UniformLabel({ text, keys }: { text: string; keys: readonly string[] }) {
  return (
    <Flex gap={8} align="center">
      {text}
      <UniformTag keys={keys} />
    </Flex>
  );
}

export function BasicSection({ value, patch }: UniformSectionProps) {
  return (
    <>
      <IdentityLock>
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <TextField path="name" label="事项名称" required value={value.name} maxLength={200} onChange={(name) => patch({ name })} extra={<IdentityNote />} />
          </Col>
          <Col xs={24} md={8}>
            <Field path="type" label="事项类型" required extra={<IdentityNote />}>
              <Select id={fieldId('type')} value={value.type} options={ITEM_TYPE_OPTIONS} onChange={(type: string) => patch({ type })} />
            </Field>
          </Col>
        </Row>
      </IdentityLock>
      <Field path="serviceRecipients" label="服务对象" required>
        <Checkbox.Group
          value={value.serviceRecipients}
          options={codeOptions(SERVICE_RECIPIENTS)}
          // Keep the dictionary order whatever order the boxes were ticked in.
          onChange={(v) => patch({ serviceRecipients: [...(v as number[])].sort((a, b) => a - b) })}
        />
      </Field>
      <TextField
        path="acceptanceConditions"
        label="受理条件"
        required
        multiline={3}
        maxLength={5000}
        value={value.acceptanceConditions}
        onChange={(acceptanceConditions) => patch({ acceptanceConditions })}
      />
    </>
  );
}

export function CitationsSection({ value, patch }: UniformSectionProps) {
  return (
    <>
      <EntryList
        path="legalBasis"
        noun="依据"
        max={50}
        items={value.legalBasis}
        onChange={(legalBasis) => patch({ legalBasis })}
        blank={blankCitation}
        title={(c) => [c.law, c.article].filter(Boolean).join(' ')}
        render={(c, i, set) => (
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <TextField path={`legalBasis.${i}.law`} label="法律法规名称" required maxLength={300} placeholder="如：《中华人民共和国食品安全法》" value={c.law} onChange={(law) => set({ law })} />
            </Col>
            <Col xs={12} md={6}>
              <TextField path={`legalBasis.${i}.article`} label="条款号" maxLength={50} placeholder="如：第三十五条" value={c.article} onChange={(v) => set({ article: optionalText(v) })} />
            </Col>
            <Col xs={12} md={6}>
              <Field path={`legalBasis.${i}.level`} label="效力层级">
                <Select
                  id={fieldId(`legalBasis.${i}.level`)}
                  allowClear
                  placeholder="选择"
                  value={c.level}
                  options={opts(CITATION_LEVELS)}
                  onChange={(level?: (typeof CITATION_LEVELS)[number]) => set({ level })}
                />
              </Field>
            </Col>
            <Col span={24}>
              <TextField path={`legalBasis.${i}.clause`} label="条文内容" multiline maxLength={2000} value={c.clause} onChange={(v) => set({ clause: optionalText(v) })} />
            </Col>
            <Col span={24}>
              <TextField path={`legalBasis.${i}.url`} label="原文链接" maxLength={500} placeholder="https://" value={c.url} onChange={(v) => set({ url: optionalText(v) })} />
            </Col>
          </Row>
        )}
      />
    </>
  );
}

export function ProcessSection({ value, patch }: UniformSectionProps) {
  return (
    <>
      <EntryList
        path="process"
        noun="环节"
        max={30}
        items={value.process}
        onChange={(process) => patch({ process })}
        blank={blankStep}
        title={(s) => s.name}
        render={(s, i, set) => (
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <TextField path={`process.${i}.name`} label="环节名称" required maxLength={100} value={s.name} onChange={(name) => set({ name })} />
            </Col>
            <Col xs={24} md={8}>
              <TextField path={`process.${i}.actor`} label="办理人员" required maxLength={100} value={s.actor} onChange={(actor) => set({ actor })} />
            </Col>
            <Col xs={24} md={8}>
              <Field path={`process.${i}.timeLimit`} label="环节时限">
                <OptionalTimeLimitInput id={fieldId(`process.${i}.timeLimit`)} value={s.timeLimit} onChange={(timeLimit) => set({ timeLimit })} />
              </Field>
            </Col>
            <Col span={24}>
              <TextField path={`process.${i}.description`} label="办理内容" multiline maxLength={2000} value={s.description} onChange={(v) => set({ description: optionalText(v) })} />
            </Col>
          </Row>
        )}
      />
    </>
  );
}

export function MaterialsSection({ value, patch }: UniformSectionProps) {
  return (
    <>
      <EntryList
        path="materials"
        noun="材料"
        max={100}
        items={value.materials}
        onChange={(materials) => patch({ materials })}
        blank={blankMaterial}
        empty="无需提交申请材料"
        title={(m) =>
          m.name && (
          <Flex gap={8} align="center">
            <span>{m.name}</span>
            {m.name && (
              <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
                {m.kind} · {m.copies} 份 · {m.required}
                {m.satisfiedBy ? ' · 免提交' : ''}
              </Typography.Text>
            )}
          </Flex>
          )
        }
        render={(m, i, set) => (
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <TextField path={`materials.${i}.name`} label="材料名称" required maxLength={200} value={m.name} onChange={(name) => set({ name })} />
            </Col>
            <Col xs={12} md={4}>
              <Field path={`materials.${i}.kind`} label="材料形式" required>
                <Select id={fieldId(`materials.${i}.kind`)} value={m.kind} options={opts(MATERIAL_KINDS)} onChange={(kind: (typeof MATERIAL_KINDS)[number]) => set({ kind })} />
              </Field>
            </Col>
            <Col xs={12} md={4}>
              <NumberField path={`materials.${i}.copies`} label="份数" required min={0} max={99} value={m.copies} onChange={(copies) => set({ copies })} />
            </Col>
            <Col xs={12} md={4}>
              <Field path={`materials.${i}.required`} label="必要性" required>
                <Select
                  id={fieldId(`materials.${i}.required`)}
                  value={m.required}
                  options={opts(MATERIAL_REQUIRED)}
                  onChange={(required: (typeof MATERIAL_REQUIRED)[number]) => set({ required })}
                />
              </Field>
            </Col>
            <Col xs={12} md={8}>
              <Field path={`materials.${i}.source`} label="来源渠道" required>
                <AutoComplete
                  id={fieldId(`materials.${i}.source`)}
                  value={m.source}
                  options={opts(MATERIAL_SOURCES)}
                  maxLength={100}
                  onChange={(source: string) => set({ source })}
                />
              </Field>
            </Col>
            <Col xs={24} md={16}>
              <TextField
                path={`materials.${i}.satisfiedBy`}
                label="免提交依据"
                maxLength={200}
                placeholder="电子证照类型或共享数据来源，如：营业执照电子证照"
                extra="填写后申请人无需提交此材料（免提交）"
                value={m.satisfiedBy}
                onChange={(v) => set({ satisfiedBy: v === '' ? null : v })}
              />
            </Col>
            <Col xs={24} md={8}>
              <TextField path={`materials.${i}.legalBasis`} label="设定依据" maxLength={500} value={m.legalBasis} onChange={(v) => set({ legalBasis: optionalText(v) })} />
            </Col>
            <Col xs={24} md={8}>
              <TextField path={`materials.${i}.blankForm`} label="空白表格" maxLength={500} placeholder="https:// 或 /files/…" value={m.blankForm} onChange={(v) => set({ blankForm: optionalText(v) })} />
            </Col>
            <Col xs={24} md={8}>
              <TextField path={`materials.${i}.sample`} label="示例样表" maxLength={500} placeholder="https:// 或 /files/…" value={m.sample} onChange={(v) => set({ sample: optionalText(v) })} />
            </Col>
            <Col span={24}>
              <TextField path={`materials.${i}.fillGuide`} label="填报须知" multiline maxLength={2000} value={m.fillGuide} onChange={(v) => set({ fillGuide: optionalText(v) })} />
            </Col>
          </Row>
        )}
      />
    </>
  );
}

/** 法定时限 (uniform); with `local`, also 承诺时限 and 办件类型. */
export function TimeLimitsSection({ value, patch, local }: UniformSectionProps & { local?: LocalSectionProps }) {
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Field path="statutoryTimeLimit" label={<UniformLabel text="法定办结时限" keys={['statutoryTimeLimit']} />} required>
          <TimeLimitInput id={fieldId('statutoryTimeLimit')} withNote value={value.statutoryTimeLimit} onChange={(statutoryTimeLimit) => patch({ statutoryTimeLimit })} />
        </Field>
      </Col>
      {local && (
        <>
          <Col xs={24} md={12}>
            <Field path="promisedTimeLimit" label="承诺办结时限" required extra="不得超过法定办结时限">
              <TimeLimitInput
                id={fieldId('promisedTimeLimit')}
                withNote
                value={local.value.promisedTimeLimit}
                onChange={(promisedTimeLimit) => local.patch({ promisedTimeLimit })}
              />
            </Field>
          </Col>
          <Col xs={24} md={12}>
            <Field path="caseKind" label="办件类型" required extra="即办件的承诺时限不超过 1 个工作日">
              <Radio.Group
                id={fieldId('caseKind')}
                value={local.value.caseKind}
                options={codeOptions(CASE_KINDS)}
                onChange={(e) => local.patch({ caseKind: e.target.value as number })}
              />
            </Field>
          </Col>
        </>
      )}
    </Row>
  );
}

export function ResultSection({ value, patch }: UniformSectionProps) {
  const set = (p: Partial<UniformElements['result']>) => patch({ result: { ...value.result, ...p } });
  const r = value.result;
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <TextField path="result.name" label="结果名称" required maxLength={200} placeholder="如：食品经营许可证" value={r.name} onChange={(name) => set({ name })} />
        </Col>
        <Col xs={24} md={12}>
          <Field path="result.kind" label="结果类型">
            <AutoComplete
              id={fieldId('result.kind')}
              value={r.kind}
              maxLength={50}
              options={opts(['证照', '批文', '证明', '备案凭证', '其他'])}
              onChange={(kind: string) => set({ kind })}
            />
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <TextField path="result.sampleFile" label="结果样本" maxLength={500} placeholder="https:// 或 /files/…" value={r.sampleFile} onChange={(v) => set({ sampleFile: optionalText(v) })} />
        </Col>
        <Col xs={24} md={12}>
          <TextField
            path="result.issuesLicenceType"
            label="电子证照类型"
            maxLength={100}
            placeholder="办结后签发的电子证照，如：食品经营许可证"
            value={r.issuesLicenceType}
            onChange={(v) => set({ issuesLicenceType: v === '' ? null : v })}
          />
        </Col>
      </Row>
    </>
  );
}

/** 业务办理项拆分标准 (uniform); with `local`, the item's 业务办理项 with their 33-character codes. */
export function HandlingSection({ value, patch, local, implementationCode }: UniformSectionProps & { local?: LocalSectionProps; implementationCode?: string }) {
  return (
    <>
      <TextField
        path="handlingItemSplit"
        label={<UniformLabel text="业务办理项拆分标准" keys={['handlingItemSplit']} />}
        multiline
        maxLength={2000}
        placeholder="如：按新设、变更、延续、注销拆分"
        value={value.handlingItemSplit}
        onChange={(handlingItemSplit) => patch({ handlingItemSplit })}
      />
      {local && (
        <Typography.Title level={5} style={{ margin: '8px 0 12px' }}>
          本机构的业务办理项
        </Typography.Title>
      )}
      {local && (
        <EntryList
          path="handlingItems"
          noun="业务办理项"
          max={99}
          items={local.value.handlingItems}
          onChange={(handlingItems) => local.patch({ handlingItems })}
          blank={() => ({ seq: nextHandlingSeq(local.value.handlingItems), name: '', splitReason: '新设' as const })}
          title={(h) => (
            <Flex gap={8} align="center">
              <span>{h.name}</span>
              <HandlingCode implementationCode={implementationCode} seq={h.seq} />
            </Flex>
          )}
          render={(h, i, set) => (
            <Row gutter={16}>
              <Col xs={8} md={4}>
                <NumberField path={`handlingItems.${i}.seq`} label="序号" required min={1} max={99} value={h.seq} onChange={(seq) => set({ seq })} />
              </Col>
              <Col xs={16} md={14}>
                <TextField path={`handlingItems.${i}.name`} label="名称" required maxLength={200} value={h.name} onChange={(name) => set({ name })} />
              </Col>
              <Col xs={24} md={6}>
                <Field path={`handlingItems.${i}.splitReason`} label="拆分情形" required>
                  <Select
                    id={fieldId(`handlingItems.${i}.splitReason`)}
                    value={h.splitReason}
                    options={opts(SPLIT_REASONS)}
                    onChange={(splitReason: (typeof SPLIT_REASONS)[number]) => set({ splitReason })}
                  />
                </Field>
              </Col>
            </Row>
          )}
        />
      )}
    </>
  );
}

function HandlingCode({ implementationCode, seq }: { implementationCode?: string; seq: number }) {
  const code = useMemo(() => {
    if (!implementationCode) return null;
    try {
      return buildHandlingItemCode(implementationCode, seq);
    } catch {
      return null;
    }
  }, [implementationCode, seq]);
  return code ? (
    <Typography.Text type="secondary" className="qd-mono" style={{ fontWeight: 'normal' }}>
      {code}
    </Typography.Text>
  ) : null;
}

export function IntermediarySection({ value, patch }: UniformSectionProps) {
  return (
    <>
      <EntryList
        path="intermediaryServices"
        noun="中介服务"
        max={20}
        items={value.intermediaryServices}
        onChange={(intermediaryServices) => patch({ intermediaryServices })}
        blank={blankIntermediary}
        empty="无法定中介服务"
        title={(s) => s.name}
        render={(s, i, set) => (
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <TextField path={`intermediaryServices.${i}.name`} label="服务名称" required maxLength={200} value={s.name} onChange={(name) => set({ name })} />
            </Col>
            <Col xs={24} md={12}>
              <TextField path={`intermediaryServices.${i}.legalBasis`} label="设定依据" required maxLength={500} value={s.legalBasis} onChange={(legalBasis) => set({ legalBasis })} />
            </Col>
            <Col xs={24} md={12}>
              <TextField
                path={`intermediaryServices.${i}.providerRequirement`}
                label="机构要求"
                maxLength={500}
                placeholder="如：具有相应资质的检测机构"
                value={s.providerRequirement}
                onChange={(providerRequirement) => set({ providerRequirement })}
              />
            </Col>
            <Col xs={24} md={6}>
              <Field path={`intermediaryServices.${i}.timeLimit`} label="服务时限">
                <OptionalTimeLimitInput id={fieldId(`intermediaryServices.${i}.timeLimit`)} value={s.timeLimit} onChange={(timeLimit) => set({ timeLimit })} />
              </Field>
            </Col>
            <Col xs={24} md={6}>
              <TextField path={`intermediaryServices.${i}.fee`} label="收费" maxLength={200} value={s.fee} onChange={(v) => set({ fee: optionalText(v) })} />
            </Col>
          </Row>
        )}
      />
    </>
  );
}

// ---- local elements

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

