import { Card, Empty, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AgentReport, ExportFilter } from './analytics-api.ts';
import { formatDuration, formatRate, formatScore } from './analytics-format.ts';
import { ExportButton } from './ExportButton.tsx';
import { rowTestId } from './row-test-id.ts';

/** A score with how many it averages: `4.5 (12)`. */
const scored = ({ average, count }: { average: number | null; count: number }) =>
  `${formatScore(average)} (${count})`;

/** Each agent's conversations, resolutions, response and handling times, satisfaction, quality. */
export function AgentsSection({ agents, filter }: { agents: AgentReport[]; filter: ExportFilter }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t('analytics.agents')}
      extra={<ExportButton table="agents" filter={filter} />}
    >
      <div data-testid="agents-table">
        <Table<AgentReport>
          size="small"
          rowKey="agentId"
          dataSource={agents}
          pagination={agents.length > 20 ? { pageSize: 20 } : false}
          locale={{ emptyText: <Empty description={t('analytics.empty')} /> }}
          onRow={(row) => rowTestId(`agent-${row.agentId}`)}
          columns={[
            {
              title: t('analytics.agent'),
              dataIndex: 'displayName',
              render: (name: string, row) => name || row.agentId,
            },
            {
              // Not the dashboard's "conversations": the handoffs this agent finished.
              title: (
                <span title={t('agentFigures.handoffsHint')}>{t('agentFigures.handoffs')}</span>
              ),
              dataIndex: 'conversations',
              align: 'right',
            },
            { title: t('analytics.resolved'), dataIndex: 'resolved', align: 'right' },
            {
              title: (
                <span title={t('agentFigures.resolutionHint')}>
                  {t('agentFigures.resolutionRate')}
                </span>
              ),
              dataIndex: 'resolutionRate',
              align: 'right',
              render: (rate: number | null) => formatRate(rate),
            },
            {
              title: t('analytics.firstResponse'),
              key: 'firstResponse',
              align: 'right',
              render: (_, row) => formatDuration(row.firstResponse.averageMs, t),
            },
            {
              title: t('analytics.handling'),
              key: 'handling',
              align: 'right',
              render: (_, row) => formatDuration(row.handling.averageMs, t),
            },
            {
              title: t('analytics.satisfaction'),
              key: 'satisfaction',
              align: 'right',
              render: (_, row) => scored(row.satisfaction),
            },
            {
              title: t('analytics.quality'),
              key: 'quality',
              align: 'right',
              render: (_, row) => scored(row.quality),
            },
          ]}
        />
      </div>
    </Card>
  );
}
