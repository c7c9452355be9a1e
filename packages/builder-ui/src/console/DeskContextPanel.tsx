import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { CustomerHistoryPanel } from './CustomerHistoryPanel.tsx';
import { useIntentTitle } from './use-intent-titles.ts';
import { useDesk, type DeskStore } from './desk-store.ts';
import { useDeskNames } from './desk-names.ts';

/**
 * Beside the chat: who the customer is, the intents recognised, the order and the journey
 * that handed over, and the customer's earlier conversations and orders.
 */
export function DeskContextPanel({ desk }: { desk: DeskStore }) {
  const { t } = useTranslation();
  const chat = useDesk(desk, (s) => s.chat);
  const handoff = useDesk(desk, (s) => s.handoffs.find((h) => h.conversationId === s.selected));
  const { tierName } = useDeskNames(desk);
  const intentTitle = useIntentTitle();
  return (
    <div className="inbox-context" data-testid="inbox-context">
      {chat && (
        <Descriptions size="small" column={1} bordered layout="vertical" title={t('inbox.context')}>
          <Descriptions.Item label={t('inbox.customer')}>
            {chat.conversation.customer.id} · {tierName(chat.conversation.customer.tier)} ·{' '}
            {t(`desk.language.${chat.conversation.customer.language}`, {
              defaultValue: chat.conversation.customer.language,
            })}
          </Descriptions.Item>
          <Descriptions.Item label={t('inbox.intents')}>
            {chat.conversation.intents.map((i, index) => (
              <Tag key={index} title={i.intent}>
                {intentTitle(i.intent)} {Math.round(i.confidence * 100)}%
              </Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('inbox.order')}>
            {chat.conversation.orderId ?? '—'}
            {handoff?.context?.order && (
              <pre className="instance-data">{JSON.stringify(handoff.context.order, null, 2)}</pre>
            )}
          </Descriptions.Item>
          {handoff?.context?.journey && (
            <Descriptions.Item label={t('inbox.journey')}>
              <a href={`#/instances/${encodeURIComponent(handoff.context.journey.instanceId)}`}>
                {handoff.context.journey.instanceId}
              </a>{' '}
              @ {handoff.context.journey.nodeId}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      {chat && <CustomerHistoryPanel conversationId={chat.conversation._id} />}
    </div>
  );
}
