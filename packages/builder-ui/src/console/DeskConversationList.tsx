import { useCallback, useEffect, useId, useRef } from 'react';
import { Badge, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUnread } from './use-desk-attention.ts';
import { DeskNotificationsButton } from './DeskNotificationsButton.tsx';
import { useDesk, type DeskStore } from './desk-store.ts';
import { useDeskNames } from './desk-names.ts';

/**
 * The conversations handed to the agent, each with its customer, tier, group and unread
 * count (also in the tab title and as a browser notification); a click, or Enter on its
 * button, opens one.
 */
export function DeskConversationList({ desk }: { desk: DeskStore }) {
  const { t } = useTranslation();
  const handoffs = useDesk(desk, (s) => s.handoffs);
  const selected = useDesk(desk, (s) => s.selected);
  const chat = useDesk(desk, (s) => s.chat);
  const status = useDesk(desk, (s) => s.status);
  const { select } = desk.getState();
  const { groupName, tierName } = useDeskNames(desk);
  const notify = useCallback((count: number) => t('desk.notification', { count }), [t]);
  const unread = useUnread(
    handoffs.map((h) => h.conversationId),
    selected,
    chat?.conversation._id === selected ? chat?.messages : undefined,
    notify,
  );
  // A conversation the agent resolved or transferred took the focus with it: once it has left
  // the list, the one now in its place (or the list itself, empty) has it, not the page's body.
  const leaving = useDesk(desk, (s) => s.leaving);
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!leaving || handoffs.some((h) => h.conversationId === leaving.conversationId)) return;
    desk.getState().left();
    const focused = document.activeElement;
    if (focused && focused !== document.body && focused.isConnected) return;
    const rows = list.current?.querySelectorAll<HTMLButtonElement>('button.inbox-open') ?? [];
    (rows[Math.min(leaving.index, rows.length - 1)] ?? list.current)?.focus();
  }, [desk, leaving, handoffs]);
  const title = useId();
  return (
    // A named region the focus can be given to (antd's List takes no tabIndex or role).
    <div ref={list} tabIndex={-1} role="region" aria-labelledby={title}>
      <List
        className="inbox-list"
        header={
          // The count keeps to one line; the notifications button goes under it when both do
          // not fit the column (English at 1440 px wide broke the count over three lines).
          <Space wrap>
            <span className="inbox-list-title" id={title}>
              {t('inbox.mine', { count: handoffs.length })}
            </span>
            <DeskNotificationsButton />
          </Space>
        }
        dataSource={handoffs}
        locale={{ emptyText: <EmptyDesk status={status} /> }}
        renderItem={(item) => {
          const count = unread[item.conversationId] ?? 0;
          return (
            <List.Item
              data-testid={`handoff-${item.conversationId}`}
              className={item.conversationId === selected ? 'selected' : ''}
            >
              {/* A button, so the keyboard opens a conversation too (Tab, then Enter or Space). */}
              <button
                type="button"
                className="inbox-open"
                aria-current={item.conversationId === selected ? 'true' : undefined}
                onClick={() => select(item.conversationId)}
                // What the row shows, the unread count said in words (the badge is a bare number).
                aria-label={[
                  item.customer.id,
                  ...(count > 0 ? [t('desk.unread', { count })] : []),
                  tierName(item.customer.tier),
                  groupName(item.group),
                ].join(t('desk.nameSeparator'))}
              >
                <span className="inbox-open-line">
                  <Typography.Text strong>{item.customer.id}</Typography.Text>
                  {count > 0 && (
                    <Badge
                      count={count}
                      data-testid={`unread-${item.conversationId}`}
                      title={t('desk.unread', { count })}
                    />
                  )}
                </span>
                <span className="inbox-open-line">
                  <Tag color={item.customer.tier === 'normal' ? 'default' : 'gold'}>
                    {tierName(item.customer.tier)}
                  </Tag>
                  <Tag>{groupName(item.group)}</Tag>
                </span>
              </button>
            </List.Item>
          );
        }}
      />
    </div>
  );
}

/**
 * What an empty list tells the agent: only an online agent is handed conversations, so a busy
 * or away one is told to go online (customers may be waiting in their groups all the while).
 */
function EmptyDesk({ status }: { status: string | undefined }) {
  const { t } = useTranslation();
  if (status === 'busy' || status === 'away')
    return (
      <span data-testid="inbox-empty">
        {t('inbox.noneWhile', { status: t(`inbox.status.${status}`) })}
      </span>
    );
  return (
    <span data-testid="inbox-empty">
      {t(status === 'online' ? 'inbox.noneOnline' : 'inbox.none')}
    </span>
  );
}
