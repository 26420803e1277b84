// The element editor's sections that mix a uniform element with the implementing org's own ones: time limits and
// handling items. Without `local` (the catalogue editor) they show the uniform element only.
import { useMemo } from 'react';
import { Col, Flex, Radio, Row, Select, Typography } from 'antd';
import { CASE_KINDS, SPLIT_REASONS } from '../../../../common/dictionaries.ts';
import { buildHandlingItemCode } from '../../../../common/checksums.ts';
import { EntryList, Field, fieldId, NumberField, TextField, TimeLimitInput } from './fields.tsx';
import { codeOptions } from './elementLabels.ts';
import { nextHandlingSeq } from './model.ts';
import { type LocalSectionProps, opts, UniformLabel, type UniformSectionProps } from './sectionParts.tsx';

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
