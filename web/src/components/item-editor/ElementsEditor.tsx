// The element editor: every element of DOMAIN §2.2 in sections, problems shown beside their fields and
// counted per section in the side navigation. Controlled: the page owns the value and the problems.
import { useMemo, type ReactNode } from 'react';
import { Badge, Card, Col, Flex, Form, Row, Typography } from 'antd';
import { DEFAULT_FILING_TYPE_CODE } from '../../../../common/dictionaries.ts';
import type { ItemElements, Problem, UniformElements } from '../../../../common/item-elements.ts';
import type { Org } from '../../api.ts';
import { EditorContext, UniformTag } from './fields.tsx';
import { uniformDeviations } from './model.ts';
import { countUnder, problemsByField } from './problems.ts';
import { FaqSection, FeesSection, FilingSection, ImplementationSection, OnlineSection, OptimisationSection, ThemesSection } from './localSections.tsx';
import { HandlingSection, TimeLimitsSection } from './mixedSections.tsx';
import { BasicSection, CitationsSection, IntermediarySection, MaterialsSection, ProcessSection, ResultSection } from './uniformSections.tsx';
import './itemEditor.css';

interface SectionDef {
  key: string;
  title: string;
  /** 'all': every element of the section is uniform; 'some': the section mixes uniform and local ones. */
  uniform?: 'all' | 'some';
  /** Element paths whose problems the section's badge counts. */
  paths: string[];
  body: ReactNode;
}

const sectionId = (key: string) => `sec-${key}`;

/** Scrolls to the field that shows a problem (or the closest enclosing entry or section) and focuses it. */
export function scrollToField(path: string): void {
  const segments = path.split('.');
  for (let n = segments.length; n > 0; n -= 1) {
    const target = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(segments.slice(0, n).join('.'))}"]`);
    if (target) {
      target.scrollIntoView({ behavior: 'smooth', block: 'center' });
      target.querySelector<HTMLElement>('input:not([type=hidden]), textarea, .ant-select-selector')?.focus({ preventScroll: true });
      return;
    }
  }
}

function EditorLayout({ sections, byField }: { sections: SectionDef[]; byField: Map<string, string[]> }) {
  return (
    <Row gutter={16} wrap={false}>
      <Col flex="auto" style={{ minWidth: 0 }}>
        <Flex vertical gap={16}>
          {sections.map((s) => (
            <Card
              key={s.key}
              id={sectionId(s.key)}
              className="qd-section"
              title={s.title}
              extra={s.uniform === 'all' ? <UniformTag keys={s.paths} /> : undefined}
            >
              {s.body}
            </Card>
          ))}
        </Flex>
      </Col>
      <Col flex="168px" className="qd-section-nav-col">
        <nav className="qd-section-nav" aria-label="要素导航">
          {sections.map((s) => {
            const count = countUnder(byField, s.paths);
            return (
              <a
                key={s.key}
                href={`#${sectionId(s.key)}`}
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(sectionId(s.key))?.scrollIntoView({ behavior: 'smooth', block: 'start' });
                }}
              >
                <Typography.Text ellipsis type={count > 0 ? 'danger' : undefined}>
                  {s.title}
                </Typography.Text>
                {count > 0 && <Badge count={count} size="small" />}
              </a>
            );
          })}
        </nav>
      </Col>
    </Row>
  );
}

const UNIFORM_SECTIONS = (value: UniformElements, patch: (p: Partial<UniformElements>) => void): Record<string, SectionDef> => ({
  basic: { key: 'basic', title: '基本信息', uniform: 'all', paths: ['name', 'type', 'serviceRecipients', 'acceptanceConditions'], body: <BasicSection value={value} patch={patch} /> },
  legalBasis: { key: 'legalBasis', title: '设定依据', uniform: 'all', paths: ['legalBasis'], body: <CitationsSection value={value} patch={patch} /> },
  process: { key: 'process', title: '办理流程', uniform: 'all', paths: ['process'], body: <ProcessSection value={value} patch={patch} /> },
  materials: { key: 'materials', title: '申请材料', uniform: 'all', paths: ['materials'], body: <MaterialsSection value={value} patch={patch} /> },
  result: { key: 'result', title: '办理结果', uniform: 'all', paths: ['result'], body: <ResultSection value={value} patch={patch} /> },
  intermediary: { key: 'intermediary', title: '中介服务', uniform: 'all', paths: ['intermediaryServices'], body: <IntermediarySection value={value} patch={patch} /> },
});

export interface ItemElementsEditorProps {
  value: ItemElements;
  onChange: (value: ItemElements) => void;
  problems: readonly Problem[];
  /** Name and type identify the catalogue item: only bureau_admin changes them here. */
  identityLocked: boolean;
  /** The catalogue item's current uniform elements: uniform sections that differ are marked. */
  catalogueUniform?: UniformElements;
  implementationCode?: string;
  /** For the 委托机关 picker. */
  orgs: Org[];
  filingTypeCode?: string;
}

/** Edits an implemented item's full element set. */
export function ItemElementsEditor({
  value, onChange, problems, identityLocked, catalogueUniform, implementationCode, orgs, filingTypeCode = DEFAULT_FILING_TYPE_CODE,
}: ItemElementsEditorProps) {
  const byField = useMemo(() => problemsByField(problems), [problems]);
  const deviating = useMemo(() => new Set(catalogueUniform ? uniformDeviations(catalogueUniform, value).keys() : []), [catalogueUniform, value]);
  const patch = (p: Partial<ItemElements>) => {
    const next = { ...value, ...p };
    // A filing item needs its settings; any other type may not carry them.
    if (p.type !== undefined && p.type !== value.type) next.filing = p.type === filingTypeCode ? (value.filing ?? { category: 'notice', secret: false }) : null;
    onChange(next);
  };
  const uniformPatch = (p: Partial<UniformElements>) => patch(p);
  const local = { value, patch };
  const filingType = value.type === filingTypeCode;
  const u = UNIFORM_SECTIONS(value, uniformPatch);
  const sections: SectionDef[] = [
    u.basic!,
    u.legalBasis!,
    u.process!,
    u.materials!,
    {
      key: 'timeLimits',
      title: '办理时限',
      uniform: 'some',
      paths: ['statutoryTimeLimit', 'promisedTimeLimit', 'caseKind'],
      body: <TimeLimitsSection value={value} patch={uniformPatch} local={local} />,
    },
    u.result!,
    {
      key: 'handling',
      title: '业务办理项',
      uniform: 'some',
      paths: ['handlingItemSplit', 'handlingItems'],
      body: <HandlingSection value={value} patch={uniformPatch} local={local} implementationCode={implementationCode} />,
    },
    u.intermediary!,
    {
      key: 'implementation',
      title: '实施信息',
      paths: ['powerSource', 'implementerNature', 'entrustingOrgId', 'place', 'hours', 'consultPhone', 'complaintPhone', 'inServiceHall', 'selfServiceTerminal'],
      body: <ImplementationSection {...local} orgs={orgs} />,
    },
    { key: 'online', title: '网上办理', paths: ['onlineDepth', 'onlineGuideUrl', 'visitsRequired'], body: <OnlineSection {...local} /> },
    { key: 'fees', title: '收费', paths: ['fees'], body: <FeesSection {...local} filingType={filingType} /> },
    { key: 'faq', title: '常见问题', paths: ['faq'], body: <FaqSection {...local} /> },
    { key: 'themes', title: '主题与关键词', paths: ['themes', 'keywords'], body: <ThemesSection {...local} /> },
    { key: 'optimisation', title: '两优记录', paths: ['optimisation'], body: <OptimisationSection {...local} /> },
    ...(filingType || value.filing
      ? [{ key: 'filing', title: '备案设置', paths: ['filing'], body: <FilingSection {...local} filingType={filingType} /> }]
      : []),
  ];
  return (
    <EditorContext.Provider value={{ problems: byField, identityLocked, showUniform: true, deviating }}>
      <Form layout="vertical" component={false}>
        <EditorLayout sections={sections} byField={byField} />
      </Form>
    </EditorContext.Provider>
  );
}

export interface UniformElementsEditorProps {
  value: UniformElements;
  onChange: (value: UniformElements) => void;
  problems: readonly Problem[];
}

/** Edits a catalogue item's uniform elements (the same sections as the item editor). */
export function UniformElementsEditor({ value, onChange, problems }: UniformElementsEditorProps) {
  const byField = useMemo(() => problemsByField(problems), [problems]);
  const patch = (p: Partial<UniformElements>) => onChange({ ...value, ...p });
  const u = UNIFORM_SECTIONS(value, patch);
  const sections: SectionDef[] = [
    u.basic!,
    u.legalBasis!,
    u.process!,
    u.materials!,
    { key: 'timeLimits', title: '法定办结时限', paths: ['statutoryTimeLimit'], body: <TimeLimitsSection value={value} patch={patch} /> },
    u.result!,
    { key: 'handling', title: '拆分标准', paths: ['handlingItemSplit'], body: <HandlingSection value={value} patch={patch} /> },
    u.intermediary!,
  ].map((s) => ({ ...s, uniform: undefined }));
  return (
    <EditorContext.Provider value={{ problems: byField, identityLocked: false, showUniform: false, deviating: new Set<string>() }}>
      <Form layout="vertical" component={false}>
        <EditorLayout sections={sections} byField={byField} />
      </Form>
    </EditorContext.Provider>
  );
}
