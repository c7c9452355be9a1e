import { Alert, Segmented, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { inboxApi, type QueueSummary } from '../api/service-api.ts';
import { languageOf } from '../i18n/i18n.ts';
import { formatDuration } from '../i18n/format.ts';
import { NO_VALUE } from '../analytics/analytics-format.ts';
import { DeskProfile } from './DeskProfile.tsx';
import { useDesk, type DeskPartProps } from './desk-store.ts';
import { useDeskFailure, useDeskNames } from './desk-names.ts';

/**
 * The desk's head: the agent's status and name, and the queues of every skill group; the
 * queues alone for someone who is not an agent (`isAgent` false).
 */
export function DeskStatusBar({ desk, onChanged, isAgent }: DeskPartProps & { isAgent: boolean }) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const status = useDesk(desk, (s) => s.status);
  const awayReason = useDesk(desk, (s) => s.awayReason);
  const myName = useDesk(desk, (s) => s.myName);
  const queues = useDesk(desk, (s) => s.queues);
  const { groupName } = useDeskNames(desk);
  const fail = useDeskFailure();
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('inbox.title')}
        </Typography.Title>
        {isAgent && (
          <Segmented
            data-testid="agent-status"
            value={status}
            options={(['online', 'busy', 'away'] as const).map((value) => ({
              value,
              label: t(`inbox.status.${value}`),
            }))}
            onChange={(value) =>
              void inboxApi
                .setStatus(value as 'online' | 'busy' | 'away')
                .then(onChanged)
                .catch(fail)
            }
          />
        )}
        {isAgent && <DeskProfile name={myName} onSaved={() => void onChanged().catch(fail)} />}
      </Space>
      {isAgent && status === 'away' && awayReason === 'no-desk' && (
        <Alert
          type="warning"
          showIcon
          data-testid="auto-away"
          style={{ marginBottom: 12 }}
          message={t('inbox.autoAway.title')}
          description={t('inbox.autoAway.how')}
        />
      )}
      <Table<QueueSummary>
        size="small"
        rowKey="group"
        pagination={false}
        dataSource={queues}
        data-testid="queues"
        columns={[
          { title: t('inbox.group'), dataIndex: 'group', render: groupName },
          { title: t('inbox.waiting'), dataIndex: 'waiting' },
          {
            title: t('inbox.oldestWait'),
            dataIndex: 'oldestWaitSeconds',
            // An empty queue has nobody waiting, not someone who waited 0 ms.
            render: (s: number, queue) =>
              queue.waiting === 0 ? NO_VALUE : formatDuration(s * 1000, language),
          },
          { title: t('inbox.online'), dataIndex: 'onlineAgents' },
        ]}
        style={{ marginBottom: 12 }}
      />
    </>
  );
}
