import { useCallback, useMemo, useState } from 'react';
import { Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { WarningOutlined } from '@ant-design/icons';
import {
  errorText,
  instancesApi,
  type InstanceOutcome,
  type InstanceList,
  type InstanceStatus,
  type InstanceSummary,
} from '../api/api-client.ts';
import { useLive, type LiveHandlers } from '../app/use-live.ts';
import { languageOf } from '../i18n/i18n.ts';
import { SearchBox } from '../app/SearchBox.tsx';
import { formatDateTimeSeconds } from '../i18n/format.ts';
import { ChannelDeliveries } from './ChannelDeliveries.tsx';
import { pageArrows } from '../app/antd-icons.tsx';
import { ConsoleIcon } from '../app/ConsoleIcon.tsx';
import { useConsoleMessage } from '../app/use-console-message.ts';

const STATUS_COLORS: Record<InstanceStatus | InstanceOutcome, string> = {
  active: 'processing',
  done: 'success',
  completed: 'success',
  failed: 'error',
  cancelled: 'default',
};

/** The status filter: a state, or how an ended instance ended (`done` is any ending). */
const STATUS_FILTERS: (InstanceStatus | InstanceOutcome)[] = [
  'active',
  'done',
  'completed',
  'failed',
  'cancelled',
];

/**
 * Journey instances with filters (journey, status, node, correlation value) and paging; for
 * operators, the channels' delivery health above them.
 */
export function InstancesPage({
  onOpen,
  canOperate = false,
}: {
  onOpen: (id: string) => void;
  canOperate?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const message = useConsoleMessage();
  const [filter, setFilter] = useState<Record<string, string | undefined>>({});
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<InstanceList>();
  // Live: new instances and moves arrive on the list's stream; only while it is down (or
  // refused) does the page ask every 3 s.
  const shown = useMemo(() => ({ ...filter, page, pageSize: 20 }), [filter, page]);
  const watch = useCallback(
    (on: LiveHandlers<InstanceList>) => instancesApi.watch(shown, on),
    [shown],
  );
  const load = useCallback(() => instancesApi.list(shown), [shown]);
  const failed = useCallback(
    (error: unknown) => void message.error(errorText(error, languageOf(i18n.language))),
    [message, i18n],
  );
  useLive(watch, load, setResult, failed);
  const set = (key: string) => (value: string | undefined) => {
    setPage(1);
    setFilter((f) => ({ ...f, [key]: value || undefined }));
  };
  return (
    <div className="page">
      <Typography.Title level={3}>{t('instances.title')}</Typography.Title>
      {canOperate && <ChannelDeliveries />}
      <Space wrap style={{ marginBottom: 12 }}>
        <SearchBox
          placeholder={t('instances.workflow')}
          allowClear
          onSearch={set('workflow')}
          data-testid="filter-workflow"
        />
        <Select
          placeholder={t('instances.status')}
          aria-label={t('instances.status')}
          allowClear
          style={{ width: 140 }}
          onChange={set('status')}
          options={STATUS_FILTERS.map((s) => ({ value: s, label: t(`run.instanceStatus.${s}`) }))}
        />
        <SearchBox placeholder={t('instances.node')} allowClear onSearch={set('node')} />
        <SearchBox
          placeholder={t('instances.correlation')}
          allowClear
          onSearch={set('correlation')}
        />
      </Space>
      <Table<InstanceSummary>
        rowKey="id"
        size="small"
        loading={!result}
        dataSource={result?.instances ?? []}
        pagination={{
          current: page,
          pageSize: 20,
          total: result?.total ?? 0,
          onChange: setPage,
          itemRender: pageArrows,
          showSizeChanger: false,
        }}
        rowClassName={(row) => (row.alarms?.length ? 'instance-alarmed' : '')}
        onRow={(row) => ({ onClick: () => onOpen(row.id), 'data-testid': `instance-${row.id}` })}
        columns={[
          { title: 'ID', dataIndex: 'id' },
          { title: t('instances.workflow'), render: (_, r) => `${r.workflowId} v${r.version}` },
          {
            title: t('instances.status'),
            render: (_, r) => {
              const shown = r.outcome ?? r.status;
              return (
                <Tag color={STATUS_COLORS[shown]} data-status={shown}>
                  {t(`run.instanceStatus.${shown}`)}
                </Tag>
              );
            },
          },
          {
            title: t('instances.attention'),
            render: (_, r) => (
              // A span, not Space: Space draws nothing without children, and a row with no
              // alarm still says so (data-alarms="").
              <span
                className="instance-alarms"
                data-testid={`alarms-${r.id}`}
                data-alarms={(r.alarms ?? []).join(' ')}
              >
                {(r.alarms ?? []).map((alarm) => (
                  <Tag key={alarm} color="error" icon={<ConsoleIcon icon={WarningOutlined} />}>
                    {t(`instances.alarm.${alarm}`)}
                  </Tag>
                ))}
              </span>
            ),
          },
          { title: t('instances.node'), dataIndex: 'node' },
          { title: t('instances.correlation'), dataIndex: 'correlation' },
          {
            title: t('instances.updated'),
            dataIndex: 'updatedAt',
            render: (v: string) => formatDateTimeSeconds(v, language),
          },
        ]}
      />
    </div>
  );
}
