import { useCallback } from 'react';
import { Badge, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUnread } from './use-desk-attention.ts';
import { DeskNotificationsButton } from './DeskNotificationsButton.tsx';
import { useDesk, type DeskStore } from './desk-store.ts';
import { useDeskNames } from './desk-names.ts';

/**
 * The conversations handed to the agent, each with its customer, tier, group and unread
 * count (also in the tab title and as a browser notification); a click opens one.
 */
export function DeskConversationList({ desk }: { desk: DeskStore }) {
  const { t } = useTranslation();
  const handoffs = useDesk(desk, (s) => s.handoffs);
  const selected = useDesk(desk, (s) => s.selected);
  const chat = useDesk(desk, (s) => s.chat);
  const { select } = desk.getState();
  const { groupName, tierName } = useDeskNames(desk);
  const notify = useCallback((count: number) => t('desk.notification', { count }), [t]);
  const unread = useUnread(
    handoffs.map((h) => h.conversationId),
    selected,
    chat?.conversation._id === selected ? chat?.messages : undefined,
    notify,
  );
  return (
    <List
      className="inbox-list"
      header={
        // The count keeps to one line; the notifications button goes under it when both do
        // not fit the column (English at 1440 px wide broke the count over three lines).
        <Space wrap>
          <span className="inbox-list-title">{t('inbox.mine', { count: handoffs.length })}</span>
          <DeskNotificationsButton />
        </Space>
      }
      dataSource={handoffs}
      locale={{ emptyText: t('inbox.none') }}
      renderItem={(item) => (
        <List.Item
          data-testid={`handoff-${item.conversationId}`}
          className={item.conversationId === selected ? 'selected' : ''}
          onClick={() => select(item.conversationId)}
          style={{ cursor: 'pointer' }}
        >
          <Space direction="vertical" size={0}>
            <Space size={4}>
              <Typography.Text strong>{item.customer.id}</Typography.Text>
              {(unread[item.conversationId] ?? 0) > 0 && (
                <Badge
                  count={unread[item.conversationId]}
                  data-testid={`unread-${item.conversationId}`}
                  title={t('desk.unread', { count: unread[item.conversationId] })}
                />
              )}
            </Space>
            <Space size={4}>
              <Tag color={item.customer.tier === 'normal' ? 'default' : 'gold'}>
                {tierName(item.customer.tier)}
              </Tag>
              <Tag>{groupName(item.group)}</Tag>
            </Space>
          </Space>
        </List.Item>
      )}
    />
  );
}
