// One implemented item: its current version, its draft (editor), its version history and the review notice.
import { useMemo, useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Empty, Flex, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { ExportOutlined, FileAddOutlined, SyncOutlined, WarningOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import { itemTypeLabel } from '../../../common/dictionaries.ts';
import { orgsApi } from '../api.ts';
import { useApiData } from '../useApiData.ts';
import { useAuth } from '../useAuth.ts';
import { errorMessage } from '../formErrors.ts';
import { catalogueApi, itemsApi } from '../itemsApi.ts';
import { levelLabel } from '../labels.ts';
import { DiffView } from '../components/item-editor/DiffView.tsx';
import { DraftEditor } from '../components/item-editor/DraftEditor.tsx';
import { ElementsView } from '../components/item-editor/ElementsView.tsx';
import { VersionHistory } from '../components/item-editor/VersionHistory.tsx';
import { versionStatus } from '../components/item-editor/versions.ts';

const TABS = ['current', 'draft', 'history', 'review'] as const;
type Tab = (typeof TABS)[number];

export default function ItemsDetailPage() {
  const { code = '' } = useParams();
  const { me, hasRole } = useAuth();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [starting, setStarting] = useState<'draft' | 'takeOver' | null>(null);
  const item = useApiData(() => itemsApi.detail(code), [code]);
  const orgs = useApiData(() => orgsApi.list(), []);
  const orgList = useMemo(() => orgs.data ?? [], [orgs.data]);
  const orgNames = useMemo(() => new Map(orgList.map((o) => [o.id, o.nameZh])), [orgList]);

  const detail = item.data;
  // The catalogue's current uniform elements: the draft editor marks the ones a draft departs from (同源).
  const catalogue = useApiData(() => (detail ? catalogueApi.detail(detail.catalogueItemId) : Promise.resolve(null)), [detail?.catalogueItemId]);
  const isAdmin = hasRole('bureau_admin');
  const canEdit = !!detail && !!me && (isAdmin || (hasRole('dept_editor') && me.orgId === detail.orgId));
  const requested = params.get('tab') as Tab | null;
  const defaultTab: Tab = detail?.current ? 'current' : 'draft';
  const tab: Tab = requested && TABS.includes(requested) && (requested !== 'review' || detail?.reviewNeeded) ? requested : defaultTab;
  const setTab = (t: string) => setParams(t === defaultTab ? {} : { tab: t }, { replace: true });

  async function startDraft(takeOver: boolean) {
    setStarting(takeOver ? 'takeOver' : 'draft');
    try {
      const result = await itemsApi.startDraft(code, takeOver);
      message.success(takeOver ? `已承接目录新版本，生成草稿 v${result.version.versionNo}` : `已新建草稿 v${result.version.versionNo}`);
      await item.reload();
      setParams({ tab: 'draft' }, { replace: true });
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setStarting(null);
    }
  }

  if (item.error) {
    return (
      <Result
        status={item.error.status === 404 ? '404' : 'error'}
        title={item.error.status === 404 ? '事项不存在' : '无法加载事项'}
        subTitle={item.error.status === 404 ? '该事项不存在，或不在您的查看范围内。' : item.error.message}
        extra={
          <Link to="/items">
            <Button type="primary">返回事项清单</Button>
          </Link>
        }
      />
    );
  }
  if (!detail) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;

  const shown = detail.current ?? detail.draft;
  const now = new Date();
  const scheduled = detail.versions.filter((v) => versionStatus(v, now) === 'scheduled');
  const name = shown?.elements.name ?? detail.implementationCode;
  const type = shown?.elements.type;

  const draftTab = detail.draft ? (
    canEdit ? (
      <DraftEditor
        key={`${detail.draft.versionNo}-${detail.draft.createdAt}`}
        detail={detail}
        draft={detail.draft}
        orgs={orgList}
        isAdmin={isAdmin}
        catalogueUniform={catalogue.data?.current.uniform}
        onChanged={() => void item.reload()}
        onDiscarded={() => {
          void item.reload();
          setParams({}, { replace: true });
        }}
        onLoaded={() => {
          void item.reload();
          setParams({ tab: 'current' }, { replace: true });
        }}
      />
    ) : (
      <Flex vertical gap={12}>
        <Alert type="info" showIcon title={`草稿 v${detail.draft.versionNo}（只读：仅${detail.orgName}的经办人和政务服务局管理员可以编辑）`} />
        <ElementsView elements={detail.draft.elements} handlingCodes={new Map(detail.draft.handlingItems.map((h) => [h.seq, h.code]))} orgName={(id) => orgNames.get(id)} />
      </Flex>
    )
  ) : (
    <Empty description={detail.current ? '没有草稿。修改事项要素请先新建草稿（从现行版本复制）。' : '没有草稿。'}>
      {canEdit && (
        <Space>
          <Button type="primary" icon={<FileAddOutlined />} loading={starting === 'draft'} onClick={() => void startDraft(false)}>
            新建草稿
          </Button>
          {detail.reviewNeeded && (
            <Button icon={<SyncOutlined />} loading={starting === 'takeOver'} onClick={() => void startDraft(true)}>
              承接目录新版本
            </Button>
          )}
        </Space>
      )}
    </Empty>
  );

  const tabs = [
    {
      key: 'current',
      label: '现行版本',
      children: detail.current ? (
        <ElementsView
          elements={detail.current.elements}
          handlingCodes={new Map(detail.current.handlingItems.map((h) => [h.seq, h.code]))}
          orgName={(id) => orgNames.get(id)}
        />
      ) : (
        <Empty description="该事项尚未生效，不在现行清单中" />
      ),
    },
    { key: 'draft', label: detail.draft ? `草稿 v${detail.draft.versionNo}` : '草稿', children: draftTab },
    { key: 'history', label: `版本历史（${detail.versions.length}）`, children: <VersionHistory implementationCode={detail.implementationCode} versions={detail.versions} /> },
    ...(detail.reviewNeeded
      ? [
          {
            key: 'review',
            label: (
              <Typography.Text type="warning">
                <WarningOutlined /> 复核提示
              </Typography.Text>
            ),
            children: (
              <Flex vertical gap={16}>
                <Alert
                  type="warning"
                  showIcon
                  title={`基本目录已发布第 ${detail.reviewCatalogueVersionNo ?? '?'} 版，统一要素与本事项不一致，需要复核`}
                  description="承接目录新版本：以目录的统一要素生成新草稿（本机构的实施要素保持不变），核对后提交调整申请；或就差异提出变更申请。"
                  action={
                    canEdit && (
                      <Button type="primary" icon={<SyncOutlined />} loading={starting === 'takeOver'} disabled={!!detail.draft} onClick={() => void startDraft(true)}>
                        承接目录新版本
                      </Button>
                    )
                  }
                />
                {detail.draft && canEdit && <Alert type="info" showIcon title={`已有草稿 v${detail.draft.versionNo}：请先保存并处理或删除该草稿，再承接目录新版本。`} />}
                <DiffView changes={detail.reviewDiff ?? []} beforeTitle="本事项现行" afterTitle={`目录第 ${detail.reviewCatalogueVersionNo ?? '?'} 版`} emptyText="没有要素差异" />
              </Flex>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to="/items">事项清单</Link> }, { title: name }]} />
      <Card>
        <Flex justify="space-between" align="start" gap={16} wrap>
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 8 }}>
              {name}
            </Typography.Title>
            <Space size={[6, 6]} wrap>
              {type && <Tag color="blue">{itemTypeLabel(type)}</Tag>}
              {detail.current ? (
                <Tag color="green">现行 v{detail.current.versionNo}，自 {dayjs(detail.current.effectiveFrom).format('YYYY-MM-DD')} 起</Tag>
              ) : (
                <Tag>未生效</Tag>
              )}
              {scheduled.map((v) => (
                <Tag key={v.versionNo} color="cyan">
                  v{v.versionNo} 待生效，自 {dayjs(v.effectiveFrom).format('YYYY-MM-DD')} 起
                </Tag>
              ))}
              {detail.draft && <Tag color="processing">草稿 v{detail.draft.versionNo}</Tag>}
              {detail.reviewNeeded && (
                <Tag color="warning" icon={<WarningOutlined />}>
                  需复核
                </Tag>
              )}
            </Space>
          </div>
          {detail.current && (
            <Button icon={<ExportOutlined />} href={`/items/${detail.implementationCode}`} target="_blank" rel="noreferrer">
              查看办事指南
            </Button>
          )}
        </Flex>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 4 }}
          style={{ marginTop: 16 }}
          items={[
            { key: 'code', label: '实施编码', children: <Typography.Text className="qd-mono" copyable>{detail.implementationCode}</Typography.Text> },
            { key: 'basic', label: '基本编码', children: <span className="qd-mono">{detail.basicCode}</span> },
            { key: 'org', label: '实施机构', children: detail.orgName },
            { key: 'level', label: '行使层级', children: levelLabel(detail.levelDigit) },
          ]}
        />
      </Card>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs activeKey={tab} onChange={setTab} items={tabs} />
      </Card>
    </Flex>
  );
}
