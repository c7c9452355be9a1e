import type { ReactNode } from 'react';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { languageOf } from '../i18n/i18n.ts';
import type { DashboardReport, ExportFilter } from './analytics-api.ts';
import { ExportButton } from './ExportButton.tsx';
import { formatChange, formatDuration, formatRate, formatScore } from './analytics-format.ts';
import { ConsoleIcon } from '../app/ConsoleIcon.tsx';

/** One key figure: its name, value and a line of context under it. */
function Kpi({
  testId,
  title,
  value,
  note,
}: {
  testId: string;
  title: string;
  value: string;
  note: ReactNode;
}) {
  return (
    <Col xs={24} sm={12} md={8} xl={6}>
      <Card size="small">
        <div data-testid={testId}>
          <Statistic title={title} value={value} />
          <Typography.Text type="secondary" className="kpi-note">
            {note}
          </Typography.Text>
        </div>
      </Card>
    </Col>
  );
}

/** The period's change in conversations: an arrow and the signed percentage, or why none. */
function VolumeChange({ change }: { change: number | null }) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  if (change === null)
    return <span data-testid="kpi-conversations-change">{t('analytics.noPrevious')}</span>;
  return (
    <span data-testid="kpi-conversations-change">
      {/* The change is signed: the arrow only shows which way. */}
      {change > 0 ? (
        <ConsoleIcon icon={ArrowUpOutlined} />
      ) : change < 0 ? (
        <ConsoleIcon icon={ArrowDownOutlined} />
      ) : null}{' '}
      {formatChange(change, language)} {t('analytics.vsPrevious')}
    </span>
  );
}

type TimeFigure = DashboardReport['service']['wait'];

/**
 * The key figures of the period: conversations against the previous period, the automation,
 * handoff and resolution rates, the handoffs abandoned in the queue, first response, queue wait
 * and handling times (average, with median and 90th percentile under it), satisfaction.
 */
export function KpiCards({ report, filter }: { report: DashboardReport; filter: ExportFilter }) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const { volume, service } = report;
  const duration = (ms: number | null) => formatDuration(ms, language);
  // The median and 90th percentile, and how many values: an average alone hides the long waits.
  const spread = (time: TimeFigure) =>
    t('analytics.percentiles', {
      p50: duration(time.p50Ms),
      p90: duration(time.p90Ms),
      count: time.count,
    }) +
    (time.percentileCount < time.count
      ? t('analytics.percentilesOf', { count: time.percentileCount })
      : '');
  const abandoned = service.abandonedInQueue;
  return (
    <Row gutter={[12, 12]} className="analytics-kpis">
      <Col span={24} className="analytics-kpis-export">
        <ExportButton table="service" filter={filter} />
      </Col>
      <Kpi
        testId="kpi-conversations"
        title={t('analytics.conversations')}
        value={String(volume.conversations)}
        note={<VolumeChange change={volume.change} />}
      />
      <Kpi
        testId="kpi-automation-rate"
        title={t('analytics.automationRate')}
        value={formatRate(service.automationRate, language)}
        note={t('analytics.ofClosed', { count: service.automated, closed: service.closed })}
      />
      <Kpi
        testId="kpi-handoff-rate"
        title={t('analytics.handoffRate')}
        value={formatRate(service.handoffRate, language)}
        note={t('analytics.handoffRateNote', {
          count: service.handedOff,
          closed: service.closed,
          handoffs: service.handoffs,
        })}
      />
      <Kpi
        testId="kpi-resolution-rate"
        title={t('analytics.resolutionRate')}
        value={formatRate(service.resolutionRate, language)}
        note={t('analytics.ofClosed', { count: service.resolved, closed: service.closed })}
      />
      <Kpi
        testId="kpi-first-response"
        title={t('analytics.firstResponse')}
        value={duration(service.firstResponse.averageMs)}
        note={spread(service.firstResponse)}
      />
      <Kpi
        testId="kpi-wait"
        title={t('analytics.wait')}
        value={duration(service.wait.averageMs)}
        note={spread(service.wait)}
      />
      <Kpi
        testId="kpi-abandoned"
        title={t('analytics.abandonedInQueue')}
        value={formatRate(abandoned.rate, language)}
        note={t('analytics.abandonedNote', {
          count: abandoned.count,
          of: abandoned.count + service.wait.count,
          wait: duration(abandoned.wait.averageMs),
        })}
      />
      <Kpi
        testId="kpi-handling"
        title={t('analytics.handling')}
        value={duration(service.handling.averageMs)}
        note={spread(service.handling)}
      />
      <Kpi
        testId="kpi-satisfaction"
        title={t('analytics.satisfaction')}
        value={`${formatScore(service.satisfaction.average, language)} / 5`}
        note={t('analytics.ratings', { count: service.satisfaction.count })}
      />
    </Row>
  );
}
