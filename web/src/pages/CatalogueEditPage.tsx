// 新增目录事项 / 目录新版本: the uniform elements in the editor's sections; a new version reports the
// implemented items it flagged 需复核.
import { useMemo, useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Checkbox, Col, Collapse, Flex, Form, Input, Radio, Result, Row, Spin, Table, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { diffElements } from '../../../common/item-diff.ts';
import { ApiError } from '../api.ts';
import { useApiData } from '../useApiData.ts';
import { errorMessage } from '../formErrors.ts';
import { catalogueApi, type CatalogueDetail, type CatalogueVersionResult, type Problem, type UniformElements } from '../itemsApi.ts';
import { LEVEL_LABELS } from '../labels.ts';
import { DiffView } from '../components/item-editor/DiffView.tsx';
import { UniformElementsEditor } from '../components/item-editor/ElementsEditor.tsx';
import { elementPathLabel } from '../components/item-editor/elementLabels.ts';
import { blankUniform } from '../components/item-editor/model.ts';
import { ProblemSummary } from '../components/item-editor/ProblemSummary.tsx';
import { fieldPath, problemsByField, problemsNotIn, uniformElementProblems } from '../components/item-editor/problems.ts';

interface Meta {
  basicCode: string;
  localCode: string;
  origin: 'provincial' | 'local';
  levels: number[];
  changeNote: string;
}

/** Problems of the fields around the uniform elements (codes, levels). */
function metaProblems(meta: Meta, creating: boolean): Problem[] {
  const p: Problem[] = [];
  if (creating && !/^[0-9A-Z]{12}$/.test(meta.basicCode)) p.push({ path: 'basicCode', message: '基本编码须为 12 位数字或大写字母' });
  if (creating && meta.origin === 'local' && !meta.localCode.trim()) p.push({ path: 'localCode', message: '本地事项须填写地方编码' });
  if (meta.levels.length === 0) p.push({ path: 'levels', message: '至少选择一个行使层级' });
  return p;
}

function MetaForm({ meta, onChange, creating, problems }: { meta: Meta; onChange: (m: Meta) => void; creating: boolean; problems: Map<string, string[]> }) {
  const status = (path: string) => (problems.has(path) ? { validateStatus: 'error' as const, help: problems.get(path)!.join('；') } : {});
  return (
    <Form layout="vertical" component={false}>
      <Row gutter={16}>
        {creating && (
          <>
            <Col xs={24} md={8}>
              <div data-path="origin">
                <Form.Item label="来源" required>
                  <Radio.Group
                    value={meta.origin}
                    onChange={(e) => onChange({ ...meta, origin: e.target.value as Meta['origin'] })}
                    options={[
                      { value: 'provincial', label: '自治区目录认领' },
                      { value: 'local', label: '本地事项' },
                    ]}
                  />
                </Form.Item>
              </div>
            </Col>
            <Col xs={24} md={8}>
              <div data-path="basicCode">
                <Form.Item label="基本编码" required htmlFor="cat-basic-code" {...status('basicCode')} extra="12 位，不含分隔符">
                  <Input id="cat-basic-code" className="qd-mono" maxLength={12} value={meta.basicCode} onChange={(e) => onChange({ ...meta, basicCode: e.target.value.toUpperCase() })} />
                </Form.Item>
              </div>
            </Col>
            <Col xs={24} md={8}>
              <div data-path="localCode">
                <Form.Item label="地方编码" required={meta.origin === 'local'} htmlFor="cat-local-code" {...status('localCode')}>
                  <Input id="cat-local-code" maxLength={40} value={meta.localCode} onChange={(e) => onChange({ ...meta, localCode: e.target.value })} />
                </Form.Item>
              </div>
            </Col>
          </>
        )}
        <Col xs={24} md={creating ? 12 : 24}>
          <div data-path="levels">
            <Form.Item label="行使层级" required {...status('levels')}>
              <Checkbox.Group
                value={meta.levels}
                onChange={(v) => onChange({ ...meta, levels: [...(v as number[])].sort() })}
                options={Object.entries(LEVEL_LABELS).map(([value, label]) => ({ value: Number(value), label }))}
              />
            </Form.Item>
          </div>
        </Col>
        <Col xs={24} md={creating ? 12 : 24}>
          <Form.Item label="修改说明" htmlFor="cat-change-note">
            <Input id="cat-change-note" maxLength={500} placeholder={creating ? '如：认领自治区政务服务事项基本目录' : '如：依据新修订的《……》调整申请材料'} value={meta.changeNote} onChange={(e) => onChange({ ...meta, changeNote: e.target.value })} />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}

function Editor({ base }: { base: CatalogueDetail | null }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const creating = base === null;
  const [uniform, setUniform] = useState<UniformElements>(() => base?.current.uniform ?? blankUniform());
  const [meta, setMeta] = useState<Meta>(() => ({ basicCode: '', localCode: '', origin: 'provincial', levels: base?.current.levels ?? [4], changeNote: '' }));
  const [serverProblems, setServerProblems] = useState<Problem[]>([]);
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<CatalogueVersionResult | null>(null);

  const problems = useMemo(() => [...metaProblems(meta, creating), ...uniformElementProblems(uniform)], [meta, uniform, creating]);
  const all = useMemo(() => [...problems, ...problemsNotIn(serverProblems, problems)], [problems, serverProblems]);
  const changes = useMemo(
    () => (base ? diffElements({ ...base.current.uniform, levels: base.current.levels }, { ...uniform, levels: meta.levels }) : []),
    [base, uniform, meta.levels],
  );

  async function submit() {
    setSaving(true);
    setServerProblems([]);
    try {
      const changeNote = meta.changeNote.trim() || undefined;
      if (creating) {
        const created = await catalogueApi.create({
          basicCode: meta.basicCode, localCode: meta.localCode.trim() || null, origin: meta.origin, levels: meta.levels, uniform, changeNote,
        });
        message.success(`已新增目录事项 ${created.current.name}`);
        navigate(`/catalogue/${created.id}`);
      } else {
        const r = await catalogueApi.addVersion(base.id, { levels: meta.levels, uniform, changeNote });
        message.success(`已发布目录第 ${r.item.currentVersionNo} 版`);
        setResult(r);
      }
    } catch (e) {
      if (e instanceof ApiError && e.details.length > 0) setServerProblems(e.details.map((d) => ({ path: fieldPath(d.path), message: d.message })));
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  if (result) {
    return (
      <Card>
        <Result
          status="success"
          title={`已发布 ${result.item.current.name} 目录第 ${result.item.currentVersionNo} 版`}
          subTitle={
            result.flagged.length > 0
              ? `${result.flagged.length} 个实施事项的统一要素与新版本不一致，已标记为“需复核”，请通知相关机构承接新版本。`
              : '没有实施事项受影响（无实质性要素变化，或尚无机构实施该事项）。'
          }
          extra={
            <Link to={`/catalogue/${result.item.id}`}>
              <Button type="primary">返回目录事项</Button>
            </Link>
          }
        />
        {result.flagged.length > 0 && (
          <Table
            rowKey="implementationCode"
            size="small"
            pagination={false}
            dataSource={result.flagged}
            data-testid="flagged-items"
            columns={[
              {
                title: '需复核的实施事项',
                dataIndex: 'implementationCode',
                render: (code: string) => (
                  <Link to={`/items/${code}?tab=review`} className="qd-mono">
                    {code}
                  </Link>
                ),
              },
              { title: '要素变化', key: 'changes', render: (_, f) => f.changes.map((c) => elementPathLabel(c.path)).join('、') },
            ]}
          />
        )}
      </Card>
    );
  }

  return (
    <Flex vertical gap={16}>
      <div className="qd-editor-toolbar" style={{ marginBottom: 0 }}>
        <Flex justify="space-between" align="center" gap={12} wrap>
          <Typography.Text strong>{creating ? '新增目录事项' : `${base.current.name} · 目录新版本 v${base.currentVersionNo + 1}`}</Typography.Text>
          <Button type="primary" icon={<SendOutlined />} loading={saving} disabled={problems.length > 0 || (!creating && changes.length === 0)} onClick={() => void submit()}>
            {creating ? '新增目录事项' : '发布新版本'}
          </Button>
        </Flex>
      </div>
      <ProblemSummary problems={all} subject="目录要素" okText={creating || changes.length > 0 ? '目录要素已通过校验' : '目录要素已通过校验；尚未作任何修改'} />
      {!creating && (
        <Collapse
          items={[
            {
              key: 'diff',
              label: `与现行第 ${base.currentVersionNo} 版的差异：${changes.length} 处（发布后，统一要素与新版本不一致的实施事项将被标记为需复核）`,
              children: <DiffView changes={changes} beforeTitle={`现行 v${base.currentVersionNo}`} afterTitle="新版本" emptyText="尚未修改" />,
            },
          ]}
        />
      )}
      <Card title="目录信息" className="qd-section">
        <MetaForm meta={meta} onChange={setMeta} creating={creating} problems={problemsByField(all)} />
      </Card>
      <UniformElementsEditor value={uniform} onChange={setUniform} problems={all} />
    </Flex>
  );
}

export default function CatalogueEditPage() {
  const { id } = useParams();
  const cat = useApiData(() => (id ? catalogueApi.detail(id) : Promise.resolve(null)), [id]);
  if (cat.error) return <Alert type="error" showIcon title={cat.error.message} />;
  if (cat.loading && !cat.data) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  const base = cat.data ?? null;
  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { title: <Link to="/catalogue">基本目录</Link> },
          ...(base ? [{ title: <Link to={`/catalogue/${base.id}`}>{base.current.name}</Link> }, { title: '新版本' }] : [{ title: '新增目录事项' }]),
        ]}
      />
      <Editor key={base?.id ?? 'new'} base={base} />
    </Flex>
  );
}
