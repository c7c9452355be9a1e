import { useEffect, useState } from 'react';
import { DatePicker, Select, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { languageOf } from '../i18n/i18n.ts';
import { formatDateTime } from '../i18n/format.ts';
import { channelName } from '../editor/node-summary.ts';
import { analyticsApi, type DateRange, type ExportFilter } from './analytics-api.ts';
import { lastDays, rangeOf, todayIn } from './analytics-period.ts';
import { AgentsSection } from './AgentsSection.tsx';
import { ApiErrorAlert } from './ApiErrorAlert.tsx';
import { FunnelSection } from './FunnelSection.tsx';
import { IntentsSection } from './IntentsSection.tsx';
import { KpiCards } from './KpiCards.tsx';
import { StaffingSection } from './StaffingSection.tsx';
import { useReport } from './use-report.ts';
import { VolumeSection } from './VolumeSection.tsx';

/**
 * The analytics of the shop's customer service for a date range and channel: key figures,
 * when conversations come, what they are about, how agents do, how many agents each hour
 * needs, and how far customers get through each journey. Every table exports as CSV.
 */
export function AnalyticsPage({
  onShowOnCanvas,
}: {
  onShowOnCanvas: (workflowId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  // The shop's time zone, from its first report: until a range is picked, the last 30 days end
  // on the shop's today (a first answer asked on the browser's clock is asked again if they differ).
  const [timeZone, setTimeZone] = useState<string>();
  const [picked, setRange] = useState<DateRange>();
  const range = picked ?? lastDays(30, todayIn(timeZone));
  const [channel, setChannel] = useState<string>();
  const report = useReport(JSON.stringify([range, channel]), () =>
    analyticsApi.dashboard(range, channel),
  );
  const shopZone = report.data?.period.timeZone;
  useEffect(() => {
    if (shopZone) setTimeZone(shopZone);
  }, [shopZone]);
  const filter: ExportFilter = { ...range, ...(channel ? { channel } : {}) };
  const channels = report.data?.channels ?? [];
  const presets = [7, 30, 90].map((days) => {
    const preset = lastDays(days, todayIn(timeZone));
    return {
      label: t(`analytics.last${days}`),
      value: [dayjs(preset.from), dayjs(preset.to)] as [dayjs.Dayjs, dayjs.Dayjs],
    };
  });

  return (
    <div className="page analytics" data-testid="analytics-page">
      <Typography.Title level={3}>{t('analytics.title')}</Typography.Title>
      <Space wrap className="analytics-filters">
        <DatePicker.RangePicker
          data-testid="analytics-range"
          allowClear={false}
          presets={presets}
          value={[dayjs(range.from), dayjs(range.to)]}
          onChange={(days) => days?.[0] && days[1] && setRange(rangeOf(days[0], days[1]))}
        />
        <Select
          data-testid="analytics-channel"
          style={{ minWidth: 160 }}
          allowClear
          placeholder={t('analytics.allChannels')}
          aria-label={t('analytics.channel')}
          value={channel}
          onChange={(value?: string) => setChannel(value || undefined)}
          options={[...new Set([...channels, ...(channel ? [channel] : [])])].map((c) => ({
            value: c,
            label: channelName(c, language),
          }))}
        />
        {report.data && (
          <Typography.Text type="secondary" data-testid="rolled-up-to">
            {report.data.rolledUpTo
              ? t('analytics.rolledUpTo', {
                  time: formatDateTime(report.data.rolledUpTo, language),
                })
              : t('analytics.notRolledUp')}
          </Typography.Text>
        )}
      </Space>
      {report.error !== undefined ? (
        <ApiErrorAlert error={report.error} testId="analytics-error" />
      ) : !report.data ? (
        <Spin data-testid="analytics-loading" />
      ) : (
        <Space orientation="vertical" size="middle" className="analytics-sections">
          <KpiCards report={report.data} filter={filter} />
          <VolumeSection volume={report.data.volume} filter={filter} />
          <IntentsSection intents={report.data.intents} filter={filter} />
          <AgentsSection
            agents={report.data.agents}
            service={report.data.service}
            filter={filter}
          />
        </Space>
      )}
      <Space orientation="vertical" size="middle" className="analytics-sections">
        <StaffingSection range={range} {...(timeZone ? { timeZone } : {})} />
        <FunnelSection range={range} onShowOnCanvas={onShowOnCanvas} />
      </Space>
    </div>
  );
}
