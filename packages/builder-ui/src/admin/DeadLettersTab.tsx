import { useCallback } from 'react';
import { Button, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { adminApi, type DeadLetter } from '../api/admin-api.ts';
import { languageOf } from '../i18n/i18n.ts';
import { formatDateTime } from '../i18n/format.ts';
import { useAdminList } from './use-admin-list.ts';
import { pageArrows } from '../app/antd-icons.tsx';

/** Effects that gave up (messages, calls), newest first, each with a retry and its instance. */
export function DeadLettersTab({
  canOperate,
  onOpenInstance,
}: {
  canOperate: boolean;
  onOpenInstance: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const load = useCallback(() => adminApi.deadLetters().then((r) => r.deadLetters), []);
  const { rows, act } = useAdminList(load);
  return (
    <Table<DeadLetter>
      rowKey="_id"
      size="small"
      loading={!rows}
      dataSource={rows ?? []}
      pagination={{ pageSize: 50, itemRender: pageArrows }}
      onRow={(row) => ({ 'data-testid': `dead-${row._id}` }) as object}
      columns={[
        {
          title: t('admin.at'),
          dataIndex: 'at',
          render: (at: string) => formatDateTime(at, language),
        },
        {
          title: t('instances.title'),
          dataIndex: 'instanceId',
          render: (id: string) => (
            <Typography.Link onClick={() => onOpenInstance(id)}>{id}</Typography.Link>
          ),
        },
        { title: t('admin.kind'), render: (_, row) => `${row.kind} @ ${row.nodeId}` },
        {
          title: t('admin.error'),
          render: (_, row) => (
            <Typography.Text type="danger">
              {row.error.code}: {row.error.message} (×{row.attempts})
            </Typography.Text>
          ),
        },
        {
          title: '',
          render: (_, row) =>
            canOperate && (
              <Button
                size="small"
                data-testid={`dead-retry-${row._id}`}
                onClick={() => void act(() => adminApi.retry(row._id), t('admin.retried'))}
              >
                {t('instances.retry')}
              </Button>
            ),
        },
      ]}
    />
  );
}
