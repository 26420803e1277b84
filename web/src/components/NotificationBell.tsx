import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Empty, Popover, Space, Spin, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import dayjs from 'dayjs';
import { notificationsApi, type Notification } from '../adjustmentsApi.ts';
import { routerPath } from '../adjustmentFormat.ts';

const POLL_MS = 60_000;

/** The header's bell: unread count (polled every minute), the latest messages, click to open and mark read. */
export function NotificationBell() {
  const navigate = useNavigate();
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<Notification[] | null>(null);
  const [loading, setLoading] = useState(false);

  const poll = useCallback(async () => {
    try {
      setUnread((await notificationsApi.list(true)).unread);
    } catch {
      // A missed poll is retried in a minute; a 401 already sends the user to the login page.
    }
  }, []);

  useEffect(() => {
    void poll();
    const timer = setInterval(() => {
      if (!document.hidden) void poll();
    }, POLL_MS);
    const onVisible = () => {
      if (!document.hidden) void poll();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [poll]);

  async function load() {
    setLoading(true);
    try {
      const r = await notificationsApi.list(false);
      setItems(r.items.slice(0, 30));
      setUnread(r.unread);
    } catch {
      setItems([]);
    } finally {
      setLoading(false);
    }
  }

  async function openOne(n: Notification) {
    setOpen(false);
    if (!n.read) {
      setUnread((u) => Math.max(0, u - 1));
      setItems((prev) => prev?.map((x) => (x.id === n.id ? { ...x, read: true } : x)) ?? null);
      void notificationsApi.markRead([n.id]).catch(() => undefined);
    }
    if (n.link) navigate(routerPath(n.link));
  }

  async function readAll() {
    await notificationsApi.markRead('all');
    setUnread(0);
    setItems((prev) => prev?.map((x) => ({ ...x, read: true })) ?? null);
  }

  const content = (
    <div style={{ width: 360 }} data-testid="notification-list">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Text strong>消息通知</Typography.Text>
        <Button type="link" size="small" disabled={unread === 0} onClick={() => void readAll()} style={{ paddingInline: 0 }}>
          全部已读
        </Button>
      </Space>
      {loading && !items ? (
        <Spin style={{ display: 'block', margin: 24 }} />
      ) : !items || items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无消息" />
      ) : (
        <div role="list" style={{ maxHeight: 420, overflowY: 'auto' }}>
          {items.map((n) => (
            <div
              key={n.id}
              role="listitem"
              tabIndex={0}
              onClick={() => void openOne(n)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') void openOne(n);
              }}
              style={{ cursor: n.link ? 'pointer' : 'default', background: n.read ? undefined : '#e6f4ff', padding: '8px', borderBottom: '1px solid #f0f0f0' }}
            >
              <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                <Typography.Text strong={!n.read}>{n.title}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {dayjs(n.createdAt).format('MM-DD HH:mm')}
                </Typography.Text>
              </Space>
              <Typography.Paragraph type="secondary" style={{ fontSize: 13, margin: 0 }} ellipsis={{ rows: 2, tooltip: n.body }}>
                {n.body}
              </Typography.Paragraph>
            </div>
          ))}
        </div>
      )}
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={(v) => {
        setOpen(v);
        if (v) void load();
      }}
      content={content}
    >
      <Button type="text" aria-label={unread ? `消息通知（${unread} 条未读）` : '消息通知'} data-testid="notification-bell">
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
