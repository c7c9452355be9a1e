import { Card, Empty, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AgentReport, DashboardReport, ExportFilter } from './analytics-api.ts';
import { agentTotals } from './agent-totals.ts';
import { formatDuration, formatRate, formatScore } from './analytics-format.ts';
import { languageOf } from '../i18n/i18n.ts';
import type { Language } from '../i18n/messages.ts';
import { ExportButton } from './ExportButton.tsx';
import { rowTestId } from './row-test-id.ts';
import { pageArrows } from '../app/antd-icons.tsx';

/** A score with how many it averages: `4.5 (12)`. */
const scored = (
  { average, count }: { average: number | null; count: number },
  language: Language,
) => `${formatScore(average, language)} (${count})`;

/**
 * Each agent's handoffs, resolutions, response and handling times, satisfaction and quality,
 * with a row for all agents together and a line saying how those totals meet the key figures
 * above (the same handoffs as the handling time; not the conversations handed over).
 */
export function AgentsSection({
  agents,
  service,
  filter,
}: {
  agents: AgentReport[];
  service: DashboardReport['service'];
  filter: ExportFilter;
}) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const totals = agentTotals(agents);
  const cell = (index: number, testId: string, text: string | number) => (
    <Table.Summary.Cell index={index} align="right">
      <span data-testid={testId}>{text}</span>
    </Table.Summary.Cell>
  );
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
          pagination={agents.length > 20 ? { pageSize: 20, itemRender: pageArrows } : false}
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
            {
              title: t('analytics.resolved'),
              dataIndex: 'resolved',
              align: 'right',
              render: (resolved: number, row) => (
                <>
                  {resolved}
                  {row.resolvedBySupervisor > 0 && (
                    <Typography.Text
                      type="secondary"
                      data-testid={`resolved-by-supervisor-${row.agentId}`}
                      title={t('agentFigures.bySupervisorHint')}
                    >
                      {' '}
                      {t('agentFigures.bySupervisor', { count: row.resolvedBySupervisor })}
                    </Typography.Text>
                  )}
                </>
              ),
            },
            {
              title: (
                <span title={t('agentFigures.resolutionHint')}>
                  {t('agentFigures.resolutionRate')}
                </span>
              ),
              dataIndex: 'resolutionRate',
              align: 'right',
              render: (rate: number | null) => formatRate(rate, language),
            },
            {
              title: (
                <span title={t('agentFigures.firstResponseHint')}>
                  {t('agentFigures.firstResponse')}
                </span>
              ),
              key: 'firstResponse',
              align: 'right',
              render: (_, row) => formatDuration(row.firstResponse.averageMs, language),
            },
            {
              title: t('analytics.handling'),
              key: 'handling',
              align: 'right',
              render: (_, row) => formatDuration(row.handling.averageMs, language),
            },
            {
              title: t('analytics.satisfaction'),
              key: 'satisfaction',
              align: 'right',
              render: (_, row) => scored(row.satisfaction, language),
            },
            {
              title: t('analytics.quality'),
              key: 'quality',
              align: 'right',
              render: (_, row) => scored(row.quality, language),
            },
          ]}
          summary={() =>
            agents.length > 0 ? (
              <Table.Summary.Row className="agents-total">
                <Table.Summary.Cell index={0}>
                  <strong>{t('agentFigures.total')}</strong>
                </Table.Summary.Cell>
                {cell(1, 'agents-total-finished', totals.finished)}
                {cell(2, 'agents-total-resolved', totals.resolved)}
                {cell(3, 'agents-total-rate', formatRate(totals.resolutionRate, language))}
                {cell(
                  4,
                  'agents-total-first-response',
                  formatDuration(totals.firstResponse.average, language),
                )}
                {cell(
                  5,
                  'agents-total-handling',
                  formatDuration(totals.handling.average, language),
                )}
                {cell(6, 'agents-total-satisfaction', scored(totals.satisfaction, language))}
                {cell(7, 'agents-total-quality', scored(totals.quality, language))}
              </Table.Summary.Row>
            ) : null
          }
        />
        {agents.length > 0 && (
          <Typography.Text type="secondary" className="kpi-note" data-testid="agents-reconcile">
            {t('agentFigures.reconcile', {
              finished: totals.finished,
              measured: service.handling.count,
              handoffs: service.handoffs,
              abandoned: service.abandonedInQueue.count,
            })}
          </Typography.Text>
        )}
      </div>
    </Card>
  );
}
