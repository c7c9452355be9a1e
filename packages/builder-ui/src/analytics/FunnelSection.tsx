import { useMemo, useState } from 'react';
import { Button, Card, Col, Empty, Row, Select, Space, Spin, Statistic, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { nodeTypeTitle } from '../node-palette.ts';
import { languageOf } from '../i18n/i18n.ts';
import { workflowsApi } from '../api/api-client.ts';
import { analyticsApi, type DateRange, type FunnelNode } from './analytics-api.ts';
import { formatDuration, formatRate } from './analytics-format.ts';
import { AnalyticsChart } from './AnalyticsChart.tsx';
import { ApiErrorAlert } from './ApiErrorAlert.tsx';
import { ExportButton } from './ExportButton.tsx';
import { biggestDropOffs, funnelOption, nodeName } from './funnel-series.ts';
import { funnelText } from './funnel-text.ts';
import { rowTestId } from './row-test-id.ts';
import { useReport } from './use-report.ts';

/**
 * How far instances of one journey got: per node entered, moved on, dropped off, reached and
 * time spent; the biggest drop-offs red; and a way to see the same on the journey's canvas.
 */
export function FunnelSection({
  range,
  onShowOnCanvas,
}: {
  range: DateRange;
  onShowOnCanvas: (workflowId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const workflows = useReport('workflows', () => workflowsApi.list());
  const [picked, setPicked] = useState<string>();
  const choices = (workflows.data?.workflows ?? []).filter((w) => !w.archived);
  const workflowId = picked ?? choices[0]?.id;
  const funnel = useReport(
    workflowId === undefined ? null : JSON.stringify([workflowId, range]),
    () => analyticsApi.funnel(workflowId ?? '', range),
  );
  const nodes = funnel.data?.nodes;
  const worst = useMemo(() => biggestDropOffs(nodes ?? []), [nodes]);
  const option = useMemo(
    () => funnelOption(nodes ?? [], t, (rate) => formatRate(rate, language)),
    [nodes, t, language],
  );
  const text = useMemo(
    () => funnelText(nodes ?? [], t, (rate) => formatRate(rate, language)),
    [nodes, t, language],
  );
  const failure = workflows.error ?? funnel.error;

  const body = () => {
    if (failure !== undefined) return <ApiErrorAlert error={failure} testId="funnel-error" />;
    if (workflows.data && choices.length === 0)
      return <Empty data-testid="funnel-empty" description={t('analytics.noWorkflows')} />;
    if (!funnel.data || funnel.loading) return <Spin />;
    const { started, completed, cancelled } = funnel.data;
    return (
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <Space size="large" data-testid="funnel-totals">
            <Statistic title={t('analytics.started')} value={started} />
            <Statistic title={t('analytics.completed')} value={completed} />
            <Statistic title={t('analytics.cancelled')} value={cancelled} />
          </Space>
        </Col>
        <Col xs={24} xl={14} data-testid="funnel-table">
          <Table<FunnelNode>
            size="small"
            rowKey="nodeId"
            dataSource={funnel.data.nodes}
            pagination={false}
            locale={{ emptyText: <Empty description={t('analytics.empty')} /> }}
            rowClassName={(row) => (worst.has(row.nodeId) ? 'analytics-row-alert' : '')}
            onRow={(row) => rowTestId(`funnel-node-${row.nodeId}`)}
            columns={[
              {
                title: t('analytics.node'),
                key: 'node',
                render: (_, row) => (
                  <>
                    {nodeName(row)}{' '}
                    {worst.has(row.nodeId) && (
                      <Tag color="red" data-testid={`drop-off-${row.nodeId}`}>
                        {t('analytics.biggestDropOff')}
                      </Tag>
                    )}
                  </>
                ),
              },
              {
                title: t('analytics.type'),
                dataIndex: 'type',
                render: (type: string) => nodeTypeTitle(type, language),
              },
              {
                title: <span title={t('analytics.enteredHint')}>{t('analytics.entered')}</span>,
                dataIndex: 'entered',
                align: 'right',
              },
              {
                title: (
                  <span title={t('analytics.reachedInstancesHint')}>
                    {t('analytics.reachedInstances')}
                  </span>
                ),
                dataIndex: 'reached',
                align: 'right',
              },
              { title: t('analytics.left'), dataIndex: 'left', align: 'right' },
              {
                title: <span title={t('funnel.waitingHint')}>{t('funnel.waiting')}</span>,
                dataIndex: 'waiting',
                align: 'right',
              },
              { title: t('analytics.dropped'), dataIndex: 'dropped', align: 'right' },
              {
                title: t('analytics.reached'),
                dataIndex: 'reachedRate',
                align: 'right',
                render: (rate: number | null) => formatRate(rate, language),
              },
              {
                title: t('analytics.averageTime'),
                key: 'time',
                align: 'right',
                render: (_, row) => formatDuration(row.time.averageMs, language),
              },
            ]}
          />
        </Col>
        <Col xs={24} xl={10}>
          {started > 0 ? (
            <AnalyticsChart
              testId="funnel-chart"
              option={option}
              text={text}
              height={Math.max(200, funnel.data.nodes.length * 32 + 60)}
            />
          ) : (
            <Empty data-testid="funnel-chart-empty" description={t('analytics.empty')} />
          )}
        </Col>
      </Row>
    );
  };

  return (
    <Card
      size="small"
      title={t('analytics.funnel')}
      extra={
        workflowId !== undefined && (
          <ExportButton table="funnel" filter={{ ...range, workflowId }} />
        )
      }
    >
      <Space wrap className="analytics-filters">
        <span>{t('analytics.workflow')}</span>
        <Select
          data-testid="funnel-workflow"
          aria-label={t('analytics.workflow')}
          style={{ minWidth: 240 }}
          loading={workflows.loading}
          value={workflowId}
          onChange={setPicked}
          options={choices.map((w) => ({ value: w.id, label: `${w.name} (${w.id})` }))}
        />
        {workflowId !== undefined && (
          <Button data-testid="show-on-canvas" onClick={() => onShowOnCanvas(workflowId)}>
            {t('analytics.showOnCanvas')}
          </Button>
        )}
      </Space>
      {body()}
    </Card>
  );
}
