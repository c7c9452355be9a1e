import { useMemo } from 'react';
import { Card, Col, Empty, Row, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { languageOf } from '../i18n/i18n.ts';
import type { ExportFilter, IntentTrend } from './analytics-api.ts';
import { formatChange } from './analytics-format.ts';
import { formatNumber } from '../i18n/format.ts';
import { AnalyticsChart } from './AnalyticsChart.tsx';
import { ExportButton } from './ExportButton.tsx';
import { rowTestId } from './row-test-id.ts';
import { intentsOption } from './intents-series.ts';
import { SpikeTag } from './SpikeTag.tsx';
import { useIntentTitle } from '../console/use-intent-titles.ts';
import { pageArrows } from '../app/antd-icons.tsx';

/** What customers asked about most, against the previous period, sudden spikes in red. */
export function IntentsSection({
  intents,
  filter,
}: {
  intents: IntentTrend[];
  filter: ExportFilter;
}) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const title = useIntentTitle();
  const named = useMemo(
    () => intents.map((i) => ({ ...i, intent: title(i.intent) })),
    [intents, title],
  );
  const option = useMemo(() => intentsOption(named, t), [named, t, i18n.language]);
  const empty = <Empty description={t('analytics.empty')} data-testid="intents-empty" />;
  return (
    <Card
      size="small"
      title={t('analytics.intents')}
      extra={<ExportButton table="intents" filter={filter} />}
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14} data-testid="intents-table">
          <Table<IntentTrend>
            size="small"
            rowKey="intent"
            dataSource={intents}
            pagination={intents.length > 10 ? { pageSize: 10, itemRender: pageArrows } : false}
            locale={{ emptyText: empty }}
            onRow={(row) => rowTestId(`intent-${row.intent}`)}
            columns={[
              {
                title: t('analytics.intent'),
                dataIndex: 'intent',
                render: (intent: string, row) => (
                  <span title={intent}>
                    {title(intent)} {row.spike && <SpikeTag intent={intent} />}
                  </span>
                ),
              },
              { title: t('analytics.count'), dataIndex: 'count', align: 'right' },
              { title: t('analytics.previousCount'), dataIndex: 'previousCount', align: 'right' },
              {
                title: t('analytics.change'),
                dataIndex: 'change',
                align: 'right',
                render: (change: number | null) => formatChange(change, language),
              },
              { title: t('analytics.lastDay'), dataIndex: 'lastDay', align: 'right' },
              {
                title: t('analytics.baseline'),
                dataIndex: 'baseline',
                align: 'right',
                render: (baseline: number) => formatNumber(baseline, language, { min: 1, max: 1 }),
              },
            ]}
          />
        </Col>
        <Col xs={24} xl={10}>
          {intents.length > 0 && (
            <AnalyticsChart
              testId="intents-chart"
              option={option}
              height={Math.max(200, Math.min(intents.length, 10) * 36 + 60)}
            />
          )}
        </Col>
      </Row>
    </Card>
  );
}
