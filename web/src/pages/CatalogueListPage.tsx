// 基本目录: the catalogue items the banner implements (认领 from the provincial catalogue, or local).
import { useEffect } from 'react';
import { Button, Card, Flex, Select, Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { BookOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { itemTypeLabel } from '../../../common/dictionaries.ts';
import { useAuth } from '../useAuth.ts';
import { useCursorPages } from '../useCursorPages.ts';
import { CursorTable } from '../components/CursorTable.tsx';
import { ListSearch } from '../components/ListSearch.tsx';
import { catalogueApi, type CatalogueListEntry } from '../itemsApi.ts';
import { levelLabel } from '../labels.ts';
import { ITEM_TYPE_OPTIONS } from '../components/item-editor/elementLabels.ts';

const PAGE_SIZE = 50;

const CATALOGUE_ROLES = ['bureau_admin', 'bureau_reviewer'];

const fetchPage = (query: { q?: string; type?: string }, cursor: string | undefined) => catalogueApi.list({ ...query, cursor, limit: PAGE_SIZE });

export default function CatalogueListPage() {
  const { hasRole } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const type = params.get('type') ?? undefined;
  const pages = useCursorPages(fetchPage);
  const { load } = pages;
  const manage = hasRole(...CATALOGUE_ROLES);

  useEffect(() => {
    void load({ q: q || undefined, type });
  }, [q, type, load]);

  const setQuery = (next: { q?: string; type?: string }) => {
    const p = new URLSearchParams();
    if (next.q) p.set('q', next.q);
    if (next.type) p.set('type', next.type);
    setParams(p);
  };

  const columns: TableColumnsType<CatalogueListEntry> = [
    { title: '基本编码', dataIndex: 'basicCode', width: 140, render: (v: string) => <span className="qd-mono">{v}</span> },
    { title: '事项名称', dataIndex: 'name', render: (name: string, r) => <Link to={`/catalogue/${r.id}`}>{name}</Link> },
    { title: '事项类型', dataIndex: 'type', width: 120, render: (t: string) => <Tag>{itemTypeLabel(t)}</Tag> },
    { title: '行使层级', dataIndex: 'levels', width: 200, render: (levels: number[]) => levels.map(levelLabel).join('、') },
    {
      title: '来源',
      dataIndex: 'origin',
      width: 100,
      render: (o: string, r) => (o === 'local' ? <Tag color="purple">本地{r.localCode ? ` ${r.localCode}` : ''}</Tag> : <Tag color="blue">自治区认领</Tag>),
    },
    { title: '版本', dataIndex: 'currentVersionNo', width: 70, render: (n: number) => `v${n}` },
  ];

  return (
    <Card
      title={
        <Space>
          <BookOutlined />
          基本目录
        </Space>
      }
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/catalogue/new')}>
            新增目录事项
          </Button>
        )
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <ListSearch
          aria-label="检索目录事项"
          placeholder="事项名称或基本编码"
          query={q || undefined}
          onQuery={(next) => setQuery({ q: next, type })}
          style={{ maxWidth: 420 }}
        />
        <Select aria-label="事项类型" allowClear placeholder="事项类型" value={type} options={ITEM_TYPE_OPTIONS} onChange={(t?: string) => setQuery({ q: q || undefined, type: t })} style={{ width: 160 }} />
      </Flex>
      <CursorTable<CatalogueListEntry>
        pages={pages}
        unit="项"
        rowKey="id"
        size="middle"
        columns={columns}
        locale={{ emptyText: q ? `没有与“${q}”匹配的目录事项` : '基本目录为空' }}
      />
    </Card>
  );
}
