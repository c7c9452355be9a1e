import { useEffect, useState } from 'react';
import { Card, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { connectionsApi, type ChannelDeliveries as Deliveries } from '../api/desk-api.ts';
import { languageOf } from '../i18n/i18n.ts';
import { formatDateTime, formatNumber } from '../i18n/format.ts';

/** How often the card reads the channels again while it is shown. */
const REFRESH_MS = 15_000;

const STATE_COLORS = { ok: 'green', failing: 'red', idle: 'default' } as const;

/**
 * Each message channel's delivery health, for operators (the admin page has the targets and
 * the test send): the connector's kind (a "log only" channel sends nothing), attempts
 * delivered and failed in the last hours, and the last failure with its reason.
 */
export function ChannelDeliveries() {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const [view, setView] = useState<Deliveries>();
  useEffect(() => {
    const load = () => connectionsApi.deliveries().then(setView);
    // A refusal or a server away leaves the card out: the instances below are the page.
    load().catch(() => undefined);
    const every = setInterval(() => void load().catch(() => undefined), REFRESH_MS);
    return () => clearInterval(every);
  }, []);
  if (!view) return null;
  return (
    <Card
      size="small"
      data-testid="channel-deliveries"
      style={{ marginBottom: 12 }}
      title={t('deliveries.title')}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('deliveries.hint', {
            hours: view.hours,
            since: formatDateTime(view.since, language),
          })}
        </Typography.Text>
      }
    >
      <Space wrap size={[16, 8]}>
        {view.channels.map((row) => (
          <Space
            key={row.channel}
            direction="vertical"
            size={0}
            data-testid={`delivery-${row.channel}`}
            data-state={row.state}
          >
            <Space size={4}>
              <Typography.Text strong>{t(`sources.channelNames.${row.channel}`)}</Typography.Text>
              <Tag color={row.kind === 'log' ? 'orange' : 'blue'}>
                {t(`sources.kinds.${row.kind}`)}
              </Tag>
              <Tag color={STATE_COLORS[row.state]}>{t(`deliveries.${row.state}`)}</Tag>
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('deliveries.counts', {
                delivered: formatNumber(row.delivered, language),
                failed: formatNumber(row.failed, language),
              })}
            </Typography.Text>
            {row.lastFailure && (
              <Tooltip title={row.lastFailure.message}>
                <Typography.Text
                  type="danger"
                  style={{ fontSize: 12 }}
                  data-testid={`delivery-failure-${row.channel}`}
                >
                  {t('deliveries.lastFailure', {
                    code: row.lastFailure.code,
                    at: formatDateTime(row.lastFailure.at, language),
                  })}{' '}
                  ({t(row.lastFailure.retryable ? 'deliveries.retryable' : 'deliveries.permanent')})
                </Typography.Text>
              </Tooltip>
            )}
          </Space>
        ))}
      </Space>
    </Card>
  );
}
