// 草稿: drafts in the caller's scope under the list, so a new item that is not on the list yet can be found again.
import { Card, Table, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import { itemsApi, type DraftEntry } from '../../itemsApi.ts';
import { useApiData } from '../../useApiData.ts';

export function DraftsCard({ org }: { org?: string }) {
  const drafts = useApiData(() => itemsApi.drafts(org), [org]);
  if (!drafts.data?.length) return null;
  return (
    <Card
      size="small"
      data-testid="drafts-card"
      style={{ marginTop: 16 }}
      title={
        <span>
          <EditOutlined /> 草稿（{drafts.data.length}）
        </span>
      }
    >
      <Table<DraftEntry>
        rowKey={(r) => `${r.implementationCode}-${r.versionNo}`}
        size="small"
        pagination={drafts.data.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        dataSource={drafts.data}
        columns={[
          {
            title: '事项名称',
            dataIndex: 'name',
            render: (name: string, r) => (
              <span>
                <Link to={`/items/${r.implementationCode}?tab=draft`}>{name}</Link> {!r.hasFinalVersion && <Tag color="gold">新事项，尚未生效</Tag>}
              </span>
            ),
          },
          { title: '实施编码', dataIndex: 'implementationCode', width: 258, render: (v: string) => <Typography.Text className="qd-mono">{v}</Typography.Text> },
          { title: '实施机构', dataIndex: 'orgName', width: 160 },
          { title: '版本', dataIndex: 'versionNo', width: 64, render: (v: number) => `v${v}` },
          { title: '最后修改', dataIndex: 'updatedAt', width: 140, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
        ]}
      />
    </Card>
  );
}
