// One catalogue item: its current uniform elements and its versions, with a diff between any two.
import { useMemo, useState } from 'react';
import { Breadcrumb, Button, Card, Descriptions, Flex, Result, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { BranchesOutlined, DiffOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import dayjs from 'dayjs';
import { itemTypeLabel } from '../../../common/dictionaries.ts';
import { diffElements } from '../../../common/item-diff.ts';
import { useApiData } from '../useApiData.ts';
import { useAuth } from '../useAuth.ts';
import { catalogueApi, type CatalogueVersion } from '../itemsApi.ts';
import { levelLabel } from '../labels.ts';
import { DiffView } from '../components/item-editor/DiffView.tsx';
import { ElementsView } from '../components/item-editor/ElementsView.tsx';
import { diffPair } from '../components/item-editor/versions.ts';

const CATALOGUE_ROLES = ['bureau_admin', 'bureau_reviewer'];

export default function CatalogueDetailPage() {
  const { id = '' } = useParams();
  const { hasRole } = useAuth();
  const navigate = useNavigate();
  const cat = useApiData(() => catalogueApi.detail(id), [id]);
  const [picked, setPicked] = useState<number[]>([]);
  const [compared, setCompared] = useState<{ from: number; to: number } | null>(null);
  const detail = cat.data;

  const changes = useMemo(() => {
    if (!detail || !compared) return null;
    const a = detail.versions.find((v) => v.versionNo === compared.from);
    const b = detail.versions.find((v) => v.versionNo === compared.to);
    return a && b ? diffElements({ ...a.uniform, levels: a.levels }, { ...b.uniform, levels: b.levels }) : null;
  }, [detail, compared]);

  if (cat.error) {
    return (
      <Result
        status={cat.error.status === 404 ? '404' : 'error'}
        title={cat.error.status === 404 ? '目录事项不存在' : '无法加载目录事项'}
        subTitle={cat.error.message}
        extra={
          <Link to="/catalogue">
            <Button type="primary">返回基本目录</Button>
          </Link>
        }
      />
    );
  }
  if (!detail) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;

  const columns: TableColumnsType<CatalogueVersion> = [
    { title: '版本', dataIndex: 'versionNo', width: 70, render: (n: number) => <Typography.Text strong>v{n}</Typography.Text> },
    { title: '名称', dataIndex: 'name' },
    { title: '类型', dataIndex: 'type', width: 110, render: (t: string) => itemTypeLabel(t) },
    { title: '行使层级', dataIndex: 'levels', width: 180, render: (l: number[]) => l.map(levelLabel).join('、') },
    { title: '修改说明', dataIndex: 'changeNote', render: (v: string | null) => v ?? '—' },
    { title: '发布时间', dataIndex: 'createdAt', width: 150, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
  ];
  const pair = diffPair(picked);

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to="/catalogue">基本目录</Link> }, { title: detail.current.name }]} />
      <Card>
        <Flex justify="space-between" align="start" gap={16} wrap>
          <div>
            <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 8 }}>
              {detail.current.name}
            </Typography.Title>
            <Space size={[6, 6]} wrap>
              <Tag color="blue">{itemTypeLabel(detail.current.type)}</Tag>
              {detail.origin === 'local' ? <Tag color="purple">本地事项</Tag> : <Tag>自治区认领</Tag>}
              <Tag color="green">现行 v{detail.currentVersionNo}</Tag>
            </Space>
          </div>
          {hasRole(...CATALOGUE_ROLES) && (
            <Button type="primary" icon={<BranchesOutlined />} onClick={() => navigate(`/catalogue/${detail.id}/new-version`)}>
              新版本
            </Button>
          )}
        </Flex>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          style={{ marginTop: 16 }}
          items={[
            { key: 'basic', label: '基本编码', children: <Typography.Text className="qd-mono" copyable>{detail.basicCode}</Typography.Text> },
            { key: 'local', label: '地方编码', children: detail.localCode ?? '—' },
            { key: 'levels', label: '行使层级', children: detail.current.levels.map(levelLabel).join('、') },
          ]}
        />
      </Card>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          items={[
            { key: 'current', label: '统一要素', children: <ElementsView elements={detail.current.uniform} /> },
            {
              key: 'versions',
              label: `版本历史（${detail.versions.length}）`,
              children: (
                <Flex vertical gap={16}>
                  <Table<CatalogueVersion>
                    rowKey="versionNo"
                    size="small"
                    pagination={false}
                    columns={columns}
                    dataSource={[...detail.versions].sort((a, b) => b.versionNo - a.versionNo)}
                    rowSelection={{ selectedRowKeys: picked, onChange: (keys) => setPicked((keys as number[]).slice(-2)), hideSelectAll: true, columnTitle: '比较', columnWidth: 56 }}
                  />
                  <Flex gap={12} align="center">
                    <Button icon={<DiffOutlined />} disabled={!pair} onClick={() => setCompared(pair)}>
                      比较所选版本
                    </Button>
                    <Typography.Text type="secondary">{pair ? `v${pair.from} → v${pair.to}` : '勾选两个版本进行比较'}</Typography.Text>
                  </Flex>
                  {changes && compared && <DiffView changes={changes} beforeTitle={`v${compared.from}`} afterTitle={`v${compared.to}`} />}
                </Flex>
              ),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
