import type { ReactNode } from 'react';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { languageOf } from '../i18n/i18n.ts';
import type { DashboardReport } from './analytics-api.ts';
import { formatChange, formatDuration, formatRate, formatScore } from './analytics-format.ts';

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
      {change > 0 ? <ArrowUpOutlined /> : change < 0 ? <ArrowDownOutlined /> : null}{' '}
      {formatChange(change, language)} {t('analytics.vsPrevious')}
    </span>
  );
}

/**
 * The key figures of the period: conversations against the previous period, the automation,
 * handoff and resolution rates, first response, queue wait and handling times, satisfaction.
 */
export function KpiCards({ report }: { report: DashboardReport }) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const { volume, service } = report;
  const measured = (count: number) => t('analytics.measured', { count });
  return (
    <Row gutter={[12, 12]} className="analytics-kpis">
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
        note={t('analytics.ofConversations', {
          count: service.handedOff,
          conversations: service.conversations,
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
        value={formatDuration(service.firstResponse.averageMs, language)}
        note={measured(service.firstResponse.count)}
      />
      <Kpi
        testId="kpi-wait"
        title={t('analytics.wait')}
        value={formatDuration(service.wait.averageMs, language)}
        note={measured(service.wait.count)}
      />
      <Kpi
        testId="kpi-handling"
        title={t('analytics.handling')}
        value={formatDuration(service.handling.averageMs, language)}
        note={measured(service.handling.count)}
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
