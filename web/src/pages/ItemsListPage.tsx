// 事项清单: the current list (or the list as of a date), searched and filtered, one keyset page at a time.
import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Checkbox, DatePicker, Flex, Popover, Select, Space, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined, SettingOutlined, UnorderedListOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import { CASE_KINDS, ONLINE_DEPTHS, POWER_SOURCES, SERVICE_RECIPIENTS, THEMES } from '../../../common/dictionaries.ts';
import { orgsApi } from '../api.ts';
import { useApiData } from '../useApiData.ts';
import { useAuth } from '../useAuth.ts';
import { errorMessage } from '../formErrors.ts';
import { useCursorPages } from '../useCursorPages.ts';
import { CursorTable } from '../components/CursorTable.tsx';
import { ListSearch } from '../components/ListSearch.tsx';
import {
  itemsApi, markTransferUnavailable, transferApi, transferEndpointsAvailable, type ExportFormat, type ItemListEntry, type ItemListQuery,
} from '../itemsApi.ts';
import { ApiError } from '../api.ts';
import { OrgTreeSelect } from '../components/OrgTreeSelect.tsx';
import { NewItemModal } from '../components/item-editor/NewItemModal.tsx';
import { DraftsCard } from '../components/item-editor/DraftsCard.tsx';
import { codeOptions, ITEM_TYPE_OPTIONS, timeLimitText } from '../components/item-editor/elementLabels.ts';
import { itemListQueryFrom, itemListSearchParams, totalText } from '../components/item-editor/listQuery.ts';

const PAGE_SIZE = 20;
const COLUMNS_KEY = 'qd.items.columns';

const COLUMN_CHOICES: Array<{ key: string; label: string; default: boolean }> = [
  { key: 'implementationCode', label: '实施编码', default: true },
  { key: 'type', label: '事项类型', default: true },
  { key: 'orgName', label: '实施机构', default: true },
  { key: 'timeLimits', label: '承诺/法定时限', default: true },
  { key: 'caseKind', label: '办件类型', default: true },
  { key: 'onlineDepth', label: '网办深度', default: true },
  { key: 'powerSource', label: '权力来源', default: false },
  { key: 'versionNo', label: '版本', default: false },
  { key: 'effectiveFrom', label: '生效日期', default: true },
];

const fetchPage = (query: ItemListQuery, cursor: string | undefined) => itemsApi.list({ ...query, cursor, limit: PAGE_SIZE });

function storedColumns(): string[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? 'null') as unknown;
    if (Array.isArray(parsed) && parsed.every((k) => typeof k === 'string')) return parsed;
  } catch {
    // Unreadable: defaults.
  }
  return COLUMN_CHOICES.filter((c) => c.default).map((c) => c.key);
}

export default function ItemsListPage() {
  const { me, hasRole } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => itemListQueryFrom(params), [params]);
  const queryKey = params.toString();
  const pages = useCursorPages(fetchPage);
  const { load, lastPage } = pages;
  const [visible, setVisible] = useState<string[]>(storedColumns);
  const [transfer, setTransfer] = useState(false);
  const [exporting, setExporting] = useState<ExportFormat | null>(null);
  const [creating, setCreating] = useState(false);
  const orgs = useApiData(() => orgsApi.list(), []);
  const orgList = useMemo(() => orgs.data ?? [], [orgs.data]);
  const mayCreate = hasRole('bureau_admin', 'dept_editor');
  const isAdmin = hasRole('bureau_admin');

  useEffect(() => {
    void transferEndpointsAvailable().then(setTransfer);
  }, []);

  useEffect(() => {
    void load(query);
    // queryKey is the query's identity: the parsed object is new on every render of the same URL.
  }, [queryKey, load]);

  function setFilter(patch: Partial<ItemListQuery>) {
    setParams(itemListSearchParams({ ...query, ...patch }), { replace: false });
  }

  async function onExport(format: ExportFormat) {
    setExporting(format);
    try {
      const { cursor: _cursor, limit: _limit, ...filters } = query;
      await transferApi.export(format, filters);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404 && e.code !== 'ITEM.NOT_FOUND') {
        markTransferUnavailable();
        setTransfer(false);
        message.info('导出功能暂不可用');
      } else message.error(errorMessage(e));
    } finally {
      setExporting(null);
    }
  }

  function saveColumns(keys: string[]) {
    setVisible(keys);
    localStorage.setItem(COLUMNS_KEY, JSON.stringify(keys));
  }

  const allColumns: TableColumnsType<ItemListEntry> = [
    {
      title: '事项名称',
      dataIndex: 'name',
      key: 'name',
      render: (name: string, r) => <Link to={`/items/${r.implementationCode}`}>{name}</Link>,
    },
    {
      title: '实施编码',
      dataIndex: 'implementationCode',
      key: 'implementationCode',
      width: 258,
      render: (v: string) => (
        <Typography.Text className="qd-mono" copyable={{ text: v, tooltips: ['复制编码', '已复制'] }}>
          {v}
        </Typography.Text>
      ),
    },
    { title: '事项类型', dataIndex: 'typeLabel', key: 'type', width: 92, render: (v: string) => <Tag>{v}</Tag> },
    { title: '实施机构', dataIndex: 'orgName', key: 'orgName', width: 160 },
    {
      title: '承诺/法定时限',
      key: 'timeLimits',
      width: 140,
      // Notes ("网上即时办结") stay in the tooltip: the list compares numbers.
      render: (_, r) => (
        <Tooltip title={[r.promisedTimeLimit.note && `承诺：${r.promisedTimeLimit.note}`, r.statutoryTimeLimit.note && `法定：${r.statutoryTimeLimit.note}`].filter(Boolean).join('；') || undefined}>
          <Flex vertical>
            <span>承诺 {timeLimitText({ ...r.promisedTimeLimit, note: undefined })}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              法定 {timeLimitText({ ...r.statutoryTimeLimit, note: undefined })}
            </Typography.Text>
          </Flex>
        </Tooltip>
      ),
    },
    {
      title: '办件类型',
      dataIndex: 'caseKind',
      key: 'caseKind',
      width: 88,
      render: (v: number) => <Tag color={v === 1 ? 'green' : 'blue'}>{CASE_KINDS[v] ?? v}</Tag>,
    },
    { title: '网办深度', dataIndex: 'onlineDepth', key: 'onlineDepth', width: 90, render: (v: number) => ONLINE_DEPTHS[v] ?? v },
    { title: '权力来源', dataIndex: 'powerSource', key: 'powerSource', width: 110, render: (v: number) => POWER_SOURCES[v] ?? v },
    { title: '版本', dataIndex: 'versionNo', key: 'versionNo', width: 64, render: (v: number) => `v${v}` },
    { title: '生效日期', dataIndex: 'effectiveFrom', key: 'effectiveFrom', width: 104, render: (v: string) => dayjs(v).format('YYYY-MM-DD') },
  ];
  const columns = allColumns.filter((c) => c.key === 'name' || visible.includes(String(c.key)));

  const columnPicker = (
    <Checkbox.Group
      value={visible}
      onChange={(keys) => saveColumns(keys as string[])}
      style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
      options={COLUMN_CHOICES.map((c) => ({ value: c.key, label: c.label }))}
    />
  );

  const hasFilters = Object.entries(query).some(([k, v]) => k !== 'q' && v !== undefined);

  return (
    <Card
      title={
        <Space>
          <UnorderedListOutlined />
          事项清单
        </Space>
      }
      extra={
        <Space wrap>
          {transfer && (
            <>
              <Button icon={<DownloadOutlined />} loading={exporting === 'xlsx'} onClick={() => void onExport('xlsx')}>
                导出 Excel
              </Button>
              <Button icon={<DownloadOutlined />} loading={exporting === 'json'} onClick={() => void onExport('json')}>
                导出 JSON
              </Button>
              {mayCreate && (
                <Button icon={<UploadOutlined />} onClick={() => navigate('/items/import')}>
                  导入
                </Button>
              )}
            </>
          )}
          {mayCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新增事项
            </Button>
          )}
        </Space>
      }
    >
      <Flex vertical gap={12} style={{ marginBottom: 16 }}>
        <ListSearch
          aria-label="检索事项"
          placeholder="输入事项名称、编码、关键词或法律法规名称（一个字即可检索）"
          size="large"
          query={query.q}
          onQuery={(q) => setFilter({ q })}
        />
        <Flex gap={8} wrap align="center">
          <OrgTreeSelect
            orgs={orgList}
            value={query.org}
            onChange={(org) => setFilter({ org })}
            placeholder="实施机构"
            allowClear
            style={{ width: 200 }}
          />
          {me && (
            <Button type={query.org === me.orgId ? 'primary' : 'default'} onClick={() => setFilter({ org: query.org === me.orgId ? undefined : me.orgId })}>
              本机构
            </Button>
          )}
          <Select aria-label="事项类型" allowClear placeholder="事项类型" value={query.type} options={ITEM_TYPE_OPTIONS} onChange={(type?: string) => setFilter({ type })} style={{ width: 130 }} />
          <Select
            aria-label="服务对象"
            allowClear
            placeholder="服务对象"
            value={query.recipient}
            options={codeOptions(SERVICE_RECIPIENTS)}
            onChange={(recipient?: number) => setFilter({ recipient })}
            style={{ width: 120 }}
          />
          <Select aria-label="办件类型" allowClear placeholder="办件类型" value={query.caseKind} options={codeOptions(CASE_KINDS)} onChange={(caseKind?: number) => setFilter({ caseKind })} style={{ width: 110 }} />
          <Select
            aria-label="主题"
            allowClear
            showSearch
            placeholder="主题"
            value={query.theme}
            options={THEMES.map((t) => ({ value: t, label: t }))}
            onChange={(theme?: string) => setFilter({ theme })}
            style={{ width: 110 }}
          />
          <Select
            aria-label="网办深度"
            allowClear
            placeholder="网办深度"
            value={query.onlineDepth}
            options={codeOptions(ONLINE_DEPTHS)}
            onChange={(onlineDepth?: number) => setFilter({ onlineDepth })}
            style={{ width: 116 }}
          />
          <Tooltip title="查看某一日期当天有效的清单（默认为现行清单）">
            <DatePicker
              aria-label="清单日期"
              placeholder="清单日期"
              value={query.asOf ? dayjs(query.asOf) : null}
              onChange={(d) => setFilter({ asOf: d ? d.format('YYYY-MM-DD') : undefined })}
              style={{ width: 140 }}
            />
          </Tooltip>
          {hasFilters && (
            <Button type="link" onClick={() => setParams(itemListSearchParams({ q: query.q }))}>
              清除筛选
            </Button>
          )}
        </Flex>
      </Flex>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary" data-testid="items-total">
          {lastPage ? totalText(lastPage.total, lastPage.totalCapped, query) : '\u00a0'}
        </Typography.Text>
        <Popover content={columnPicker} title="显示的列" trigger="click" placement="bottomRight">
          <Button size="small" icon={<SettingOutlined />}>
            列设置
          </Button>
        </Popover>
      </Flex>
      <CursorTable<ItemListEntry>
        pages={pages}
        unit="项"
        rowKey="implementationCode"
        size="middle"
        columns={columns}
        // Names wrap; below ~1080 px the table scrolls sideways rather than squeezing the codes.
        scroll={{ x: 1080 }}
        locale={{ emptyText: query.q ? `没有找到与“${query.q}”相关的事项` : '清单中暂无事项' }}
      />
      {!query.asOf && <DraftsCard org={query.org} />}
      <NewItemModal
        open={creating}
        orgs={orgList}
        fixedOrgId={isAdmin ? undefined : me?.orgId}
        onClose={() => setCreating(false)}
        onCreated={(item) => {
          setCreating(false);
          message.success(`已创建事项，实施编码 ${item.implementationCode}`);
          navigate(`/items/${item.implementationCode}?tab=draft`);
        }}
      />
    </Card>
  );
}
