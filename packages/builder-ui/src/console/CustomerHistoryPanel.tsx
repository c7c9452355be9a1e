import { useEffect, useState } from 'react';
import { Alert, Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { customerHistory, type CustomerHistory } from '../api/desk-api.ts';
import { languageOf } from '../i18n/i18n.ts';
import { formatDateTime, formatMoney } from '../i18n/format.ts';
import { useIntentTitle } from './use-intent-titles.ts';

/** Beside a desk conversation: the same customer's earlier conversations and their orders. */
export function CustomerHistoryPanel({ conversationId }: { conversationId: string }) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const [history, setHistory] = useState<CustomerHistory>();
  const intentTitle = useIntentTitle();
  useEffect(() => {
    setHistory(undefined);
    void customerHistory(conversationId).then(setHistory, () => setHistory(undefined));
  }, [conversationId]);
  if (!history) return null;
  return (
    <Card
      size="small"
      title={t('history.title')}
      data-testid="customer-history"
      style={{ marginTop: 12 }}
    >
      {!history.verified ? (
        <Alert type="info" showIcon message={t('history.unverified')} />
      ) : (
        <>
          <Typography.Text strong>
            {t('history.orders', { count: history.orders.length })}
          </Typography.Text>
          <List
            size="small"
            dataSource={history.orders}
            locale={{ emptyText: t('history.noOrders') }}
            renderItem={(order) => (
              <List.Item data-testid={`history-order-${order.orderId}`}>
                <Space wrap size={4}>
                  <Typography.Text code>{order.orderId}</Typography.Text>
                  {order.status && (
                    <Tag data-status={order.status}>
                      {t(`history.orderStatus.${order.status}`, { defaultValue: order.status })}
                    </Tag>
                  )}
                  {order.total !== undefined &&
                    formatMoney(order.total, order.currency ?? 'CNY', language)}
                  {order.createdAt && (
                    <Typography.Text type="secondary">
                      {formatDateTime(order.createdAt, language)}
                    </Typography.Text>
                  )}
                </Space>
              </List.Item>
            )}
          />
          <Typography.Text strong>
            {t('history.conversations', { count: history.conversations.length })}
          </Typography.Text>
          <List
            size="small"
            dataSource={history.conversations}
            locale={{ emptyText: t('history.none') }}
            renderItem={(c) => (
              <List.Item data-testid={`history-conversation-${c.id}`}>
                <Space direction="vertical" size={0}>
                  <Space wrap size={4}>
                    <Typography.Text type="secondary">
                      {formatDateTime(c.createdAt, language)}
                    </Typography.Text>
                    <Tag>{t(`history.status.${c.status}`)}</Tag>
                    {c.orderId && <Typography.Text code>{c.orderId}</Typography.Text>}
                  </Space>
                  {c.firstQuestion && <Typography.Text>“{c.firstQuestion}”</Typography.Text>}
                  <Space wrap size={4}>
                    {c.intents.map((intent) => (
                      <Tag key={intent} title={intent}>
                        {intentTitle(intent)}
                      </Tag>
                    ))}
                    <Typography.Text type="secondary">
                      {t('history.messages', { count: c.messages })}
                    </Typography.Text>
                  </Space>
                </Space>
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}
