import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Flex, Input, Popconfirm, Row, Space, Spin, Switch, Tag, Tooltip, Tree, Typography } from 'antd';
import { ApartmentOutlined, EditOutlined, PlusOutlined, ReloadOutlined, StopOutlined, CheckCircleOutlined, DragOutlined } from '@ant-design/icons';
import { orgsApi, type Org } from '../api.ts';
import { useApiData } from '../useApiData.ts';
import { useAuth } from '../useAuth.ts';
import { errorMessage } from '../formErrors.ts';
import { buildOrgTree, orgPath, subtreeIds, type OrgNode } from '../orgTree.ts';
import { ORG_KIND_COLORS, orgKindLabel, levelLabel } from '../labels.ts';
import { OrgCreateModal } from '../components/OrgCreateModal.tsx';
import { OrgRenameModal } from '../components/OrgRenameModal.tsx';
import { OrgMoveModal } from '../components/OrgMoveModal.tsx';
import { childKinds } from '../orgRules.ts';

interface OrgTreeData {
  key: string;
  org: Org;
  children: OrgTreeData[];
}

type Dialog = { kind: 'create'; parent: Org | null } | { kind: 'rename'; org: Org } | { kind: 'move'; org: Org } | null;

function matches(org: Org, query: string): boolean {
  const q = query.toLowerCase();
  return [org.nameZh, org.nameEn ?? '', org.nameMn ?? '', org.uscc].some((s) => s.toLowerCase().includes(q));
}

// Keeps matching orgs and the path to them, so a search still reads as a tree.
function toTreeData(nodes: OrgNode[], query: string, showInactive: boolean): OrgTreeData[] {
  const out: OrgTreeData[] = [];
  for (const node of nodes) {
    if (!showInactive && !node.org.active) continue;
    const children = toTreeData(node.children, query, showInactive);
    if (!query || matches(node.org, query) || children.length > 0) out.push({ key: node.org.id, org: node.org, children });
  }
  return out;
}

// Why 新增下级 is unavailable for this org, or undefined when it is available.
function createBlocked(org: Org): string | undefined {
  if (!org.active) return '机构已停用';
  if (childKinds(org.kind).length === 0) return `${orgKindLabel(org.kind)}下不设下级机构`;
  return undefined;
}

function OrgTitle({ org }: { org: Org }) {
  return (
    <span className={org.active ? undefined : 'qd-org-inactive'} data-org-id={org.id}>
      <span className="qd-org-name" style={{ fontWeight: org.kind === 'bureau' ? 600 : undefined }}>
        {org.nameZh}
      </span>{' '}
      <Tag color={ORG_KIND_COLORS[org.kind]} style={{ marginInlineStart: 4 }}>
        {orgKindLabel(org.kind)}
      </Tag>
      <Tag>{levelLabel(org.level)}</Tag>
      <Typography.Text type="secondary" className="qd-mono">
        {org.uscc}
      </Typography.Text>
      {!org.active && (
        <Tag color="default" style={{ marginInlineStart: 8 }}>
          已停用
        </Tag>
      )}
    </span>
  );
}

export default function OrgsPage() {
  const { hasRole } = useAuth();
  const canManage = hasRole('bureau_admin');
  const { message } = App.useApp();
  const { data: orgs, loading, error, reload } = useApiData(() => orgsApi.list(), []);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [expandedKeys, setExpandedKeys] = useState<string[] | null>(null);
  const [query, setQuery] = useState('');
  const [showInactive, setShowInactive] = useState(true);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);

  const tree = useMemo(() => buildOrgTree(orgs ?? []), [orgs]);
  const treeData = useMemo(() => toTreeData(tree, query.trim(), showInactive), [tree, query, showInactive]);
  // While searching, show every match in place.
  const allIds = useMemo(() => (orgs ?? []).map((o) => o.id), [orgs]);
  const selected = orgs?.find((o) => o.id === selectedId) ?? null;
  const parent = selected?.parentId ? orgs?.find((o) => o.id === selected.parentId) : undefined;
  // A move needs somewhere else to go: an active org of a kind that may hold this one.
  const moveBlocked = useMemo(() => {
    if (!selected || !orgs) return undefined;
    const own = subtreeIds(orgs, selected.id);
    const targets = orgs.filter((o) => o.active && o.id !== selected.parentId && !own.has(o.id) && childKinds(o.kind).includes(selected.kind));
    return targets.length === 0 ? '没有可以移入的其他上级机构' : undefined;
  }, [selected, orgs]);
  const childCount = selected ? (orgs ?? []).filter((o) => o.parentId === selected.id).length : 0;

  // Everything starts expanded: a banner has a few dozen orgs, not thousands.
  useEffect(() => {
    if (orgs && expandedKeys === null) setExpandedKeys(orgs.map((o) => o.id));
  }, [orgs, expandedKeys]);

  function afterSave(org: Org) {
    setDialog(null);
    setSelectedId(org.id);
    setExpandedKeys((keys) => [...new Set([...(keys ?? []), ...(org.parentId ? [org.parentId] : [])])]);
    void reload();
  }

  async function toggleActive(org: Org) {
    setBusy(true);
    try {
      const saved = org.active ? await orgsApi.deactivate(org.id) : await orgsApi.activate(org.id);
      message.success(saved.active ? `已启用 ${saved.nameZh}` : `已停用 ${saved.nameZh}`);
      await reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        <Card
          title={
            <Space>
              <ApartmentOutlined />
              组织机构
            </Space>
          }
          extra={
            <Space wrap>
              <Input.Search allowClear placeholder="按名称或信用代码查找" onChange={(e) => setQuery(e.target.value)} style={{ width: 220 }} />
              <Space size={4}>
                <Switch size="small" checked={showInactive} onChange={setShowInactive} aria-label="显示已停用" />
                <Typography.Text>显示已停用</Typography.Text>
              </Space>
              <Button icon={<ReloadOutlined />} onClick={() => void reload()} aria-label="刷新" />
              {canManage && (
                <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create', parent: null })}>
                  新增顶级机构
                </Button>
              )}
            </Space>
          }
        >
          {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
          {loading && !orgs ? (
            <Flex justify="center" style={{ padding: 48 }}>
              <Spin />
            </Flex>
          ) : treeData.length === 0 ? (
            <Empty description={query ? '没有匹配的机构' : '暂无机构'} />
          ) : (
            <Tree<OrgTreeData>
              showLine
              blockNode
              treeData={treeData}
              expandedKeys={query ? allIds : (expandedKeys ?? [])}
              onExpand={(keys) => setExpandedKeys(keys.map(String))}
              selectedKeys={selectedId ? [selectedId] : []}
              onSelect={(keys) => setSelectedId(keys.length > 0 ? String(keys[0]) : null)}
              titleRender={(node) => <OrgTitle org={node.org} />}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        <Card title="机构详情" style={{ position: 'sticky', top: 16 }}>
          {!selected ? (
            <Empty description="在左侧选择一个机构查看详情" />
          ) : (
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Descriptions
                column={1}
                size="small"
                bordered
                items={[
                  { key: 'nameZh', label: '中文名称', children: selected.nameZh },
                  { key: 'nameMn', label: '蒙古文名称', children: selected.nameMn || '—' },
                  { key: 'nameEn', label: '英文名称', children: selected.nameEn || '—' },
                  { key: 'kind', label: '机构类别', children: <Tag color={ORG_KIND_COLORS[selected.kind]}>{orgKindLabel(selected.kind)}</Tag> },
                  { key: 'level', label: '行使层级', children: `${selected.level} ${levelLabel(selected.level)}` },
                  { key: 'uscc', label: '统一社会信用代码', children: <span className="qd-mono">{selected.uscc}</span> },
                  { key: 'division', label: '行政区划代码', children: selected.divisionCode ?? '—' },
                  { key: 'parent', label: '上级机构', children: parent ? orgPath(orgs ?? [], parent.id).join(' / ') : '（顶级）' },
                  { key: 'children', label: '下级机构', children: `${childCount} 个` },
                  { key: 'active', label: '状态', children: selected.active ? <Tag color="success">启用</Tag> : <Tag>已停用</Tag> },
                ]}
              />
              {canManage && (
                <Space wrap>
                  <Tooltip title={createBlocked(selected)}>
                    <Button
                      type="primary"
                      icon={<PlusOutlined />}
                      disabled={createBlocked(selected) !== undefined}
                      onClick={() => setDialog({ kind: 'create', parent: selected })}
                    >
                      新增下级
                    </Button>
                  </Tooltip>
                  <Button icon={<EditOutlined />} onClick={() => setDialog({ kind: 'rename', org: selected })}>
                    重命名
                  </Button>
                  <Tooltip title={moveBlocked}>
                    <Button icon={<DragOutlined />} disabled={moveBlocked !== undefined} onClick={() => setDialog({ kind: 'move', org: selected })}>
                      移动
                    </Button>
                  </Tooltip>
                  {selected.active ? (
                    <Popconfirm
                      title={`停用 ${selected.nameZh}？`}
                      description="停用后不能再在其下新增机构；已有记录保留。"
                      okText="停用"
                      okButtonProps={{ danger: true }}
                      cancelText="取消"
                      onConfirm={() => toggleActive(selected)}
                    >
                      <Button danger icon={<StopOutlined />} loading={busy}>
                        停用
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Button icon={<CheckCircleOutlined />} loading={busy} onClick={() => void toggleActive(selected)}>
                      启用
                    </Button>
                  )}
                </Space>
              )}
            </Space>
          )}
        </Card>
      </Col>
      {canManage && (
        <>
          <OrgCreateModal
            open={dialog?.kind === 'create'}
            parent={dialog?.kind === 'create' ? dialog.parent : null}
            onClose={() => setDialog(null)}
            onCreated={afterSave}
          />
          <OrgRenameModal open={dialog?.kind === 'rename'} org={dialog?.kind === 'rename' ? dialog.org : null} onClose={() => setDialog(null)} onSaved={afterSave} />
          <OrgMoveModal
            open={dialog?.kind === 'move'}
            org={dialog?.kind === 'move' ? dialog.org : null}
            orgs={orgs ?? []}
            onClose={() => setDialog(null)}
            onSaved={afterSave}
          />
        </>
      )}
    </Row>
  );
}
