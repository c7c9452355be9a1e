import { useMemo } from 'react';
import { Card, Col, Empty, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DashboardReport, ExportFilter } from './analytics-api.ts';
import { AnalyticsChart } from './AnalyticsChart.tsx';
import { ExportButton } from './ExportButton.tsx';
import { heatmapOption, peakText } from './heatmap-series.ts';
import { trendOption } from './trend-series.ts';
import { formatNumber } from '../i18n/format.ts';
import { languageOf } from '../i18n/i18n.ts';

/** When conversations come: the weekday × hour heatmap with its peaks, and the daily trend. */
export function VolumeSection({
  volume,
  filter,
}: {
  volume: DashboardReport['volume'];
  filter: ExportFilter;
}) {
  const { t, i18n } = useTranslation();
  // i18n.language: the weekday names and legends follow the language switch.
  const heatmap = useMemo(() => heatmapOption(volume, t), [volume, t, i18n.language]);
  const trend = useMemo(
    () => trendOption(volume.days, volume.previousDays, t),
    [volume, t, i18n.language],
  );
  const empty = volume.conversations === 0;
  return (
    <Card
      size="small"
      title={t('analytics.volume')}
      extra={<ExportButton table="volume" filter={filter} />}
    >
      {empty ? (
        <Empty data-testid="volume-empty" description={t('analytics.empty')} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Typography.Text strong>{t('analytics.heatmap')}</Typography.Text>
            <AnalyticsChart testId="heatmap" option={heatmap} height={300} />
            {volume.peaks.length > 0 && (
              <Space wrap size={4} data-testid="peaks">
                <Typography.Text type="secondary">{t('analytics.peaks')}:</Typography.Text>
                {volume.peaks.map((peak) => (
                  <Tag key={`${peak.weekday}/${peak.hour}`} color="volcano">
                    {peakText(peak, t)} ·{' '}
                    {t('analytics.peakPerDay', {
                      perDay: formatNumber(peak.perDay, languageOf(i18n.language)),
                      count: peak.conversations,
                    })}
                  </Tag>
                ))}
              </Space>
            )}
          </Col>
          <Col xs={24} xl={12}>
            <Typography.Text strong>{t('analytics.trend')}</Typography.Text>
            <AnalyticsChart testId="trend" option={trend} height={300} />
          </Col>
        </Row>
      )}
    </Card>
  );
}
