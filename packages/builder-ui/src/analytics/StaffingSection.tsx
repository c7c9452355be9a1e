import { useMemo, useState } from 'react';
import {
  Card,
  Col,
  DatePicker,
  Empty,
  InputNumber,
  Row,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { languageOf } from '../i18n/i18n.ts';
import { analyticsApi, type DateRange, type StaffingHour } from './analytics-api.ts';
import { formatDuration, formatHour, formatRate } from './analytics-format.ts';
import { formatNumber } from '../i18n/format.ts';
import { todayIn, tomorrow } from './analytics-period.ts';
import { AnalyticsChart } from './AnalyticsChart.tsx';
import { ApiErrorAlert } from './ApiErrorAlert.tsx';
import { ExportButton } from './ExportButton.tsx';
import { rowTestId } from './row-test-id.ts';
import { staffingOption } from './staffing-series.ts';
import { useReport } from './use-report.ts';
import { numberControls } from '../app/antd-icons.tsx';

const DEFAULT_LEVEL_PERCENT = 80;
const DEFAULT_SECONDS = 20;

/**
 * How many agents each hour of a day needs to answer the target share of handoffs within the
 * target seconds (Erlang C on the forecast), against the agents online now; short hours red.
 */
export function StaffingSection({
  range,
  timeZone,
}: {
  range: DateRange;
  /** The shop's time zone: the plan is for the shop's tomorrow until a day is picked. */
  timeZone?: string;
}) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const [picked, setDate] = useState<string>();
  const date = picked ?? tomorrow(todayIn(timeZone));
  const [levelPercent, setLevelPercent] = useState(DEFAULT_LEVEL_PERCENT);
  const [seconds, setSeconds] = useState(DEFAULT_SECONDS);
  const query = { date, targetLevel: levelPercent / 100, targetSeconds: seconds };
  const plan = useReport(JSON.stringify(query), () => analyticsApi.staffing(query));
  const option = useMemo(
    () => (plan.data ? staffingOption(plan.data, t) : null),
    [plan.data, t, i18n.language],
  );
  const hasHistory = plan.data !== undefined && plan.data.weeksUsed > 0;
  return (
    <Card
      size="small"
      title={t('analytics.staffing')}
      extra={<ExportButton table="staffing" filter={{ ...range, date }} />}
    >
      <Space wrap className="analytics-filters">
        <span>{t('analytics.staffingDate')}</span>
        <DatePicker
          data-testid="staffing-date"
          allowClear={false}
          value={dayjs(date)}
          onChange={(day: Dayjs | null) => day && setDate(day.format('YYYY-MM-DD'))}
        />
        <span>{t('analytics.targetLevel')}</span>
        <InputNumber
          controls={numberControls}
          data-testid="staffing-level"
          aria-label={t('analytics.targetLevel')}
          min={1}
          max={99}
          value={levelPercent}
          onChange={(value) => value !== null && setLevelPercent(value)}
        />
        <span>{t('analytics.targetSeconds')}</span>
        <InputNumber
          controls={numberControls}
          data-testid="staffing-seconds"
          aria-label={t('analytics.targetSeconds')}
          min={1}
          max={3600}
          value={seconds}
          onChange={(value) => value !== null && setSeconds(value)}
        />
      </Space>
      {plan.error !== undefined ? (
        <ApiErrorAlert error={plan.error} testId="staffing-error" />
      ) : !plan.data ? (
        <Spin />
      ) : !hasHistory ? (
        <Empty data-testid="staffing-empty" description={t('analytics.noHistory')} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <Typography.Text type="secondary">
              {t('analytics.staffingBasis', {
                weeks: plan.data.weeksUsed,
                handling: formatDuration(plan.data.averageHandlingSeconds * 1000, language),
                online: plan.data.agentsOnline,
              })}
            </Typography.Text>
            {option && <AnalyticsChart testId="staffing-chart" option={option} height={300} />}
          </Col>
          <Col span={24} data-testid="staffing-table">
            <Table<StaffingHour>
              size="small"
              rowKey="hour"
              dataSource={plan.data.hours}
              pagination={false}
              rowClassName={(row) => (row.missesTarget ? 'analytics-row-alert' : '')}
              onRow={(row) => rowTestId(`staffing-hour-${row.hour}`)}
              columns={[
                { title: t('analytics.hour'), dataIndex: 'hour', render: formatHour },
                {
                  title: t('analytics.forecast'),
                  dataIndex: 'forecast',
                  align: 'right',
                  render: (forecast: number) =>
                    formatNumber(forecast, language, { min: 1, max: 1 }),
                },
                { title: t('analytics.agentsNeeded'), dataIndex: 'agentsNeeded', align: 'right' },
                {
                  title: t('analytics.serviceLevelOnline'),
                  dataIndex: 'serviceLevelOnline',
                  align: 'right',
                  render: (level: number | null) => formatRate(level, language),
                },
                {
                  title: '',
                  dataIndex: 'missesTarget',
                  render: (misses: boolean) =>
                    misses ? (
                      <Tag color="red">{t('analytics.missesTarget')}</Tag>
                    ) : (
                      <Tag color="green">{t('analytics.meetsTarget')}</Tag>
                    ),
                },
              ]}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}
