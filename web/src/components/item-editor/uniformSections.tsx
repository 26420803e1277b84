// The element editor's uniform sections (DOMAIN §2.2): every element in them is the catalogue's, name and type
// locked for department editors.
import { AutoComplete, Checkbox, Col, Flex, Row, Select, Typography } from 'antd';
import { CITATION_LEVELS, MATERIAL_KINDS, MATERIAL_REQUIRED, MATERIAL_SOURCES, SERVICE_RECIPIENTS } from '../../../../common/dictionaries.ts';
import type { UniformElements } from '../../../../common/item-elements.ts';
import { EntryList, Field, fieldId, IdentityLock, NumberField, OptionalTimeLimitInput, TextField } from './fields.tsx';
import { codeOptions, ITEM_TYPE_OPTIONS } from './elementLabels.ts';
import { blankCitation, blankIntermediary, blankMaterial, blankStep } from './model.ts';
import { IdentityNote, optionalText, opts, type UniformSectionProps } from './sectionParts.tsx';

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
