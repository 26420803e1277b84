// A table of keyset-paged rows (useCursorPages): the load error above it, "加载更多" below it.
import { Alert, Button, Flex, Table, Typography, type TableProps } from 'antd';
import type { PagedRows } from '../useCursorPages.ts';

export interface CursorTableProps<T> extends Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination'> {
  pages: PagedRows<T>;
  /** The counting word of a row: 项, 条. */
  unit: string;
}

export function CursorTable<T extends object>({ pages, unit, ...table }: CursorTableProps<T>) {
  const { rows, nextCursor, loading, error } = pages;
  return (
    <>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<T> {...table} dataSource={rows} loading={loading && rows.length === 0} pagination={false} />
      <Flex justify="center" align="center" gap={16} style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">
          已显示 {rows.length} {unit}
        </Typography.Text>
        {nextCursor ? (
          <Button loading={loading && rows.length > 0} onClick={() => void pages.more()}>
            加载更多
          </Button>
        ) : (
          rows.length > 0 && <Typography.Text type="secondary">没有更多了</Typography.Text>
        )}
      </Flex>
    </>
  );
}
